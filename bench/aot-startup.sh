#!/usr/bin/env bash
# Whole-process time of one diagnosis of the seed fixture: the consumer host (tests/consumer) as a NativeAOT binary
# against the same host on the JIT (net10.0 framework-dependent, and net8.0 self-contained), each run N times
# (default 10) after one warm-up run. Needs the builds of .ci/consumer-test (run it first). Numbers: bench/README.md.
#
#   bash bench/aot-startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
bin=artifacts/consumer/bin/CodeTwo.AuthDiagnostics.Consumer/Release
args=(tests/fixtures/seed-security-defaults.json backup@contoso.com unavailable --time)

measure() {
  local name="$1"; shift
  [ -x "$1" ] || { echo "$1 is missing: run bash .ci/consumer-test first" >&2; exit 1; }
  "$@" "${args[@]}" > /dev/null 2>&1   # warm-up: page cache, not the process
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" "${args[@]}" > /dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v n="$runs" '
    { t[NR] = $1; sum += $1 }
    END { printf "%-34s mean %5.0f ms  median %5d ms  min %5d ms  max %5d ms  (%d runs)\n", name, sum / NR, t[int((NR + 1) / 2)], t[1], t[NR], n }'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
measure "NativeAOT (linux-x64)" artifacts/consumer/aot/CodeTwo.AuthDiagnostics.Consumer
measure "JIT net10.0 (framework-dependent)" "$bin/net10.0/CodeTwo.AuthDiagnostics.Consumer"
measure "JIT net8.0 (self-contained)" "$bin/net8.0/linux-x64/CodeTwo.AuthDiagnostics.Consumer"
echo "NativeAOT binary: $(stat -c %s artifacts/consumer/aot/CodeTwo.AuthDiagnostics.Consumer) bytes (symbols apart: $(stat -c %s artifacts/consumer/aot/CodeTwo.AuthDiagnostics.Consumer.dbg) bytes .dbg)"
files() { find "$1" -maxdepth 1 -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
echo "JIT output folders: net10.0 $(files "$bin/net10.0") bytes (plus the shared .NET runtime); net8.0 self-contained $(files "$bin/net8.0/linux-x64") bytes"
