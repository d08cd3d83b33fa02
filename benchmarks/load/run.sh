#!/usr/bin/env bash
# Load benchmark: WikiViewer side by side with kiwix-serve and nginx on one
# generated corpus (docs/benchmarks.md has the figures and how to read them).
#
#   benchmarks/load/run.sh [--articles N]... [--seed 42] [--duration 15]
#                          [--connections 32] [--threads 2] [--work DIR]
#                          [--results DIR] [--skip wikiviewer|kiwix|nginx]...
#                          [--wikiviewer-arg ARG]... [--wikiviewer-env K=V]...
#                          [--no-install] [--prepare-only]
#                          [--chart PNG] [--accept-encoding VALUE]
#                          [--kiwix-cache auto|default] [--reuse-export] [--request-log]
#                          [--startup-runs 3] [--variant zh-tw]...
#
# For each N (default 10000): generates the corpus with tools/CorpusGen (cached
# in --work by N and seed), publishes WikiViewer (Release), exports the static
# site with `WikiViewer export` and packs it into a ZIM with zimwriterfs
# (both cached by N, seed and the git tree of src/WikiViewer), then starts
# on 127.0.0.1, one after another so that each startup is timed alone
# (WikiViewer --startup-runs times, the median reported):
#   WikiViewer  the published app, rate limiting off, page cache sized to hold
#               every page (40 KB each), request log at Warning (only 4xx/5xx
#               lines) as nginx runs with access_log off; --request-log keeps
#               its default one line per request
#   kiwix-serve the ZIM (XAPIAN_CJK_NGRAM=1 when written and when served)
#   nginx       the static export (the upper bound for page serving)
# and drives each in turn with wrk: a warm-up reading every article twice (so
# that every server serves from its caches), then --duration seconds of random
# article pages, of a fixed sample of 500 2-4 character Chinese queries drawn
# from the corpus, and of 800,000 distinct queries each sent once (no cache can
# help; the results count any that wrapped around).
# Requests carry no Accept-Encoding (plain wrk): every server sends the same
# uncompressed bytes; --accept-encoding "gzip, deflate, br" sends a browser's.
# kiwix-serve gets libzim/libkiwix caches that hold the whole ZIM
# (ZIM_CLUSTERCACHE, ZIM_DIRENTCACHE, KIWIX_SEARCH_CACHE_SIZE), as WikiViewer
# holds its whole store; --kiwix-cache default runs it as installed (a
# 16-cluster cache: ~10x fewer pages/s and ~50x slower searches measured here).
# --variant CODE also drives WikiViewer's pages in that display variant (the
# `variant` cookie), after a warm-up pass in it, beside the as-written figure.
# Prints the table, writes results/N.json and results/results.csv, and stops
# everything it started, by PID. --prepare-only builds the corpus, export and
# ZIM (the slow, cached part) and stops there. --reuse-export serves kiwix-serve
# and nginx the newest export and ZIM already built for N and seed, whatever
# app made them (for a change to WikiViewer's speed, not to its pages; the
# results name the app that made them).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../lib.sh
source "$HERE/../lib.sh"

ARTICLES=()
SEED=42
DURATION=15
CONNECTIONS=32
THREADS=2
WORK=${TMPDIR:-/tmp}/wikiviewer-bench
RESULTS=$HERE/results
INSTALL=1
PREPARE_ONLY=0
ACCEPT_ENCODING=""
KIWIX_CACHE=auto
REUSE_EXPORT=0
REQUEST_LOG=0
VARIANTS=()
STARTUP_RUNS=3
CHART=$ROOT/docs/benchmarks-startup-rss.png
SKIP=()
WV_ARGS=()
WV_ENV=(ASPNETCORE_ENVIRONMENT=Production)
PORT_WIKIVIEWER=18080
PORT_KIWIX=18081
PORT_NGINX=18082

