#!/usr/bin/env bash
# Soak test: mixed traffic (article pages, full-text search, "Go" searches,
# suggestions, missing pages, malformed requests) at the published app for a
# bounded time, over loopback only. Passes when every request got the answer
# its kind must get, no socket errors, nothing logged at ERR, RSS after the
# run within --max-growth-pct of RSS after the warm-up, and SIGTERM ends the
# app with exit code 0. Stops every process it started, by PID.
#
#   tools/soak/soak.sh [--seconds 60] [--warmup 15] [--articles 2000]
#                      [--connections 16] [--threads 2] [--max-growth-pct 15] [--keep]
set -euo pipefail

seconds=60 warmup=15 articles=2000 connections=16 threads=2 max_growth=15 sample=5 keep=0
while (($#)); do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --max-growth-pct) max_growth=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/wikiviewer-soak.XXXXXX)
app_pid="" wrk_pid=""

cleanup() {
  for pid in $wrk_pid $app_pid; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  if ((keep)); then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  if ((EUID == 0)); then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi

echo "== publishing (Release) and generating $articles articles in $work"
dotnet publish "$root/src/WikiViewer" -c Release -o "$work/app" --nologo -v q >/dev/null
dotnet run --project "$root/tools/CorpusGen" -c Release -- --articles "$articles" --out "$work/corpus" >/dev/null

# Rate limiting off: one loopback client at full speed is not a reader.
dotnet "$work/app/WikiViewer.dll" --urls http://127.0.0.1:0 --Wiki:ContentPath="$work/corpus" \
  --Wiki:RateLimit:PermitLimit=0 >"$work/app.log" 2>&1 &
app_pid=$!

base=""
until [[ -n $base ]]; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app exited:"; cat "$work/app.log"; exit 1; }
  base=$(grep -ao 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$work/app.log" | head -1 | sed 's/Now listening on: //') || true
  [[ -n $base ]] || sleep 0.2
done
until curl -sf "$base/healthz" | grep -q '"ready"'; do sleep 0.2; done
echo "== app PID $app_pid at $base: $(curl -s "$base/healthz")"

# The request list: every article page, searches and suggestions from the
# titles, missing pages, and requests that must be refused.
list="$work/requests.txt"
loaded=$(curl -s "$base/healthz" | grep -o '"articles":[0-9]*' | cut -d: -f2)
pages=$(( (loaded + 199) / 200 ))
for ((p = 1; p <= pages; p++)); do
  curl -s "$base/?page=$p" | grep -o 'href="/wiki/[^"#]*"' | sed 's/^href="//; s/"$//'
done | sort -u >"$work/pages.txt"
while read -r path; do
  title=${path#/wiki/}
  echo "page GET $path"
  echo "search GET /search?q=$title&fulltext=1"
  echo "go GET /search?q=$title"
  # The title's first character, whole: one %XX%XX%XX escape or one ASCII character.
  [[ $title =~ ^(%[0-9A-F]{2}%[0-9A-F]{2}%[0-9A-F]{2}|[^%]) ]] && echo "suggest GET /api/suggest?q=${BASH_REMATCH[1]}"
done <"$work/pages.txt" >"$list"
for i in $(seq 1 200); do
  echo "missing GET /wiki/%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E6%9D%A1%E7%9B%AE$i"
done >>"$list"
cat >>"$list" <<'BAD'
bad GET /wiki/%ZZ
bad GET /wiki/%C3%28
bad GET /wiki/a%01b
bad GET /category/a%0Ab
bad GET /search?q=%ZZ
bad GET /search?q=a&limit=-1
bad GET /search?q=a&limit=100000
bad GET /api/search?q=a&offset=-5
bad GET /api/search?q=a&limit=x
bad GET /?page=0
bad POST /
bad PUT /wiki/x
bad DELETE /api/search?q=a
BAD
echo "== $(grep -c '^page ' "$list") pages, $(wc -l <"$list") requests to draw from"

rss() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$app_pid/status"; }

echo "== warm-up ${warmup} s"
wrk -t "$threads" -c "$connections" -d "${warmup}s" -s "$root/tools/soak/mixed.lua" "$base" -- "$list" >"$work/warmup.txt"
baseline=$(rss)

echo "== soak ${seconds} s, $connections connections, $threads threads; RSS every ${sample} s"
SOAK_CONNECTIONS=$connections wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency -s "$root/tools/soak/mixed.lua" "$base" -- "$list" >"$work/wrk.txt" &
wrk_pid=$!
printf '%8s %10s\n' "t (s)" "RSS (MB)"
printf '%8s %10s\n' 0 "$baseline"
start=$(date +%s) peak=$baseline
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep "$sample"
  kill -0 "$wrk_pid" 2>/dev/null || break
  now=$(rss)
  peak=$(awk -v a="$peak" -v b="$now" 'BEGIN { print (b > a ? b : a) }')
  printf '%8s %10s\n' $(( $(date +%s) - start )) "$now"
done
wait "$wrk_pid" || true
wrk_pid=""
final=$(rss)
printf '%8s %10s\n' "end" "$final"
grep -E '^(requests|latency|sent|answered|SOAK)' "$work/wrk.txt" || true

echo "== SIGTERM"
kill -TERM "$app_pid"
exit_code=0
wait "$app_pid" || exit_code=$?
app_pid=""

growth=$(awk -v a="$baseline" -v b="$final" 'BEGIN { printf "%.1f", (b - a) / a * 100 }')
# From the end of the load on (before it, /healthz answers 503 on purpose).
errors=$(awk '/Loaded [0-9]+ articles/ { ready = 1 } ready && (/\] (ERR|FTL)/ || /responded 5[0-9][0-9]/) { n++ } END { print n + 0 }' "$work/app.log")
echo "RSS after warm-up ${baseline} MB, peak ${peak} MB, end ${final} MB (growth ${growth}%, bound ${max_growth}%)"
echo "log lines at ERR/FTL or with a 5xx: $errors; exit code after SIGTERM: $exit_code"

ok=1
grep -q '^SOAK-REQUESTS OK' "$work/wrk.txt" || ok=0
awk -v g="$growth" -v m="$max_growth" 'BEGIN { exit !(g < m) }' || ok=0
((errors == 0)) || ok=0
((exit_code == 0)) || ok=0
if ((ok)); then echo "SOAK PASS"; else echo "SOAK FAIL"; exit 1; fi
