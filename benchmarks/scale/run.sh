#!/usr/bin/env bash
# Scale benchmark: WikiViewer alone on a large generated corpus, with a
# snapshot, measured against issue 19's targets ("the whole Chinese Wikipedia
# on one ordinary machine").
#
# How to run: `benchmarks/scale/run.sh` measures 999,999 articles (about 10
# minutes on 2 cores at today's code, with about 3 GB free for the first
# start, results/999999.json's VmHWM, and 18 GB of disk for the corpus and
# the store; the corpus, 3.8 GB, is generated first when it is not in --work
# yet, in about 2.5 more). `--articles 100000` is the quick check;
# `--skip-first-start` restarts on the store a previous run left in
# $WORK/scale-N-SEED and measures from there (on the same commit: the
# snapshot names the build that wrote it). Needs wrk, curl and python3. The
# machine is shared: the table records the load average before each phase.
#
#   benchmarks/scale/run.sh [--articles 999999] [--seed 42] [--work DIR]
#                           [--duration 10] [--brief-duration 4]
#                           [--connections 32] [--threads 2] [--results DIR]
#                           [--titles 100000] [--queries 200000]
#                           [--skip-first-start] [--wikiviewer-arg ARG]...
#
# One run, on the corpus $WORK/corpus-N-SEED (tools/CorpusGen, cached as
# benchmarks/load/run.sh caches it):
#  1. publishes WikiViewer (Release) to $WORK/publish-scale;
#  2. first start: the published app on 127.0.0.1 with --Wiki:SnapshotPath
#     (the snapshot removed first), rate limiting off, the request log at
#     Warning, the default page cache; /healthz is asked every 0.1 s while it
#     loads and a body kept every second (the load's progress). Records seconds
#     to ready (the first 200), VmHWM, VmRSS and RssAnon at ready; then waits
#     for "Wrote the store" and records VmHWM again, the snapshot's size (every
#     file at its path or beside it with that prefix) and write time; stops it.
#     The peak of the whole first start is the VmHWM at ready when the store
#     was written before ready (as the load writes it now), else the one after
#     it was written; what the server maps once serving (the index and plain
#     texts, after the warm-up) is reported apart;
#  3. restart on the same content and snapshot: seconds to ready, VmHWM,
#     RssAnon and RssFile at ready; fails unless the log says the store was
#     read back from the snapshot, and, before and after the drives, if it says
#     the folder is being loaded again (a store other code wrote);
#  4. URL lists (lists.py): the titles of a random --titles files (read from
#     each lead), --queries distinct 2-4 character Chinese queries cut from the
#     corpus text (load/lists.py's draw_queries), the home page's pages, the
#     categories; a few dozen of each asked first, those not answering 200
#     dropped and counted;
#  5. wrk (load/urls.lua), --connections and --threads: --duration s of random
#     article pages, then --duration s of distinct searches (/api/search, each
#     query once); then RssAnon, VmRSS, RssFile and VmHWM;
#  6. briefly (--brief-duration s each): the home page paged, category pages
#     (paged for the largest), /random (302, counted a success);
#  7. prints the figures beside issue 19's targets (met / missed), writes
#     $RESULTS/N.json and appends a row to $RESULTS/results.csv. Everything it
#     started is stopped by PID on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../lib.sh
source "$HERE/../lib.sh"

# The log lines the run waits for and checks (src/WikiViewer/Loading/Snapshots/StoreSnapshot.cs).
WROTE_PATTERN='Wrote the store'
WRITE_FAILED_PATTERN='could not be written'
READ_BACK_PATTERN='Read the store '
RELOAD_PATTERN='loading the folder again while it serves'

ARTICLES=999999
SEED=42
WORK=${TMPDIR:-/tmp}/wikiviewer-bench
DURATION=10
BRIEF_DURATION=4
CONNECTIONS=32
THREADS=2
RESULTS=$HERE/results
TITLES=100000
QUERIES=200000
SKIP_FIRST_START=0
WV_ARGS=()
PORT=18090
READY_TIMEOUT=3600
WRITE_TIMEOUT=3600

while [ $# -gt 0 ]; do
  case "$1" in
    --articles) ARTICLES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --brief-duration) BRIEF_DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    --titles) TITLES=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --skip-first-start) SKIP_FIRST_START=1; shift ;;
    --wikiviewer-arg) WV_ARGS+=("$2"); shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "run.sh: wrk is required (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$WORK" "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)