while [ $# -gt 0 ]; do
  case "$1" in
    --articles) ARTICLES+=("$2"); shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    --skip) SKIP+=("$2"); shift 2 ;;
    --wikiviewer-arg) WV_ARGS+=("$2"); shift 2 ;;
    --wikiviewer-env) WV_ENV+=("$2"); shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    --prepare-only) PREPARE_ONLY=1; shift ;;
    --chart) CHART=$2; shift 2 ;;
    --accept-encoding) ACCEPT_ENCODING=$2; shift 2 ;;
    --kiwix-cache) KIWIX_CACHE=$2; shift 2 ;;
    --reuse-export) REUSE_EXPORT=1; shift ;;
    --request-log) REQUEST_LOG=1; shift ;;
    --variant) VARIANTS+=("$2"); shift 2 ;;
    --startup-runs) STARTUP_RUNS=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#ARTICLES[@]} -gt 0 ] || ARTICLES=(10000)
mkdir -p "$WORK" "$RESULTS"

skipped() { local s; for s in "${SKIP[@]+"${SKIP[@]}"}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# ---------------------------------------------------------------- tools
install_tools() {
  local want=() have_kiwix=1 pkg
  command -v wrk >/dev/null || want+=(wrk)
  command -v nginx >/dev/null || want+=(nginx)
  command -v kiwix-serve >/dev/null || want+=(kiwix-tools)
  command -v zimwriterfs >/dev/null || want+=(zim-tools)
  python3 -c 'import matplotlib' 2>/dev/null || /usr/bin/python3 -c 'import matplotlib' 2>/dev/null || want+=(python3-matplotlib)
  [ ${#want[@]} -eq 0 ] && return 0
  if [ "$INSTALL" = 0 ]; then log "missing: ${want[*]} (--no-install)"; return 0; fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  log "installing ${want[*]}"
  $sudo apt-get update -qq
  local available=()
  for pkg in "${want[@]}"; do
    # Not piped into grep -q: under pipefail its early exit fails apt-cache with SIGPIPE.
    if [[ $(apt-cache policy "$pkg" 2>/dev/null) =~ Candidate:\ [0-9] ]]; then
      available+=("$pkg")
    else
      log "package $pkg is not available from this machine's apt sources"
    fi
  done
  [ ${#available[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${available[@]}" >&2
}

install_tools
command -v wrk >/dev/null || { echo "run.sh: wrk is required" >&2; exit 1; }
if ! command -v kiwix-serve >/dev/null || ! command -v zimwriterfs >/dev/null; then
  log "kiwix-serve or zimwriterfs is not installed: kiwix-serve is skipped"; SKIP+=(kiwix)
fi
if ! command -v nginx >/dev/null; then log "nginx is not installed: skipped"; SKIP+=(nginx); fi

# ---------------------------------------------------------------- machine
MACHINE_JSON=$WORK/machine.json
write_machine_json "$MACHINE_JSON"

# ---------------------------------------------------------------- build
log "publishing WikiViewer (Release)"
PUBLISH=$WORK/publish
rm -rf "$PUBLISH"
dotnet publish "$ROOT/src/WikiViewer" -c Release -o "$PUBLISH" -v quiet -nologo >&2
# The export and the ZIM depend on the app's source (the dll itself changes with
# every commit: the SDK stamps the commit into it).
APP_HASH=$(git -C "$ROOT" rev-parse --short=12 HEAD:src/WikiViewer)
if [ -n "$(git -C "$ROOT" status --porcelain -- src/WikiViewer)" ]; then
  APP_HASH=$APP_HASH-$( (git -C "$ROOT" diff HEAD -- src/WikiViewer; git -C "$ROOT" ls-files --others --exclude-standard -- src/WikiViewer | xargs -r cat) | sha256sum | cut -c1-8)
fi
ILLUSTRATION=$WORK/illustration.png
python3 "$HERE/illustration.py" "$ILLUSTRATION"

for N in "${ARTICLES[@]}"; do
  RUN=$WORK/run-$N-$SEED
  rm -rf "$RUN"; mkdir -p "$RUN"
  RAW=$RUN/raw.jsonl
  : > "$RAW"
  record() { printf '{"server":"%s","metric":"%s","value":%s}\n' "$1" "$2" "$3" >> "$RAW"; }
  record run articles "$N"
  record run seed "$SEED"
  record run app_hash "\"$APP_HASH\""
  record run load_start "\"$(loadavg)\""
  record run accept_encoding "\"$ACCEPT_ENCODING\""
  record run kiwix_cache "\"$KIWIX_CACHE\""

  # ---- corpus (cached by N and seed)
  CORPUS=$WORK/corpus-$N-$SEED
  ensure_corpus "$ROOT" "$N" "$SEED" "$CORPUS"

  # ---- static export (cached by N, seed and app)
  EXPORT_HASH=$APP_HASH
  if [ "$REUSE_EXPORT" = 1 ]; then
    newest=$(ls -t "$WORK"/export-"$N"-"$SEED"-*.done 2>/dev/null | head -n 1 || true)
    if [ -n "$newest" ]; then
      EXPORT_HASH=${newest#"$WORK/export-$N-$SEED-"}; EXPORT_HASH=${EXPORT_HASH%.done}
      log "reusing the export and ZIM made by app $EXPORT_HASH"
    fi
  fi
  record run export_app_hash "\"$EXPORT_HASH\""
  EXPORT=$WORK/export-$N-$SEED-$EXPORT_HASH
  if [ ! -f "$EXPORT.done" ]; then
    log "exporting the static site"
    rm -rf "$EXPORT"
    t0=$(now)
    dotnet "$PUBLISH/WikiViewer.dll" export --out "$EXPORT" --Wiki:ContentPath="$CORPUS" | grep -v '^app: .*Loading:' >&2
    awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f\n", b - a }' > "$EXPORT.seconds"
    cp "$ILLUSTRATION" "$EXPORT/illustration.png"
    touch "$EXPORT.done"
  fi
  record export seconds "$(cat "$EXPORT.seconds")"
  record export megabytes "$(du -sm "$EXPORT" | cut -f1)"
  record export files "$(find "$EXPORT" -type f | wc -l)"

  # ---- ZIM (cached likewise)
  BOOK=wikiviewer_$N
  ZIM_DIR=$WORK/zim-$N-$SEED-$EXPORT_HASH
  ZIM=$ZIM_DIR/$BOOK.zim
  if ! skipped kiwix; then
    if [ ! -f "$ZIM_DIR.done" ]; then
      log "packing the export into $BOOK.zim (zimwriterfs)"
      rm -rf "$ZIM_DIR"; mkdir -p "$ZIM_DIR"
      t0=$(now)
      XAPIAN_CJK_NGRAM=1 zimwriterfs --welcome=index.html --illustration=illustration.png --language=zho \
        --title="WikiViewer $N" --description="WikiViewer static export of $N generated articles" \
        --creator="CorpusGen" --publisher="WikiViewer" --name="$BOOK" \
        "$EXPORT" "$ZIM" > "$ZIM_DIR/zimwriterfs.log" 2>&1 \
        || { log "zimwriterfs failed (log: $ZIM_DIR/zimwriterfs.log)"; exit 1; }
      awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f\n", b - a }' > "$ZIM_DIR.seconds"
      touch "$ZIM_DIR.done"
    fi
    record zim seconds "$(cat "$ZIM_DIR.seconds")"
    record zim megabytes "$(du -sm "$ZIM" | cut -f1)"
  fi

  if [ "$PREPARE_ONLY" = 1 ]; then log "prepared $N articles: $CORPUS, $EXPORT${ZIM:+, $ZIM}"; continue; fi

  # ---- URL lists
  LISTS=$RUN/lists
  mkdir -p "$LISTS"
  python3 "$HERE/lists.py" --export "$EXPORT" --corpus "$CORPUS" --book "$BOOK" --out "$LISTS" --seed "$SEED" \
    --distinct 800000 >&2

  # ---- servers: started one after another, each startup timed alone
  declare -A PID=() BASE=()
  if ! skipped wikiviewer; then
    CACHE_MB=$(( N * 40 / 1024 > 256 ? N * 40 / 1024 : 256 ))
    REQUEST_LEVEL=Warning
    [ "$REQUEST_LOG" = 0 ] || REQUEST_LEVEL=Information
    record run request_log "\"$REQUEST_LEVEL\""
    record wikiviewer env "\"${WV_ENV[*]}\""
    record wikiviewer args "\"${WV_ARGS[*]+"${WV_ARGS[*]}"}\""
    # Started --startup-runs times from the folder (a load of 100,000 articles took
    # 18-27 s on this shared VM; the median is reported), the last of them with
    # --Wiki:SnapshotPath, so that it writes its store file there; then
    # --startup-runs times from that store file, as a restart on the same content
    # starts (the last one stays up for the load).
    SNAPSHOT=$RUN/store.wikiviewer
    rm -f "$SNAPSHOT"
    start_wikiviewer() { # attempt label [extra args...]
      local attempt=$1 label=$2; shift 2
      log "starting WikiViewer $label ($attempt/$STARTUP_RUNS; page cache $CACHE_MB MB; load $(loadavg))"
      t0=$(now)
      env "${WV_ENV[@]}" dotnet "$PUBLISH/WikiViewer.dll" --urls "http://127.0.0.1:$PORT_WIKIVIEWER" \
        --Wiki:ContentPath="$CORPUS" --Wiki:RateLimit:PermitLimit=0 --Wiki:PageCacheMegabytes=$CACHE_MB \
        --Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=$REQUEST_LEVEL \
        "$@" "${WV_ARGS[@]+"${WV_ARGS[@]}"}" > "$RUN/wikiviewer.log" 2>&1 &
      PID[wikiviewer]=$!; STARTED+=($!)
      BASE[wikiviewer]=http://127.0.0.1:$PORT_WIKIVIEWER
      s=$(wait_ready "${PID[wikiviewer]}" "${BASE[wikiviewer]}/healthz" "$t0") || { log "WikiViewer did not start ($s): $RUN/wikiviewer.log"; exit 1; }
      log "WikiViewer ready in $s s ($(grep -o 'Load phases: .*' "$RUN/wikiviewer.log" | tail -1))"
    }
    median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    STARTUPS=()
    for attempt in $(seq 1 "$STARTUP_RUNS"); do
      if [ "$attempt" = "$STARTUP_RUNS" ]; then
        start_wikiviewer "$attempt" "from the folder" --Wiki:SnapshotPath="$SNAPSHOT"
      else
        start_wikiviewer "$attempt" "from the folder"
      fi
      STARTUPS+=("$s")
      [ "$attempt" = "$STARTUP_RUNS" ] || stop_pid "${PID[wikiviewer]}"
    done
    record wikiviewer startup_runs "[$(IFS=,; echo "${STARTUPS[*]}")]"
    record wikiviewer startup_s "$(median "${STARTUPS[@]}")"
    record wikiviewer rss_ready_mb "$(rss_mb "${PID[wikiviewer]}")"
    record wikiviewer load_phases "\"$(grep -o 'Load phases: .*' "$RUN/wikiviewer.log" | tail -1)\""
    record wikiviewer loaded "\"$(grep -o 'Loaded [0-9]* articles.* in [0-9]* ms' "$RUN/wikiviewer.log" | tail -1 | sed 's/ from .* in / in /')\""
    for i in $(seq 1 1200); do grep -q 'Wrote the store\|could not be written' "$RUN/wikiviewer.log" && break; sleep 0.1; done
    written=$(grep -o 'Wrote the store .* ([0-9]* MB) in [0-9]* ms' "$RUN/wikiviewer.log" || true)
    [ -n "$written" ] || { log "WikiViewer wrote no store file: $RUN/wikiviewer.log"; exit 1; }
    record wikiviewer snapshot_mb "$(echo "$written" | sed 's/.*(\([0-9]*\) MB).*/\1/')"
    record wikiviewer snapshot_write_s "$(echo "$written" | sed 's/.* in \([0-9]*\) ms/\1/' | awk '{ printf "%.2f", $1 / 1000 }')"
    stop_pid "${PID[wikiviewer]}"
    SNAPSHOT_STARTUPS=()
    for attempt in $(seq 1 "$STARTUP_RUNS"); do
      start_wikiviewer "$attempt" "from its snapshot" --Wiki:SnapshotPath="$SNAPSHOT"
      grep -q 'Read the store ' "$RUN/wikiviewer.log" || { log "WikiViewer did not open its store file: $RUN/wikiviewer.log"; exit 1; }
      SNAPSHOT_STARTUPS+=("$s")
      [ "$attempt" = "$STARTUP_RUNS" ] || stop_pid "${PID[wikiviewer]}"
    done
    record wikiviewer snapshot_startup_runs "[$(IFS=,; echo "${SNAPSHOT_STARTUPS[*]}")]"
    record wikiviewer snapshot_startup_s "$(median "${SNAPSHOT_STARTUPS[@]}")"
    record wikiviewer snapshot_rss_ready_mb "$(rss_mb "${PID[wikiviewer]}")"
    record wikiviewer snapshot_rss_anon_ready_mb "$(rss_mb "${PID[wikiviewer]}" RssAnon)"
    record wikiviewer snapshot_rss_file_ready_mb "$(rss_mb "${PID[wikiviewer]}" RssFile)"
    record wikiviewer snapshot_load_phases "\"$(grep -o 'Load phases: .*' "$RUN/wikiviewer.log" | tail -1)\""
  fi
  if ! skipped kiwix; then
    KIWIX_ENV=(XAPIAN_CJK_NGRAM=1)
    if [ "$KIWIX_CACHE" = auto ]; then
      # Clusters hold up to 2 MB of content (zimwriterfs's default): room for all of them.
      KIWIX_ENV+=(ZIM_CLUSTERCACHE=$(( $(du -sm "$EXPORT" | cut -f1) / 2 + 64 ))
        ZIM_DIRENTCACHE=$(( $(find "$EXPORT" -type f | wc -l) + 1024 )) KIWIX_SEARCH_CACHE_SIZE=1024)
    fi
    record kiwix env "\"${KIWIX_ENV[*]}\""
    log "starting kiwix-serve (${KIWIX_ENV[*]}; load $(loadavg))"
    t0=$(now)
    env "${KIWIX_ENV[@]}" kiwix-serve --address=127.0.0.1 --port=$PORT_KIWIX "$ZIM" > "$RUN/kiwix.log" 2>&1 &
    PID[kiwix]=$!; STARTED+=($!)
    BASE[kiwix]=http://127.0.0.1:$PORT_KIWIX
    s=$(wait_ready "${PID[kiwix]}" "${BASE[kiwix]}/$BOOK/index.html" "$t0") || { log "kiwix-serve did not start ($s): $RUN/kiwix.log"; exit 1; }
    record kiwix startup_s "$s"
    record kiwix rss_ready_mb "$(rss_mb "${PID[kiwix]}")"
    log "kiwix-serve ready in $s s"
  fi
  if ! skipped nginx; then
    NGX=$RUN/nginx
    mkdir -p "$NGX"
    user_line=""
    [ "$(id -u)" = 0 ] && user_line="user $(id -un);"
    cat > "$NGX/nginx.conf" <<EOF
# Minimal static server over the export, as the current user, in the foreground.
worker_processes auto;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
daemon off;
$user_line
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $NGX/body;
    proxy_temp_path $NGX/proxy;
    fastcgi_temp_path $NGX/fastcgi;
    uwsgi_temp_path $NGX/uwsgi;
    scgi_temp_path $NGX/scgi;
    server {
        listen 127.0.0.1:$PORT_NGINX;
        root $EXPORT;
        index index.html;
    }
}
EOF
    log "starting nginx (load $(loadavg))"
    t0=$(now)
    nginx -c "$NGX/nginx.conf" -e "$NGX/error.log" > "$NGX/out.log" 2>&1 &
    PID[nginx]=$!; STARTED+=($!)
    BASE[nginx]=http://127.0.0.1:$PORT_NGINX
    s=$(wait_ready "${PID[nginx]}" "${BASE[nginx]}/index.html" "$t0" 30) || { log "nginx did not start ($s): $NGX/error.log"; exit 1; }
    record nginx startup_s "$s"
    record nginx rss_ready_mb "$(rss_mb "${PID[nginx]}")"
    log "nginx ready in $s s"
  fi

  # ---- sanity: the first URLs of every list answer 200
  CURL_ENC=()
  [ -z "$ACCEPT_ENCODING" ] || CURL_ENC=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  for server in "${!PID[@]}"; do
    for list in "$LISTS/pages-$server.txt" "$LISTS/search-sample-$server.txt"; do
      [ -f "$list" ] || continue
      while read -r path; do
        code=$(curl -s -o /dev/null -w '%{http_code}' "${CURL_ENC[@]+"${CURL_ENC[@]}"}" "${BASE[$server]}$path")
        [ "$code" = 200 ] || { log "$server: $path answered $code"; exit 1; }
      done < <(head -n 20 "$list")
    done
  done

  # ---- load, one server at a time
  drive() { # server name mode list [cookie]
    local server=$1 name=$2 mode=$3 list=$4 cookie=${5:-} out
    record "$server" "load_before_$name" "\"$(loadavg)\""
    out=$(WRK_THREADS=$THREADS WRK_MODE=$mode WRK_ACCEPT_ENCODING=$ACCEPT_ENCODING WRK_COOKIE=$cookie wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s \
      -s "$HERE/urls.lua" "${BASE[$server]}" -- "$list" | tail -n 1)
    record "$server" "$name" "$out"
    log "$server $name: $(python3 "$HERE/report.py" --line "$out")"
  }
  for server in wikiviewer kiwix nginx; do
    [ -n "${PID[$server]:-}" ] || continue
    log "$server: warm-up pass over ${N} articles (load $(loadavg))"
    record "$server" warmup "$(python3 "$HERE/warmup.py" "${BASE[$server]}" "$LISTS/pages-$server.txt" --accept-encoding "$ACCEPT_ENCODING")"
    for field in VmRSS RssAnon RssFile; do
      record "$server" "rss_warm_${field,,}_mb" "$(rss_mb "${PID[$server]}" "$field")"
    done
    drive "$server" pages random "$LISTS/pages-$server.txt"
    if [ "$server" = wikiviewer ]; then
      for variant in "${VARIANTS[@]+"${VARIANTS[@]}"}"; do
        log "$server: warm-up pass in $variant (load $(loadavg))"
        record "$server" "warmup_$variant" "$(python3 "$HERE/warmup.py" "${BASE[$server]}" "$LISTS/pages-$server.txt" --accept-encoding "$ACCEPT_ENCODING" --cookie "variant=$variant")"
        drive "$server" "pages_$variant" random "$LISTS/pages-$server.txt" "variant=$variant"
      done
    fi
    if [ -f "$LISTS/search-sample-$server.txt" ]; then
      drive "$server" search_sample random "$LISTS/search-sample-$server.txt"
      drive "$server" search_distinct sequential "$LISTS/search-distinct-$server.txt"
    fi
    record "$server" rss_after_mb "$(rss_mb "${PID[$server]}")"
    record "$server" rss_anon_after_mb "$(rss_mb "${PID[$server]}" RssAnon)"
    record "$server" rss_file_after_mb "$(rss_mb "${PID[$server]}" RssFile)"
  done
  record run load_end "\"$(loadavg)\""

  cleanup
  unset PID BASE

  python3 "$HERE/report.py" "$RAW" "$MACHINE_JSON" "$RESULTS"
done

[ "$PREPARE_ONLY" = 1 ] && exit 0
if python3 -c 'import matplotlib' 2>/dev/null; then PY=python3; else PY=/usr/bin/python3; fi
if $PY -c 'import matplotlib' 2>/dev/null; then
  mkdir -p "$(dirname "$CHART")"
  $PY "$HERE/chart.py" "$RESULTS" "$CHART"
else
  log "matplotlib is not installed: no chart (apt-get install python3-matplotlib)"
fi
