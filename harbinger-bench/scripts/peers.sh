#!/usr/bin/env bash
# Adds Harbinger as a target of the shared peer harness (../shared/bench) and runs it beside
# VictoriaMetrics and InfluxDB: same line-protocol workload, server pinned to one core.
#   harbinger-bench/scripts/peers.sh [SECONDS] [REPS]     (TARGETS=http for Harbinger alone)
# Harbinger runs `serve` with its embedded single-node Kafka broker in the same JVM, so "one server
# core" holds ingest + broker + stream processor. JVM flags below are stated in BENCHMARKS.md.
# The count is the rows stored in PostgreSQL (GET /api/v1/store/stats; one row per line) and the
# field values the Kafka Streams processor has seen (GET /api/v1/stats), read after both went idle:
# every line counted there was acknowledged by Kafka (acks=all) first. The bundled PostgreSQL runs in
# the same session, so its CPU counts as the server's.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=${BENCH:-$(cd "$root/.." && pwd)/shared/bench}
. "$root/scripts/find-jdk.sh"
(cd "$root" && mvn -B -q -DskipTests package -pl harbinger-app -am)
port=${HARBINGER_BENCH_PORT:-9099}
export HARBINGER_JAR="$root/harbinger-app/target/harbinger.jar" HARBINGER_JAVA="$JAVA_HOME/bin/java"
export HARBINGER_BENCH_JVM=${HARBINGER_BENCH_JVM:-"-XX:+UseParallelGC -XX:ParallelGCThreads=1 -Xms1g -Xmx1g -XX:+AlwaysPreTouch"}
export EXTRA_NAME=harbinger
export EXTRA_VERSION="harbinger $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo dev) on $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
export EXTRA_URL="http://127.0.0.1:$port/write?db=bench"
export EXTRA_START='exec "$HARBINGER_JAVA" $HARBINGER_BENCH_JVM -jar "$HARBINGER_JAR" serve --port '"$port"' --data-dir "$DATA_DIR/harbinger"'
export EXTRA_READY="curl -sf http://127.0.0.1:$port/ready"
# Processor idle before counting; flush.sh logs how far the processor lagged (FLUSH_LOG).
export FLUSH_LOG=${FLUSH_LOG:-/tmp/harbinger-flush.log}
export EXTRA_FLUSH="$root/harbinger-bench/scripts/flush.sh $port \"\$FLUSH_LOG\""
export EXTRA_COUNT="echo \$(curl -sf http://127.0.0.1:$port/api/v1/store/stats | jq -r .rows) \$(curl -sf http://127.0.0.1:$port/api/v1/stats | jq -r .samples) 1"
export EXTRA_SNAPSHOT="curl -sf http://127.0.0.1:$port/metrics | grep -E '^harbinger_|^kafka_producer_record_send_total|^jvm_gc_pause_seconds_(count|sum)'"
export TARGETS=${TARGETS:-"victoriametrics influxdb"}
exec "$bench/peers.sh" "$@"
