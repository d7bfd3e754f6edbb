#!/usr/bin/env bash
# Two Harbinger builds on the shared peer harness (../shared/bench), each beside the same peer, one
# run after the other, with the settings of peers.sh (server pinned to one core, same JVM flags):
#   harbinger-bench/scripts/peers-ab.sh BEFORE_JAR AFTER_JAR [SECONDS] [REPS]
# A jar is a packaged distribution (harbinger.jar with its lib/ beside it), e.g. built in a worktree
# of the older commit with `mvn -DskipTests package -pl harbinger-app -am`. Nothing is built here.
# Compare the ratio to the peer measured in the same run, not raw figures across runs.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BEFORE_JAR AFTER_JAR [SECONDS] [REPS]" >&2; exit 2; }
before=$(readlink -f "$1"); after=$(readlink -f "$2"); shift 2
for jar in "$before" "$after"; do [ -f "$jar" ] && [ -d "$(dirname "$jar")/lib" ] || { echo "not a distribution: $jar (needs lib/ beside it)" >&2; exit 2; }; done
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=${BENCH:-$(cd "$root/.." && pwd)/shared/bench}
out=${RESULTS_BASE:-/tmp/peers-ab}
. "$root/scripts/find-jdk.sh"
port=${HARBINGER_BENCH_PORT:-9099}

run() { # name jar [SECONDS] [REPS]
  local name=$1 jar=$2; shift 2
  export HARBINGER_JAR="$jar" HARBINGER_JAVA="$JAVA_HOME/bin/java"
  export HARBINGER_BENCH_JVM=${HARBINGER_BENCH_JVM:-"-XX:+UseParallelGC -XX:ParallelGCThreads=1 -Xms1g -Xmx1g -XX:+AlwaysPreTouch"}
  export EXTRA_NAME=harbinger EXTRA_VERSION="harbinger $name ($jar) on $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  export EXTRA_URL="http://127.0.0.1:$port/write?db=bench"
  export EXTRA_START='exec "$HARBINGER_JAVA" $HARBINGER_BENCH_JVM -jar "$HARBINGER_JAR" serve --port '"$port"' --data-dir "$DATA_DIR/harbinger"'
  export EXTRA_READY="curl -sf http://127.0.0.1:$port/ready"
  export FLUSH_LOG="$out/$name-flush.log"
  export EXTRA_FLUSH="$root/harbinger-bench/scripts/flush.sh $port \"\$FLUSH_LOG\""
  export EXTRA_COUNT="echo \$(curl -sf http://127.0.0.1:$port/api/v1/store/stats | jq -r .rows) \$(curl -sf http://127.0.0.1:$port/api/v1/stats | jq -r .samples) 1"
  export EXTRA_SNAPSHOT="curl -sf http://127.0.0.1:$port/metrics | grep -E '^harbinger_|^kafka_producer_record_send_total|^jvm_gc_pause_seconds_(count|sum)'"
  export TARGETS=${PEER:-victoriametrics} RESULTS="$out/$name"
  "$bench/peers.sh" "$@"
}
mkdir -p "$out"
(run before "$before" "$@")
(run after "$after" "$@")
echo "summaries: $out/before/summary.md $out/after/summary.md; processor catch-up: $out/{before,after}-flush.log"
