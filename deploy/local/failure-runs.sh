#!/usr/bin/env bash
# Failures under load on the local cluster (deploy/local/cluster.sh), each scenario its own run:
# a steady `harbinger loadtest` through HAProxy while a reader polls the API through HAProxy; after
# $FAILURE_KILL_AT seconds one process is killed with SIGKILL, $FAILURE_DOWN seconds later
# `cluster.sh up` starts it again. The load tester reconciles per host (zero acknowledged-sample loss
# or exit 1) and counts what writers saw; the reader's answers are counted too. Recovery is read
# from the load test's timeline: seconds from the kill until every later second of the run is clean
# (no client errors, ack p99 and both lags back near what they were before the kill).
#
#   deploy/local/failure-runs.sh [ingest processor broker pg-replica pg-primary redis]   (default: all six)
#
# Brings the cluster up if it is not. Results under $HARBINGER_CLUSTER_DIR/failures/<scenario>/ and a
# table in $HARBINGER_CLUSTER_DIR/failures/results.md. Settings: FAILURE_RATE (samples/s, 2000),
# FAILURE_DURATION (s, 75), FAILURE_KILL_AT (s, 20), FAILURE_DOWN (s, 15), FAILURE_HOSTS (400; a host's requests go in
# order, 8 hosts to a request, so fewer hosts means fewer requests in flight), FAILURE_WARMUP (s of load before the first run, 30).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export HARBINGER_CLUSTER_DIR=${HARBINGER_CLUSTER_DIR:-$root/cluster-data}
base=${HARBINGER_CLUSTER_BASE:-19000}
rate=${FAILURE_RATE:-2000}
duration=${FAILURE_DURATION:-75}
kill_at=${FAILURE_KILL_AT:-20}
down_for=${FAILURE_DOWN:-15}
hosts=${FAILURE_HOSTS:-400}
warmup=${FAILURE_WARMUP:-30}
dir=$HARBINGER_CLUSTER_DIR
ingest="http://127.0.0.1:$((base + 80))"
api="http://127.0.0.1:$((base + 81))"
metrics="http://127.0.0.1:$((base + 121)),http://127.0.0.1:$((base + 122))"
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(ingest processor broker pg-replica pg-primary redis)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

victim_pid() { # scenario -> the PID to kill, and what it is
  case "$1" in
    ingest) echo "$(cat "$dir/nodes/ingest-1/pid") ingest-1" ;;
    processor) echo "$(cat "$dir/nodes/process-1/pid") process-1" ;;
    broker) echo "$(cat "$dir/kafka/broker-2/pid") kafka-broker-2" ;;
    pg-replica) echo "$(head -1 "$dir/postgres/a-replica/postmaster.pid") postgresql-shard-a-replica" ;;
    pg-primary) echo "$(head -1 "$dir/postgres/a-primary/postmaster.pid") postgresql-shard-a-primary" ;;
    redis) echo "$(cat "$dir/redis/pid") redis" ;;
    *) die "unknown scenario $1 (ingest processor broker pg-replica pg-primary redis)" ;;
  esac
}

reader() { # out: one line per read of the fleet summary through HAProxy: epoch seconds, HTTP status (000: no answer), seconds
  while :; do
    curl -s -o /dev/null -m 5 -w "$(date +%s.%N),%{http_code},%{time_total}\n" "$api/api/v1/fleet/summary" >> "$1" || true
    sleep 0.2
  done
}

