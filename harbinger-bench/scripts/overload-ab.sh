#!/usr/bin/env bash
# Load beyond a node's capacity, answered by 429 or by waiting: the same `loadtest --profile surge`
# against a fresh embedded node on one core, alternately with --queue-target at its default (1s: shed
# a standing queue with 429) and at 1h (in effect off: only the in-flight byte budget answers 429),
# so both are measured side by side on the same noisy machine. Prints each run's answers, ack
# latency and reconciliation lines; full logs and the plots under $OVL_OUT.
#
#   harbinger-bench/scripts/overload-ab.sh [PAIRS]   (default 1 pair: shedding, then off)
#
# Settings: OVL_RATE (20000 samples/s baseline), OVL_FACTOR (8), OVL_SURGE (30s), OVL_BASELINE (15s),
# OVL_HOSTS (40000), OVL_PER_REQUEST (50), OVL_HEAP (1g, the node's -Xmx), OVL_SERVER_CPU (1),
# OVL_CLIENT_CPU (0), OVL_OUT (/tmp/overload-ab), OVL_PORT (18095).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pairs=${1:-1}
rate=${OVL_RATE:-20000}; factor=${OVL_FACTOR:-8}; surge=${OVL_SURGE:-30s}; baseline=${OVL_BASELINE:-15s}
hosts=${OVL_HOSTS:-40000}; per_request=${OVL_PER_REQUEST:-50}; heap=${OVL_HEAP:-1g}
server_cpu=${OVL_SERVER_CPU:-1}; client_cpu=${OVL_CLIENT_CPU:-0}
out=${OVL_OUT:-/tmp/overload-ab}; port=${OVL_PORT:-18095}
. "$root/scripts/find-jdk.sh"
"$root/harbinger" --version >/dev/null # builds the distribution when missing or stale

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
node_pid=""
stop_node() { if [ -n "$node_pid" ]; then kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; fi; node_pid=""; }
trap stop_node EXIT

run() { # name queue-target
  local dir="$out/$1" i
  rm -rf "$dir"; mkdir -p "$dir"
  HARBINGER_JAVA_OPTS="-Xmx$heap" taskset -c "$server_cpu" "$root/harbinger" serve --port "$port" --data-dir "$dir/data" \
    --queue-target "$2" >"$dir/serve.log" 2>&1 &
  node_pid=$!
  for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/ready" >/dev/null || { log "$1: node not ready, see $dir/serve.log"; exit 1; }
  log "$1: --queue-target $2, ${rate}/s then x$factor for $surge"
  # the client gets a parallel collector and room: on one core the JVM would pick the serial one, and
  # the client must not be what limits the offered load
  (cd "$dir" && HARBINGER_JAVA_OPTS="-XX:+UseParallelGC -Xmx4g" taskset -c "$client_cpu" "$root/harbinger" loadtest \
    --url "http://127.0.0.1:$port" --profile surge --rate "$rate" --surge-factor "$factor" --duration "$baseline" \
    --surge-duration "$surge" --hosts "$hosts" --hosts-per-request "$per_request" >"$dir/loadtest.log" 2>&1) || true
  grep -E '^(sent for|ack latency|answer|reconciled|drain)' "$dir/loadtest.log" | sed "s/^/$1: /"
  curl -s "http://127.0.0.1:$port/metrics" | grep -E '^harbinger_ingest_responses_total' | sed "s/^/$1: /" || true
  stop_node
}

for p in $(seq 1 "$pairs"); do
  run "shedding-$p" 1s
  run "off-$p" 1h
done
