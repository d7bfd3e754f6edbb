#!/usr/bin/env bash
# Accuracy under a surge: the same real Backblaze days replayed (`harbinger replay`) into two fresh
# embedded nodes, once alone and once while `harbinger loadtest --profile surge` drives the node at
# 5x its baseline, and the predictions stored for the replayed drive-days compared row by row
# (drive, host, day, model, probability, bucket). Exit 1 when they differ.
#
#   harbinger-bench/scripts/surge-accuracy.sh [DATA_DIR]   (default ../shared/data/backblaze-st4000dm000-2018-h1)
#
# The server is pinned to core $ACC_SERVER_CPU (1), the clients to $ACC_CLIENT_CPU (0). Settings:
# ACC_FROM (2018-03-01), ACC_TO (2018-03-12), ACC_PERMILLE (100: drives per thousand replayed),
# ACC_SPEED (0.25 simulated days per second, so the replay spans the surge), ACC_RATE (9600 samples/s
# baseline), ACC_FACTOR (5), ACC_SURGE (60s), ACC_BASELINE (30s, before and after the surge).
# Needs psql (Debian's postgresql-client; installed when missing). Results under $ACC_OUT (/tmp/surge-accuracy).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
data=$(readlink -f "${1:-$root/../shared/data/backblaze-st4000dm000-2018-h1}")
[ -d "$data" ] || { echo "no Backblaze data at $data (see ../shared/data/README.md)" >&2; exit 2; }
from=${ACC_FROM:-2018-03-01}; to=${ACC_TO:-2018-03-12}; permille=${ACC_PERMILLE:-100}; speed=${ACC_SPEED:-0.25}
rate=${ACC_RATE:-9600}; factor=${ACC_FACTOR:-5}; surge=${ACC_SURGE:-60s}; baseline=${ACC_BASELINE:-30s}
server_cpu=${ACC_SERVER_CPU:-1}; client_cpu=${ACC_CLIENT_CPU:-0}
out=${ACC_OUT:-/tmp/surge-accuracy}; port=${ACC_PORT:-18090}
. "$root/scripts/find-jdk.sh"
"$root/harbinger" --version >/dev/null # builds the distribution when missing or stale

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
psql_bin=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$psql_bin" ] && ! psql_bin=$(command -v psql); then
  log "installing postgresql-client"
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends postgresql-client >/dev/null
  psql_bin=$(command -v psql)
fi

node_pid=""
stop_node() { if [ -n "$node_pid" ]; then kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; fi; node_pid=""; }
trap stop_node EXIT

sql() { # data_dir query: on the node's bundled PostgreSQL (its port is line 4 of postmaster.pid)
  "$psql_bin" -h 127.0.0.1 -p "$(sed -n 4p "$1/postgres/postmaster.pid")" -U postgres -d postgres -tAF, -c "$2"
}

replayed="FROM predictions WHERE ts >= DATE '$from' AND ts < DATE '$to' + 1"

predictions() { # data_dir: the replayed days' predictions, one sorted line each
  sql "$1" "SELECT drive, host, ts::date, model_version, probability, bucket $replayed ORDER BY drive, host, ts, model_version"
}

settled() { # data_dir: predictions of the replayed days, once their count has not moved for 10 s
  local last=-1 same=0 n
  while [ $same -lt 20 ]; do
    n=$(sql "$1" "SELECT count(*) $replayed")
    if [ "$n" -eq "$last" ]; then same=$((same + 1)); else same=0; last=$n; fi
    sleep 0.5
  done
}

run() { # name with-surge
  local name=$1 surge_on=$2 dir="$out/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  taskset -c "$server_cpu" "$root/harbinger" serve --port "$port" --data-dir "$dir/data" > "$dir/node.log" 2>&1 & node_pid=$!
  until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do kill -0 "$node_pid" || { log "node died: $(tail -3 "$dir/node.log")"; exit 1; }; sleep 0.5; done
  local lt_pid=""
  if [ "$surge_on" = yes ]; then
    taskset -c "$client_cpu" "$root/harbinger" loadtest --url "http://127.0.0.1:$port" --profile surge --rate "$rate" --surge-factor "$factor" \
      --duration "$baseline" --surge-duration "$surge" --report "$dir/loadtest" > "$dir/loadtest.log" 2>&1 & lt_pid=$!
    until grep -q "^loadtest " "$dir/loadtest.log" 2>/dev/null; do sleep 0.2; done
    sleep "${baseline%s}" # the replay starts with the surge
  fi
  log "$name: replaying $from..$to ($permille per mille of the drives, $speed days/s)${lt_pid:+ during a ${factor}x surge}"
  taskset -c "$client_cpu" "$root/harbinger" replay --url "http://127.0.0.1:$port" --data "$data" --from "$from" --to "$to" \
    --drive-sample "$permille" --speed "$speed" > "$dir/replay.log" 2>&1
  if [ -n "$lt_pid" ]; then
    local rc=0; wait "$lt_pid" || rc=$?
    grep -E "^(sent for|ack latency|answers|reconciled|drain|sample ->)" "$dir/loadtest.log" >&2 || true
    [ "$rc" -eq 0 ] || { log "$name: the load test failed (exit $rc)"; exit 1; }
  fi
  settled "$dir/data"
  predictions "$dir/data" > "$dir/predictions.csv"
  log "$name: $(wc -l < "$dir/predictions.csv") predictions for the replayed drive-days"
  stop_node
}

run alone no
run surge yes
a="$out/alone/predictions.csv"; b="$out/surge/predictions.csv"
if [ -s "$a" ] && cmp -s "$a" "$b"; then
  log "identical: $(wc -l < "$a") predictions, alone and under the ${factor}x surge"
else
  log "DIFFERENT: $(wc -l < "$a") alone, $(wc -l < "$b") under the surge, $(diff "$a" "$b" | grep -c '^[<>]' || true) lines differ (diff $a $b)"
  exit 1
fi
