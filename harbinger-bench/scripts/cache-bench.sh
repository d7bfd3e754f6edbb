#!/usr/bin/env bash
# The read cache, cached (strict eviction; and with --read-cache-refresh-ahead on) vs uncached: one node (packaged build, `harbinger serve`, pinned to one core with
# taskset, its bundled PostgreSQL and embedded Kafka inherit the pinning) holding a replayed real fleet, and
# wrk on the other core against the fleet reads, with the cache on (default) and off (--read-cache off),
# idle and while a replay ingests more days. Prints a Markdown table (median of REPS runs) and keeps the
# raw wrk output under $OUT.
#   harbinger-bench/scripts/cache-bench.sh [SECONDS] [REPS]
# Env: OUT (/tmp/cache-bench), DATA (../shared/data/backblaze-st4000dm000-2018-h1), WARM_FROM/WARM_TO (the
# days replayed before measuring: 2018-05-01..2018-05-07), INGEST_FROM/INGEST_TO (the days replayed while measuring:
# 2018-05-08..2018-05-31; each mode is a fresh node warmed by the same replay, so both ingest the same new days),
# INGEST_SPEED (simulated days per second while measuring: 0.25, about 7,000 drive samples/s; 0 = as fast as acked),
# MODES ("on ahead off": cache on, cache on with refresh-ahead, cache off), SERVER_CPU (1), CLIENT_CPU (0), CONNECTIONS (16), PORT (9097). wrk: ../shared/bench/setup.sh.
# Endpoints: /api/v1/fleet/summary and /api/v1/fleet/at-risk?limit=100 of every bucket (the replayed week has few
# drives at warning or bad) when the node serves them, else
# /api/v1/risk?limit=100&asOf=<the day after WARM_TO> (the fleet's riskiest drives of the last warm day).
set -euo pipefail
seconds=${1:-15} reps=${2:-3}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${OUT:-/tmp/cache-bench} data=${DATA:-$(cd "$root/.." && pwd)/shared/data/backblaze-st4000dm000-2018-h1}
warm_from=${WARM_FROM:-2018-05-01} warm_to=${WARM_TO:-2018-05-07}
ingest_from=${INGEST_FROM:-2018-05-08} ingest_to=${INGEST_TO:-2018-05-31} ingest_speed=${INGEST_SPEED:-0.25}
server_cpu=${SERVER_CPU:-1} client_cpu=${CLIENT_CPU:-0} conns=${CONNECTIONS:-16} port=${PORT:-9097}
command -v wrk >/dev/null || { echo "wrk is missing: run ../shared/bench/setup.sh" >&2; exit 2; }
. "$root/scripts/find-jdk.sh"
jar="$root/harbinger-app/target/harbinger.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -ntp -DskipTests package -pl harbinger-app -am)
java_flags=(-XX:+UseParallelGC -Xms1g -Xmx1g --sun-misc-unsafe-memory-access=allow)
mkdir -p "$out"; rm -rf "$out/node"
base="http://127.0.0.1:$port"
curl -sf "$base/health" > /dev/null && { echo "port $port is taken by a running server" >&2; exit 2; }
node_pid="" replay_pid=""
stop_node() { # by PID, waiting for it (it closes its PostgreSQL and broker)
  if [ -n "$node_pid" ]; then kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; node_pid=""; fi
}
stop_replay() {
  if [ -n "$replay_pid" ]; then kill "$replay_pid" 2>/dev/null || true; wait "$replay_pid" 2>/dev/null || true; replay_pid=""; fi
}
trap 'stop_replay; stop_node' EXIT
start_node() { # label, extra serve options...
  local label=$1; shift
  taskset -c "$server_cpu" "$JAVA_HOME/bin/java" "${java_flags[@]}" -jar "$jar" serve --port "$port" --data-dir "$out/node" "$@" \
    > "$out/node-$label.log" 2>&1 &
  node_pid=$!
  for _ in $(seq 600); do curl -sf "$base/ready" >/dev/null && return 0; sleep 0.5; done
  echo "node did not get ready: $out/node-$label.log" >&2; exit 1
}
replay() { # from to speed, in the background; sets replay_pid
  taskset -c "$client_cpu" "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar "$jar" replay --data "$data" --from "$1" --to "$2" \
    --speed "$3" --url "$base" > "$out/replay-$1.log" 2>&1 &
  replay_pid=$!
}
wrk_once() { # name url -> "p50_ms p99_ms rps"
  local file="$out/wrk-$1.txt"
  taskset -c "$client_cpu" wrk -t1 -c"$conns" -d"${seconds}s" --timeout 30s --latency "$2" > "$file"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50.000%" || $1 == "50%" { p50 = ms($2) } $1 == "99.000%" || $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 } /Non-2xx/ { bad = $NF } /Socket errors/ { gsub(",", ""); timeouts = $NF }
    END { printf "%.3f %.3f %.0f %d\n", p50, p99, rps, bad + timeouts }' "$file"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() { # mode phase name url -> one table row
  local rows=() i bytes
  bytes=$(curl -sf "$4" | wc -c) # warm: the first load is not measured
  [ "$bytes" -gt 100 ] || { echo "$4 answers only $bytes bytes: no data?" >&2; exit 1; }
  for i in $(seq "$reps"); do rows+=("$(wrk_once "$1-$2-$3-$i" "$4")"); done
  local p50 p99 rps errors
  p50=$(printf '%s\n' "${rows[@]}" | awk '{print $1}' | median)
  p99=$(printf '%s\n' "${rows[@]}" | awk '{print $2}' | median)
  rps=$(printf '%s\n' "${rows[@]}" | awk '{print $3}' | median)
  errors=$(printf '%s\n' "${rows[@]}" | awk '{ n += $4 } END { print n + 0 }')
  echo "| $3 ($bytes B) | $1 | $2 | $p50 | $p99 | $rps | $errors | $(cut -d' ' -f1 /proc/loadavg) |" | tee -a "$out/table.md"
}