N=$ARTICLES
CORPUS=$WORK/corpus-$N-$SEED
RUN=$WORK/scale-$N-$SEED
SNAPSHOT=$RUN/store.wikiviewer
BASE=http://127.0.0.1:$PORT
mkdir -p "$RUN"
if [ "$SKIP_FIRST_START" = 1 ] && [ ! -f "$SNAPSHOT" ]; then
  echo "run.sh: --skip-first-start needs the store of an earlier run at $SNAPSHOT" >&2; exit 1
fi
rm -f "$RUN"/*.log "$RUN"/*-healthz.tsv
RAW=$RUN/raw.jsonl
: > "$RAW"
# One figure: SECTION METRIC VALUE (VALUE is JSON).
record() { printf '{"section":"%s","metric":"%s","value":%s}\n' "$1" "$2" "$3" >> "$RAW"; }
quoted() { python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1"; }
memory() { # section when pid: VmHWM, VmRSS, RssAnon and RssFile in MB, as FIELD_WHEN_mb
  local field
  for field in VmHWM VmRSS RssAnon RssFile; do record "$1" "${field,,}${2:+_$2}_mb" "$(rss_mb "$3" "$field")"; done
}

ensure_corpus "$ROOT" "$N" "$SEED" "$CORPUS"
write_machine_json "$RUN/machine.json"
record run articles "$N"
record run seed "$SEED"
record run commit "\"$(git -C "$ROOT" rev-parse --short=12 HEAD)$( [ -z "$(git -C "$ROOT" status --porcelain -- src/WikiViewer)" ] || echo "+changes")\""
record run started "\"$(date -u +%FT%TZ)\""
record run duration_s "$DURATION"
record run brief_duration_s "$BRIEF_DURATION"
record run connections "$CONNECTIONS"
record run threads "$THREADS"
record run wikiviewer_args "$(quoted "${WV_ARGS[*]+"${WV_ARGS[*]}"}")"
record run corpus_mb "$(du -sm "$CORPUS" | cut -f1)"
# Other work shares the machine: how much memory it left.
record run mem_available_mb "$(awk '$1 == "MemAvailable:" { print int($2 / 1024) }' /proc/meminfo)"

log "publishing WikiViewer (Release) to $WORK/publish-scale"
PUBLISH=$WORK/publish-scale
rm -rf "$PUBLISH"
dotnet publish "$ROOT/src/WikiViewer" -c Release -o "$PUBLISH" -v quiet -nologo >&2

# ---------------------------------------------------------------- the server
# Waits, as wait_ready does, until /healthz answers 200, asking every 0.1 s; keeps a
# body a second (and the first and the 200) in SAMPLES, with the process's memory then, as
# "seconds<TAB>status<TAB>VmHWM MB<TAB>RssAnon MB<TAB>body". Prints the seconds from START to the 200.
watch_ready() {
  local pid=$1 start=$2 samples=$3 body=$RUN/healthz.body code t last=-1000000 elapsed memory
  : > "$samples"
  while true; do
    kill -0 "$pid" 2>/dev/null || { echo "dead"; return 1; }
    rm -f "$body"
    code=$(curl -s -o "$body" -w '%{http_code}' --max-time 2 "$BASE/healthz" || true)
    elapsed=$(( ${EPOCHREALTIME/./} - ${start/./} ))
    t=$(printf '%d.%02d' $((elapsed / 1000000)) $((elapsed % 1000000 / 10000)))
    if [ "$code" = 200 ] || [ $((elapsed - last)) -ge 1000000 ]; then
      memory=$(awk '$1 == "VmHWM:" { h = $2 } $1 == "RssAnon:" { a = $2 } END { printf "%d\t%d", h / 1024, a / 1024 }' "/proc/$pid/status" 2>/dev/null || printf '0\t0')
      printf '%s\t%s\t%s\t%s\n' "$t" "$code" "$memory" "$( [ ! -f "$body" ] || tr -d '\n\t' < "$body")" >> "$samples"
      last=$elapsed
    fi
    if [ "$code" = 200 ]; then echo "$t"; return 0; fi
    [ $((elapsed / 1000000)) -lt "$READY_TIMEOUT" ] || { echo "timeout"; return 1; }
    sleep 0.1
  done
}

# The figures so far, as N.json, a row of results.csv and the table.
report() {
  local healthz=() name
  for name in first_start restart; do
    [ ! -f "$RUN/$name-healthz.tsv" ] || healthz+=(--healthz "$name=$RUN/$name-healthz.tsv")
  done
  python3 "$HERE/report.py" "$RAW" "$RUN/machine.json" "$RESULTS" "${healthz[@]+"${healthz[@]}"}"
}
# fail WHY: records why the run stopped, reports what it measured until then, exits.
fail() {
  log "$1"
  record run failed "$(quoted "$1")"
  record run load_end "\"$(loadavg)\""
  cleanup
  report || true
  exit 1
}
# fail_server NAME WHY: fail, with how the server of section NAME ended if it did (the
# kernel's out-of-memory killer sends SIGKILL: 137) and the end of its log.
fail_server() {
  local name=$1 why=$2 status=""
  if ! kill -0 "$PID" 2>/dev/null; then
    wait "$PID" 2>/dev/null && status=0 || status=$?
    record "$name" exit_status "$status"
    why="$why; it exited with status $status$( [ "$status" != 137 ] || echo ' (SIGKILL: out of memory?)')"
  fi
  tail -n 20 "$RUN/$name.log" >&2
  fail "WikiViewer $name: $why (log: $RUN/$name.log)"
}

PID=""
# start_server NAME: starts the app with the snapshot, waits until ready, records its
# seconds to ready under section NAME; the log is $RUN/NAME.log.
start_server() {
  local name=$1 start s
  port_free "$PORT" || fail "port $PORT is taken"
  record "$name" load_before "\"$(loadavg)\""
  log "starting WikiViewer: $name (load $(loadavg))"
  start=$EPOCHREALTIME
  env ASPNETCORE_ENVIRONMENT=Production dotnet "$PUBLISH/WikiViewer.dll" --urls "$BASE" \
    --Wiki:ContentPath="$CORPUS" --Wiki:SnapshotPath="$SNAPSHOT" --Wiki:RateLimit:PermitLimit=0 \
    --Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Warning \
    "${WV_ARGS[@]+"${WV_ARGS[@]}"}" > "$RUN/$name.log" 2>&1 &
  PID=$!; STARTED+=("$PID")
  s=$(watch_ready "$PID" "$start" "$RUN/$name-healthz.tsv") || fail_server "$name" "did not get ready ($s)"
  record "$name" ready_s "$s"
  log "$name: ready in $s s, VmHWM $(rss_mb "$PID" VmHWM) MB, RssAnon $(rss_mb "$PID" RssAnon) MB"
}
# The figures the log gives for section NAME: the load, and lines at Warning or above other
# than the /healthz 503s that watch_ready itself caused while the store loaded and the
# 499s of the requests still in flight when a wrk run ended (counted apart).
record_log() {
  local name=$1 file=$RUN/$1.log ours='GET /healthz responded 503| responded 499 '
  record "$name" loaded "$(quoted "$(grep -o 'Loaded [0-9]* articles.* in [0-9]* ms' "$file" | tail -1 || true)")"
  record "$name" load_phases "$(quoted "$(grep -o 'Load phases: .*' "$file" | tail -1 || true)")"
  record "$name" log_warnings "$(grep -E '^\[[0-9:]+ (WRN|ERR|FTL)\]' "$file" | grep -vEc "$ours" || true)"
  record "$name" log_5xx "$(grep -E 'responded 5[0-9][0-9]' "$file" | grep -vEc "$ours" || true)"
  record "$name" log_499 "$(grep -c ' responded 499 ' "$file" || true)"
  record "$name" log_warning_lines "$(python3 -c 'import json, re, sys
lines = [l.rstrip() for l in open(sys.argv[1], encoding="utf-8", errors="replace")
         if re.match(r"^\[[0-9:]+ (WRN|ERR|FTL)\]", l) and not re.search(sys.argv[2], l)]
print(json.dumps(lines[:20], ensure_ascii=False))' "$file" "$ours")"
}

# ---------------------------------------------------------------- 2. first start
if [ "$SKIP_FIRST_START" = 0 ]; then
  rm -f "$SNAPSHOT" "$SNAPSHOT".*
  start_server first_start
  memory first_start ready "$PID"
  if grep -q "$WROTE_PATTERN" "$RUN/first_start.log"; then record first_start written_before_ready true; else record first_start written_before_ready false; fi
  log "first_start: waiting for the snapshot"
  for _ in $(seq 1 $((WRITE_TIMEOUT * 10))); do
    grep -q "$WROTE_PATTERN\|$WRITE_FAILED_PATTERN" "$RUN/first_start.log" && break
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
  done
  written=$(grep -o "$WROTE_PATTERN .* in [0-9]* ms" "$RUN/first_start.log" || true)
  [ -n "$written" ] || fail_server first_start "wrote no snapshot"
  record first_start snapshot_write_s "$(echo "$written" | sed 's/.* in \([0-9]*\) ms/\1/' | awk '{ printf "%.2f", $1 / 1000 }')"
  memory first_start written "$PID"
  record first_start snapshot_mb "$(du -cm "$SNAPSHOT" "$SNAPSHOT".* 2>/dev/null | tail -n 1 | cut -f1)"
  record first_start snapshot_files "$(quoted "$(cd "$RUN" && ls -1 "$(basename "$SNAPSHOT")"* | tr '\n' ' ')")"
  record_log first_start
  log "first_start: snapshot $(du -cm "$SNAPSHOT" "$SNAPSHOT".* 2>/dev/null | tail -n 1 | cut -f1) MB; VmHWM $(rss_mb "$PID" VmHWM) MB"
  stop_pid "$PID"
else
  log "skipping the first start: restarting on $SNAPSHOT"
fi

# ---------------------------------------------------------------- 3. restart
start_server restart
grep -q "$READ_BACK_PATTERN" "$RUN/restart.log" || fail "the restart did not read the store back (no \"$READ_BACK_PATTERN\" in $RUN/restart.log: $(grep -o 'The snapshot .*' "$RUN/restart.log" | head -n 1 || true))"
memory restart ready "$PID"
record restart read_back "$(quoted "$(grep -o "$READ_BACK_PATTERN.*" "$RUN/restart.log" | tail -1)")"

# ---------------------------------------------------------------- 4. URL lists
LISTS=$RUN/lists
mkdir -p "$LISTS"
log "writing the URL lists ($TITLES titles, $QUERIES queries)"
record lists load_before "\"$(loadavg)\""
t0=$EPOCHREALTIME
summary=$(python3 "$HERE/lists.py" --corpus "$CORPUS" --base "$BASE" --out "$LISTS" --seed "$SEED" \
  --titles "$TITLES" --queries "$QUERIES") || fail "lists.py failed"
record lists summary "$summary"
record lists seconds "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"

# ---------------------------------------------------------------- 5. and 6. load
# drive NAME MODE LIST SECONDS: one wrk run, its JSON line recorded under NAME.
drive() {
  local name=$1 mode=$2 list=$3 seconds=$4 out
  record "$name" load_before "\"$(loadavg)\""
  out=$(WRK_THREADS=$THREADS WRK_MODE=$mode wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s \
    -s "$HERE/../load/urls.lua" "$BASE" -- "$list" | tail -n 1) || true
  [[ $out == '{'* ]] || fail_server restart "wrk $name printed no figures"
  kill -0 "$PID" 2>/dev/null || fail_server restart "the server ended during wrk $name"
  record "$name" wrk "$out"
  log "$name: $(python3 "$HERE/../load/report.py" --line "$out")"
}
# A restart on a store that other content or code wrote (--skip-first-start after a
# commit) loads the folder again while it serves: its figures would be that load's.
fail_if_reloading() {
  local line
  line=$(grep -o "The store file was made from other .*$RELOAD_PATTERN" "$RUN/restart.log" | head -n 1 || true)
  [[ -z $line ]] || fail_server restart "the restart is loading the folder again (\"$line\"): the store was written by other content or code; after a change, run without --skip-first-start"
}
fail_if_reloading
# How much of the store file the page cache holds as readers come (util-linux's fincore):
# the first view of a page it does not hold waits for the disk.
if command -v fincore >/dev/null; then
  record pages store_cached_bytes "$(fincore --bytes --noheadings --output RES "$SNAPSHOT"* | awk '{ s += $1 } END { printf "%.0f\n", s }')"
fi
drive pages random "$LISTS/pages.txt" "$DURATION"
drive search sequential "$LISTS/search.txt" "$DURATION"
memory after "" "$PID"
drive home random "$LISTS/home.txt" "$BRIEF_DURATION"
drive category random "$LISTS/categories.txt" "$BRIEF_DURATION"
drive random random "$LISTS/random.txt" "$BRIEF_DURATION"
fail_if_reloading
record_log restart
record run load_end "\"$(loadavg)\""
cleanup

# ---------------------------------------------------------------- 7. report
report
