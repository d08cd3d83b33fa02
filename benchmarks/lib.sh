# Shared by benchmarks/load/run.sh and benchmarks/scale/run.sh (sourced, not run):
# logging, the processes a run starts (stopped by PID on exit), their memory,
# readiness, the machine's description and the generated corpus.
# The sourcing script sets `set -euo pipefail` itself.

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
# Seconds from START to now, two decimals.
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# ---------------------------------------------------------------- processes
# Every process a run starts goes into STARTED; the EXIT trap stops them, by PID.
STARTED=()
stop_pid() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${STARTED[@]+"${STARTED[@]}"}"; do stop_pid "$pid"; done
  STARTED=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# RSS in MB of a process and its children (nginx's workers); a second argument names
# another field of /proc/PID/status: RssAnon (the heap and other anonymous memory),
# RssFile (file-backed pages, such as a mapped snapshot's, which the kernel may drop)
# or VmHWM (the peak RSS since the process started).
rss_mb() {
  local pid=$1 field=${2:-VmRSS} total=0 p kb
  for p in "$pid" $(pgrep -P "$pid" || true); do
    kb=$(awk -v f="$field:" '$1 == f {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

# Waits until URL answers 200 (or the process dies); prints the seconds since START.
wait_ready() {
  local pid=$1 url=$2 start=$3 timeout=${4:-600}
  while true; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "dead"; return 1; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ]; then
      seconds_since "$start"
      return 0
    fi
    if awk -v a="$start" -v b="$(now)" -v t="$timeout" 'BEGIN { exit !(b - a > t) }'; then echo "timeout"; return 1; fi
    sleep 0.05
  done
}

# Fails when something already answers on PORT: its 200 would pass for ours.
port_free() {
  local port=$1
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    log "port $port is taken by another process"
    return 1
  fi
}

# ---------------------------------------------------------------- machine
# Writes the machine's description (cores, CPU, memory, OS, the tools' versions) as JSON.
write_machine_json() {
  python3 - "$1" <<'EOF'
import json, os, platform, re, subprocess, sys
def run(*cmd):
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return done.stdout + done.stderr
    except Exception:
        return ""
cpu = re.search(r"Model name:\s*(.+)", run("lscpu"))
mem = re.search(r"MemTotal:\s*([0-9]+)", open("/proc/meminfo").read())
osr = dict(l.rstrip().split("=", 1) for l in open("/etc/os-release") if "=" in l)
info = {
    "cores": os.cpu_count(),
    "cpu": cpu.group(1).strip() if cpu else platform.processor(),
    "memory_gb": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
    "os": osr.get("PRETTY_NAME", "").strip('"'),
    "kernel": platform.release(),
    "dotnet_sdk": run("dotnet", "--version").strip(),
    "aspnetcore": " ".join(l.split()[1] for l in run("dotnet", "--list-runtimes").splitlines() if l.startswith("Microsoft.AspNetCore.App")),
    "nginx": run("nginx", "-v").strip().split("/")[-1],
    "kiwix_serve": (run("kiwix-serve", "--version").strip().splitlines() or [""])[0],
    "wrk": run("wrk", "-v").split("[")[0].strip(),
}
json.dump(info, open(sys.argv[1], "w"))
EOF
}

# ---------------------------------------------------------------- corpus
# Generates N articles with tools/CorpusGen into CORPUS unless CORPUS.done says it is there.
ensure_corpus() {
  local root=$1 n=$2 seed=$3 corpus=$4
  [ ! -f "$corpus.done" ] || return 0
  log "generating $n articles (seed $seed)"
  rm -rf "$corpus"
  dotnet run --project "$root/tools/CorpusGen" -c Release -- --articles "$n" --seed "$seed" --out "$corpus" >&2
  touch "$corpus.done"
}
