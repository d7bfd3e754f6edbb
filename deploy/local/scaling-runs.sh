#!/usr/bin/env bash
# Scaling on the local cluster (deploy/local/cluster.sh): the same steady `harbinger loadtest` through
# HAProxy with 1, 2 and 3 ingest nodes (both processors up), then with 1 and 2 processors (all three
# ingest nodes up). Nodes not in a run are stopped by their PID and HAProxy's health check takes them
# out of the pool. Every run reconciles per host (exit 1 on any lost sample).
#
#   deploy/local/scaling-runs.sh
#
# Settings: SCALE_INGEST_RATE (samples/s for the ingest runs, 6000), SCALE_PROCESS_RATE (for the
# processor runs, 3000), SCALE_DURATION (s, 45), SCALE_HOSTS (400). Results under
# $HARBINGER_CLUSTER_DIR/scaling/ and a table in $HARBINGER_CLUSTER_DIR/scaling/results.md.
# Every process of the cluster shares this machine's cores: adding a node adds no CPU here, so these runs
# show that the work spreads and what the extra JVM costs, not the speed-up more machines would give.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export HARBINGER_CLUSTER_DIR=${HARBINGER_CLUSTER_DIR:-$root/cluster-data}
dir=$HARBINGER_CLUSTER_DIR
base=${HARBINGER_CLUSTER_BASE:-19000}
ingest_rate=${SCALE_INGEST_RATE:-6000}
process_rate=${SCALE_PROCESS_RATE:-3000}
duration=${SCALE_DURATION:-45}
hosts=${SCALE_HOSTS:-400}
ingest="http://127.0.0.1:$((base + 80))"
api="http://127.0.0.1:$((base + 81))"
stats="http://127.0.0.1:$((base + 404))"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

pool_up() { # backend: servers HAProxy has UP in it
  curl -sf -m 2 "$stats/;csv" | awk -F, -v b="$1" '$1 == b && $2 !~ /^(FRONTEND|BACKEND)$/ && $18 == "UP"' | wc -l
}

shape() { # ingest_nodes processors: start what is missing, then stop what this run leaves out
  "$here/cluster.sh" up > "$dir/scaling/cluster-up.log" 2>&1 || die "cluster not up (see $dir/scaling/cluster-up.log)"
  local i
  for i in 3 2; do [ "$i" -le "$1" ] || "$here/cluster.sh" stop "ingest-$i" >/dev/null 2>&1; done
  [ "$2" -ge 2 ] || "$here/cluster.sh" stop process-2 >/dev/null 2>&1
  local deadline=$((SECONDS + 30))
  until [ "$(pool_up ingest)" -eq "$1" ]; do [ $SECONDS -lt $deadline ] || die "HAProxy's ingest pool is not $1 servers"; sleep 0.5; done
  sleep 5 # a stopped processor's partitions move to the one left (Streams rebalance)
}

run() { # name ingest_nodes processors rate
  local name=$1 out="$dir/scaling/$1" metrics="http://127.0.0.1:$((base + 121))"
  [ "$3" -ge 2 ] && metrics="$metrics,http://127.0.0.1:$((base + 122))"
  rm -rf "$out"; mkdir -p "$out"
  shape "$2" "$3"
  log "$name: $2 ingest node(s), $3 processor(s), $4 samples/s for $duration s"
  local rc=0
  "$root/harbinger" loadtest --url "$ingest" --api-url "$api" --metrics-url "$metrics" --rate "$4" --duration "${duration}s" \
    --hosts "$hosts" --regions 4 --hosts-per-request 8 --host-prefix "$name-$(date +%s)-" --drain-timeout 5m \
    --report "$out/loadtest" > "$out/loadtest.log" 2>&1 || rc=$?
  local s="$out/loadtest/summary.txt"
  [ -f "$s" ] || die "$name: no summary (see $out/loadtest.log)"
  grep -E "^(sent for|ack latency|answers|reconciled|drain|sample ->)" "$s" >&2
  local acked lat pred lag lost
  acked=$(sed -n 's/^acknowledged rate \([^ ]*\) samples.*/\1/p' "$s")
  lat=$(sed -n 's/^ack latency from due time (ms): p50 \([^ ]*\)  p90 [^ ]*  p99 \([^ ]*\) .*/p50 \1, p99 \2/p' "$s")
  pred=$(sed -n 's/^sample -> prediction stored (ms, [0-9]* records with predictions): p50 \([^ ]*\)  p99 \([^;]*\);.*/p50 \1, p99 \2/p' "$s")
  lag=$(awk -F, 'NR > 1 && $11 > m { m = $11 } END { printf "%d", m }' "$out/loadtest/timeline.csv")
  lost=$(grep -q "every acknowledged sample is stored" "$s" && echo 0 || echo "LOST")
  printf '| %s | %d | %d | %s | %s | %s | %s | %s | %s |\n' "$name" "$2" "$3" "$4" "$acked" "$lat" "$pred" "$lag" "$lost" >> "$dir/scaling/results.md"
  [ "$rc" -eq 0 ]
}

mkdir -p "$dir/scaling"
{
  echo "Scaling, $(date -u +%FT%TZ), commit $(git -C "$root" rev-parse --short HEAD), $(nproc) cores shared by every process: steady runs of $duration s, $hosts hosts"
  echo
  echo "| run | ingest nodes | processors | offered samples/s | acknowledged samples/s | ack latency ms | sample -> prediction ms | max processor lag | lost |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$dir/scaling/results.md"
failed=0
run ingest-1 1 2 "$ingest_rate" || failed=$((failed + 1))
run ingest-2 2 2 "$ingest_rate" || failed=$((failed + 1))
run ingest-3 3 2 "$ingest_rate" || failed=$((failed + 1))
run process-1 3 1 "$process_rate" || failed=$((failed + 1))
run process-2 3 2 "$process_rate" || failed=$((failed + 1))
"$here/cluster.sh" up > "$dir/scaling/cluster-up.log" 2>&1 || true
cat "$dir/scaling/results.md"
[ "$failed" -eq 0 ]
