#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every ingest parser and of the read API's query parameters: runs
# each named target (all by default) in fuzzing mode for the given time, one after the other, and
# prints executions, coverage and corpus size per target. A plain build (mvn verify) only replays each
# target's committed seeds (src/test/resources/<package>/<Class>Inputs/<method>/).
#   scripts/fuzz.sh [--time 10m] [target ...]     time: 90s, 10m, 1h (default 1m per target)
#   scripts/fuzz.sh --list
# The corpus a run grows stays in <module>/.cifuzz-corpus/ and a finding's reproducer in the target's
# Inputs directory as crash-*/timeout-*; both are git-ignored: add a reproducer on purpose (renamed) to
# keep it as a regression seed. Logs: target/fuzz/<target>.log. Extra Maven flags: FUZZ_MVN_FLAGS (e.g. -o).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# name|module|test class#method
TARGETS=(
  "lineprotocol|harbinger-parsers|io.harbinger.parsers.lineprotocol.LineProtocolCoverageFuzzTest#parse"
  "remotewrite|harbinger-parsers|io.harbinger.parsers.prometheus.RemoteWriteCoverageFuzzTest#parse"
  "otlp|harbinger-parsers|io.harbinger.parsers.otlp.OtlpCoverageFuzzTest#parse"
  "smartctl|harbinger-parsers|io.harbinger.parsers.smartctl.SmartJsonCoverageFuzzTest#smartctl"
  "ceph|harbinger-parsers|io.harbinger.parsers.smartctl.SmartJsonCoverageFuzzTest#ceph"
  "backblaze|harbinger-parsers|io.harbinger.parsers.backblaze.BackblazeCoverageFuzzTest#parse"
  "queryparams|harbinger-api|io.harbinger.api.QueryParamsCoverageFuzzTest#parse"
)

usage() { sed -n '2,10s/^# \{0,1\}//p' "$0"; }

seconds() {  # 90s | 10m | 1h | 600 -> seconds
  case "$1" in
    *[0-9]s) echo "${1%s}" ;;
    *[0-9]m) echo $(( ${1%m} * 60 )) ;;
    *[0-9]h) echo $(( ${1%h} * 3600 )) ;;
    *[0-9]) echo "$1" ;;
    *) echo "fuzz.sh: --time takes 90s, 10m or 1h, got '$1'" >&2; return 1 ;;
  esac
}

lookup() {  # name -> its TARGETS line
  local t
  for t in "${TARGETS[@]}"; do [ "${t%%|*}" = "$1" ] && { echo "$t"; return 0; }; done
  echo "fuzz.sh: no target '$1'; --list shows them" >&2
  return 1
}

time_spec=1m
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) time_spec=${2:?--time needs a value}; shift 2 ;;
    --time=*) time_spec=${1#--time=}; shift ;;
    --list) for t in "${TARGETS[@]}"; do IFS='|' read -r n m c <<<"$t"; printf '%-13s %-18s %s\n' "$n" "$m" "$c"; done; exit 0 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) names+=("$1"); shift ;;
  esac
done
total=$(seconds "$time_spec")
[ ${#names[@]} -gt 0 ] || for t in "${TARGETS[@]}"; do names+=("${t%%|*}"); done
for n in "${names[@]}"; do lookup "$n" >/dev/null; done

. "$root/scripts/find-jdk.sh"
cd "$root"
mkdir -p target/fuzz
failed=()
for n in "${names[@]}"; do
  IFS='|' read -r name module test <<<"$(lookup "$n")"
  log=target/fuzz/$name.log
  echo "== $name ($test) for ${total}s; log $log"
  # -timeout: an input taking over 10 s is a hang (a finding); -max_total_time overrides @FuzzTest's maxDuration
  # (Jazzer takes libFuzzer arguments from the jazzer.internal.arg.N configuration parameters)
  if JAZZER_FUZZ=1 mvn -B -ntp ${FUZZ_MVN_FLAGS:-} test -pl "$module" -am -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
       -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$total" -Djazzer.internal.arg.2=-timeout=10 \
       >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed+=("$name")
  fi
  summary=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  runs=$(grep -E '^Done [0-9]+ runs in' "$log" | tail -1 || true)
  echo "   $status: ${runs:-no libFuzzer summary} | ${summary:-}"
  if [ "$status" = FAILED ]; then
    grep -E 'FuzzTestFinding|== Java Exception|crash-|timeout-|ERROR\]' "$log" | head -8 | sed 's/^/   /'
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "findings or failures in: ${failed[*]} (see target/fuzz/)"; exit 1; }
