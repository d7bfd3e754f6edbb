#!/usr/bin/env bash
# jmh.sh [JMH args...]: builds the benchmarks and runs them on one core (cpu0), data set from
# HARBINGER_TEST_DATA (default ../shared/data). With no arguments: every benchmark, 3 x 2 s warm-up,
# 5 x 2 s measurement, one fork. Example: harbinger-bench/scripts/jmh.sh LineProtocol
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/scripts/find-jdk.sh"
(cd "$root" && mvn -B -q -DskipTests package -pl harbinger-bench -am)
data=${HARBINGER_TEST_DATA:-$(cd "$root/.." && pwd)/shared/data}
args=("$@"); [ ${#args[@]} -gt 0 ] || args=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
exec taskset -c 0 "$JAVA_HOME/bin/java" -Dharbinger.test.data="$data" -jar "$root/harbinger-bench/target/harbinger-bench.jar" \
  -jvmArgsAppend "-XX:+UseParallelGC -XX:ParallelGCThreads=1" "${args[@]}"