# A node is never restarted on its data: at start the partition maintenance drops partitions older than the
# retention by the wall clock, and a replay's days are years old. So each mode gets a fresh node, warmed by the
# same replay.
: > "$out/table.md"
echo "| read (answer size) | cache | phase | p50 ms | p99 ms | requests/s | non-2xx + timeouts | load avg |" | tee -a "$out/table.md"
echo "|---|---|---|---|---|---|---|---|" | tee -a "$out/table.md"
for mode in ${MODES:-on ahead off}; do
  rm -rf "$out/node"
  case $mode in
    on) start_node on --read-cache on ;;
    ahead) start_node ahead --read-cache on --read-cache-refresh-ahead on ;;
    off) start_node off --read-cache off ;;
  esac
  echo "cache $mode: replaying $warm_from..$warm_to into a fresh node" >&2
  replay "$warm_from" "$warm_to" 0; wait "$replay_pid"; replay_pid=""
  "$root/harbinger-bench/scripts/flush.sh" "$port" "$out/flush.log"
  if curl -sf "$base/api/v1/fleet/summary" > /dev/null; then
    endpoints=("summary=$base/api/v1/fleet/summary" "at-risk-100=$base/api/v1/fleet/at-risk?limit=100&bucket=bad,warning,good,unknown")
  else
    as_of=$(date -u -d "$warm_to + 1 day" +%Y-%m-%dT00:00:00Z)
    endpoints=("risk-100=$base/api/v1/risk?limit=100&asOf=$as_of")
  fi
  for e in "${endpoints[@]}"; do measure "$mode" idle "${e%%=*}" "${e#*=}"; done
  replay "$ingest_from" "$ingest_to" "$ingest_speed"
  sleep 5 # the replay is sending
  for e in "${endpoints[@]}"; do measure "$mode" ingest "${e%%=*}" "${e#*=}"; done
  stop_replay
  curl -sf "$base/metrics" | grep -E '^harbinger_cache_(hits|misses|evictions|invalidations|bypassed)|^harbinger_cache_invalidation_delay_seconds' \
    > "$out/metrics-$mode.txt" || true
  stop_node
done
echo "table: $out/table.md; wrk output: $out/wrk-*.txt; cache metrics: $out/metrics-on.txt" >&2