# from the timeline, seconds from the kill until every later second is clean (settled) and until the first
# five clean seconds in a row (restored); prints "settled last_second restored" (restored -1: never).
# A second is clean with no client errors, ack p99 within 3x the pre-kill median (at least 100 ms), processor and
# loader lag within 2x their pre-kill maximum (at least 1000), and storage keeping up (3 s window, 60% of offered).
recovery() { # timeline.csv kill_second
  awk -F, -v kill="$2" '
    NR == 1 { next }
    { sec[NR] = $1; off[NR] = $3; st[NR] = $5; err[NR] = $7; p99[NR] = $9; plag[NR] = $11; llag[NR] = $12; n = NR }
    $1 > 5 && $1 <= kill { nb++; bp99[nb] = $9 + 0; if ($11 > bpl) bpl = $11; if ($12 > bll) bll = $12 }
    END {
      for (i = 2; i <= nb; i++) for (j = i; j > 1 && bp99[j - 1] > bp99[j]; j--) { t = bp99[j]; bp99[j] = bp99[j - 1]; bp99[j - 1] = t }
      med = nb ? bp99[int((nb + 1) / 2)] : 0
      lp99 = 3 * med; if (lp99 < 100) lp99 = 100
      lpl = 2 * bpl; if (lpl < 1000) lpl = 1000
      lll = 2 * bll; if (lll < 1000) lll = 1000
      last = kill; run = 0; restored = -1
      for (i = 2; i <= n; i++) {
        if (sec[i] <= kill) continue
        # storage behind: over the last 3 s, under 60% of what was offered stored (a second with the sum unknown skips the test)
        slow = 0
        if (i >= 4 && st[i] != "" && st[i - 1] != "" && st[i - 2] != "" && off[i] > 0) slow = (st[i] + st[i - 1] + st[i - 2]) < 0.6 * (off[i] + off[i - 1] + off[i - 2])
        if (err[i] > 0 || (p99[i] != "" && p99[i] > lp99) || plag[i] > lpl || llag[i] > lll || slow) { last = sec[i]; run = 0 }
        else if (++run == 5 && restored < 0) restored = sec[i] - 5 - kill
      }
      printf "%d %d %d\n", last - kill, sec[n], restored
    }' "$1"
}

loadtest() { # host_prefix seconds report_dir log: the steady load every run offers, through HAProxy
  "$root/harbinger" loadtest --url "$ingest" --api-url "$api" --metrics-url "$metrics" --rate "$rate" --duration "${2}s" \
    --hosts "$hosts" --regions 4 --hosts-per-request 8 --host-prefix "$1-$(date +%s)-" --drain-timeout 5m --progress-interval 5s \
    --report "$3" > "$4" 2>&1
}

