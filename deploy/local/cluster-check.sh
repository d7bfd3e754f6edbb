#!/usr/bin/env bash
# Brings the local cluster up (deploy/local/cluster.sh), sends a simulated fleet through HAProxy's ingest
# port and checks what a user of the cluster relies on, then takes the cluster down again:
#   - every acknowledged SMART row is stored, on the shard that owns its region and on that shard's replica;
#   - every row was scored: as many predictions as rows;
#   - the API behind HAProxy answers for the whole fleet;
#   - `harbinger loadtest` through HAProxy reconciles: every acknowledged sample is stored, per host;
#   - with one ingest node killed (kill -9), HAProxy takes it out and a second fleet's rows are all stored;
#     `cluster.sh up` brings the node back.
#   deploy/local/cluster-check.sh        (HARBINGER_CLUSTER_KEEP=1 leaves the cluster up)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
own_dir=""
[ -n "${HARBINGER_CLUSTER_DIR:-}" ] || own_dir=$(mktemp -d /tmp/harbinger-cluster-XXXXXX)
export HARBINGER_CLUSTER_DIR=${HARBINGER_CLUSTER_DIR:-$own_dir}
base=${HARBINGER_CLUSTER_BASE:-19000}
ingest="http://127.0.0.1:$((base + 80))" api="http://127.0.0.1:$((base + 81))"
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")
failures=0

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
check() { # what expected actual
  if [ "$2" = "$3" ]; then log "ok: $1 ($3)"; else log "FAILED: $1: expected $2, got $3"; failures=$((failures + 1)); fi
}
sql() { # port query
  local run=(); [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$1" -U postgres -d harbinger -tAc "$2"
}
rows() { # table [where]
  echo $(( $(sql $((base + 432)) "SELECT count(*) FROM $1 ${2:-}") + $(sql $((base + 434)) "SELECT count(*) FROM $1 ${2:-}") ))
}
await_rows() { # table expected seconds
  local deadline=$((SECONDS + $3)) n=0
  while [ $SECONDS -lt $deadline ]; do
    n=$(rows "$1")
    [ "$n" -ge "$2" ] && break
    sleep 1
  done
  echo "$n"
}
finish() {
  local rc=$?
  if [ -z "${HARBINGER_CLUSTER_KEEP:-}" ]; then
    "$here/cluster.sh" down
    if [ -n "$own_dir" ]; then
      if [ $rc -eq 0 ]; then rm -rf "$own_dir"; else log "logs of the failed check kept in $own_dir"; fi
    fi
  fi
  exit $rc
}
trap finish EXIT

started=$SECONDS
"$here/cluster.sh" up
log "cluster up in $((SECONDS - started)) s"

simulate() { # seed -> rows acknowledged
  local out="$HARBINGER_CLUSTER_DIR/simulate-$1.log"
  "$root/harbinger" simulate --url "$ingest" --hosts 40 --regions 4 --drives-per-host 4 --days 10 --start-days-ago 10 \
    --speed 0 --host-metrics-interval 0s --seed "$1" --progress-interval 1h > "$out" 2>&1
  tr '\r' '\n' < "$out" | grep -v '^ *$' | tail -1 >&2
  tr '\r' '\n' < "$out" | sed -n 's/.* \([0-9][0-9]*\) rows acknowledged.*/\1/p' | tail -1
}

acked=$(simulate 1)
log "first fleet: $acked rows acknowledged through HAProxy"
check "SMART rows stored" "$acked" "$(await_rows disk_samples "$acked" 120)"
check "predictions stored" "$acked" "$(await_rows predictions "$acked" 120)"
check "shard a holds only its regions" 0 "$(sql $((base + 432)) "SELECT count(*) FROM disk_samples WHERE region NOT IN ('region-1','region-3')")"
check "shard b holds only its regions" 0 "$(sql $((base + 434)) "SELECT count(*) FROM disk_samples WHERE region NOT IN ('region-2','region-4')")"
sleep 2
for shard in 0 2; do
  check "replica of shard $((shard / 2 + 1)) has its primary's rows" "$(sql $((base + 432 + shard)) "SELECT count(*) FROM disk_samples")" \
    "$(sql $((base + 433 + shard)) "SELECT count(*) FROM disk_samples")"
done
drives=$(curl -sf "$api/api/v1/fleet/summary" | jq '.total.drives')
check "the API behind HAProxy knows every drive (40 hosts x 4, and any replacement)" true "$([ "${drives:-0}" -ge 160 ] && echo true || echo "false: $drives")"

# the load tester through HAProxy: open-loop line protocol, reconciled per host over both shards
lt_rc=0
"$root/harbinger" loadtest --url "$ingest" --api-url "$api" --metrics-url "http://127.0.0.1:$((base + 121)),http://127.0.0.1:$((base + 122))" \
  --rate 2000 --duration 10s --hosts 80 --regions 4 --hosts-per-request 8 --drain-timeout 2m --report "$HARBINGER_CLUSTER_DIR/loadtest" \
  > "$HARBINGER_CLUSTER_DIR/loadtest.log" 2>&1 || lt_rc=$?
grep -E "^(sent for|end to end|ack latency|answers|reconciled|drain|sample ->)" "$HARBINGER_CLUSTER_DIR/loadtest.log" || true
check "loadtest through HAProxy: every acknowledged sample stored (exit status)" 0 "$lt_rc"

victim=$(cat "$HARBINGER_CLUSTER_DIR/nodes/ingest-1/pid")
kill -9 "$victim"
log "killed ingest-1 (pid $victim) with SIGKILL"
sleep 3 # HAProxy's check: every 1 s, down after 2 failures
before=$(rows disk_samples)
more=$(simulate 2)
log "second fleet: $more rows acknowledged with ingest-1 dead"
check "SMART rows stored after the kill" $((before + more)) "$(await_rows disk_samples $((before + more)) 120)"
"$here/cluster.sh" up >/dev/null 2>&1
check "cluster whole again after up, every node in HAProxy's pool" 0 "$("$here/cluster.sh" status >/dev/null; echo $?)"
"$here/cluster.sh" status || true

[ "$failures" -eq 0 ] && log "cluster check passed" || { log "cluster check: $failures failed"; exit 1; }
