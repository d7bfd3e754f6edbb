#!/usr/bin/env bash
# The lever study of docs/adr/0011: reads the Backblaze data once, then trains and judges each variant
# of the training parameters through the same Training code that makes the shipped model, and prints a
# Markdown table (validation columns decide; test columns are for the record). About 5 minutes here.
#   scripts/lever-study.sh [DATA_DIR]   (default ../shared/data/backblaze-st4000dm000-2018-h1)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-jdk.sh"
data=${1:-$root/../shared/data/backblaze-st4000dm000-2018-h1}
cd "$root"
mvn -B -ntp -q test-compile dependency:build-classpath -pl harbinger-predict -am \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cp="harbinger-predict/target/test-classes:harbinger-predict/target/classes:$(cat harbinger-predict/target/test.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx8g ${LEVER_JAVA_OPTS:-} -cp "$cp" io.harbinger.predict.train.LeverStudy "$data" "${@:2}"