run() { # scenario
  local scenario=$1 out="$dir/failures/$1"
  rm -rf "$out"; mkdir -p "$out"
  "$here/cluster.sh" up > "$out/cluster-up.log" 2>&1 || die "cluster not up (see $out/cluster-up.log)"
  "$here/cluster.sh" status > "$out/status-before.txt" 2>&1 || die "cluster not whole before $scenario: $(cat "$out/status-before.txt")"
  local reader_pid lt_pid lt_rc=0 pid what
  reader "$out/reads.csv" & reader_pid=$!
  loadtest "$scenario" "$duration" "$out/loadtest" "$out/loadtest.log" & lt_pid=$!
  until grep -q "^loadtest " "$out/loadtest.log" 2>/dev/null; do # the fleet is generated: sending starts
    kill -0 "$lt_pid" 2>/dev/null || die "$scenario: the load test ended before it started (see $out/loadtest.log)"
    sleep 0.2
  done
  sleep "$kill_at"
  read -r pid what <<< "$(victim_pid "$scenario")"
  local killed; killed=$(date +%s.%N)
  kill -9 "$pid"
  log "$scenario: killed $what (pid $pid) with SIGKILL"
  sleep "$down_for"
  local restarted; restarted=$(date +%s.%N)
  "$here/cluster.sh" up > "$out/cluster-restart.log" 2>&1 || log "$scenario: cluster.sh up failed (see $out/cluster-restart.log)"
  local whole; whole=$(date +%s.%N)
  log "$scenario: $what started again, cluster whole $(awk -v a="$whole" -v b="$restarted" 'BEGIN { printf "%.1f", a - b }') s after the restart began"
  wait "$lt_pid" || lt_rc=$?
  kill "$reader_pid" 2>/dev/null || true; wait "$reader_pid" 2>/dev/null || true
  "$here/cluster.sh" status > "$out/status-after.txt" 2>&1 || true

  local summary="$out/loadtest/summary.txt"
  [ -f "$summary" ] || die "$scenario: no summary (see $out/loadtest.log)"
  local started kill_s rec last_tick restored answers reconciled drain reads bad first_bad last_bad
  started=$(date -d "$(sed -n 's/.*started \([^ ]*\)$/\1/p' "$summary")" +%s.%N)
  kill_s=$(awk -v a="$killed" -v b="$started" 'BEGIN { printf "%d", a - b + 0.5 }')
  read -r rec last_tick restored <<< "$(recovery "$out/loadtest/timeline.csv" "$kill_s")"
  answers=$(sed -n 's/^answers: \(.*\)$/\1/p' "$summary" | sed 's/ — first refusal.*//')
  reconciled=$(grep -q "every acknowledged sample is stored" "$summary" && echo "0 lost" || sed -n 's/.*; \([0-9]* acknowledged samples NOT stored\).*/\1/p' "$summary")
  drain=$(sed -n 's/^drain: every acknowledged sample stored \([0-9.]*\) s after.*/\1/p' "$summary")
  reads=$(wc -l < "$out/reads.csv")
  bad=$(awk -F, '$2 != 200' "$out/reads.csv" | wc -l)
  first_bad=$(awk -F, -v k="$killed" '$2 != 200 { printf "%.1f", $1 - k; exit }' "$out/reads.csv")
  last_bad=$(awk -F, -v k="$killed" '$2 != 200 { t = $1 - k } END { if (t != "") printf "%.1f", t }' "$out/reads.csv")
  local recovery_text
  if [ "$rec" -ge $((last_tick - kill_s)) ] && [ "$rec" -gt 0 ]; then recovery_text="settled: not by the end of sending"; else recovery_text="settled ${rec} s"; fi
  if [ "$restored" -ge 0 ]; then recovery_text="restored ${restored} s, $recovery_text"; else recovery_text="restored: never, $recovery_text"; fi
  local up_s; up_s=$(awk -v a="$whole" -v b="$killed" 'BEGIN { printf "%.0f", a - b }')
  {
    echo "scenario: $scenario — SIGKILL of $what at ${kill_s} s of a ${duration} s steady run at $rate samples/s, started again ${down_for} s later"
    echo "load test exit status: $lt_rc ($reconciled)"
    grep -E "^(sent for|ack latency|answers|reconciled|drain|sample ->)" "$summary"
    echo "recovery after the kill (restored: first 5 clean seconds in a row; settled: every later second clean): $recovery_text"
    echo "restart began ${down_for} s after the kill; cluster whole again (cluster.sh up returned) ${up_s} s after it"
    echo "reads through HAProxy: $reads, not 200: $bad${first_bad:+ (first ${first_bad} s after the kill, last ${last_bad} s)}"
  } > "$out/result.txt"
  cat "$out/result.txt" >&2
  printf '| %s | %s | %s | %s | %s | %s s | %s s | %s of %s%s |\n' "$scenario" "$what" "$reconciled" "$answers" "$recovery_text" "$up_s" "${drain:--}" "$bad" "$reads" \
    "${first_bad:+, ${first_bad}..${last_bad} s after the kill}" >> "$dir/failures/results.md"
  [ "$lt_rc" -eq 0 ]
}

mkdir -p "$dir/failures"
{
  echo "Failures under load, $(date -u +%FT%TZ), commit $(git -C "$root" rev-parse --short HEAD): steady $rate samples/s for $duration s, $hosts hosts, kill at $kill_at s, down $down_for s"
  echo
  echo "| scenario | killed | acknowledged samples | what writers saw | recovery after the kill | kill -> whole again | drain after the load | reads not 200 |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$dir/failures/results.md"
# a cluster just started answers slowly for its first minute (JIT, first partitions, first connections): warm it up first
log "warm-up: ${warmup} s at $rate samples/s, not counted"
loadtest warmup "$warmup" "$dir/failures/warmup" "$dir/failures/warmup.log" || die "the warm-up load test failed (see $dir/failures/warmup.log)"
failed=0
for s in "${scenarios[@]}"; do
  log "scenario $s"
  run "$s" || { failed=$((failed + 1)); log "$s: acknowledged samples lost or the load test failed"; }
done
cat "$dir/failures/results.md"
[ "$failed" -eq 0 ]
