#!/usr/bin/env bash
# flush.sh PORT [LOG]: waits until Harbinger's stream processor is idle (its point count unchanged
# for 0.5 s, at most 120 s), then appends to LOG how long that took and how many points it processed
# meanwhile: the processor's lag behind the acknowledged writes at the moment the flush began.
set -euo pipefail
port=$1 log=${2:-/tmp/harbinger-flush.log}
points() { curl -sf "http://127.0.0.1:$port/api/v1/stats" | jq -r .points; }
t0=$(date +%s.%N); first=$(points); prev=$first; cur=$first
for _ in $(seq 240); do
  sleep 0.5; cur=$(points)
  [ "$cur" = "$prev" ] && break
  prev=$cur
done
awk -v t1="$(date +%s.%N)" -v t0="$t0" -v a="$first" -v b="$cur" -v now="$(date -u +%FT%TZ)" \
  'BEGIN { printf "%s catch-up %.1f s, points %d -> %d (lag %d)\n", now, t1 - t0 - 0.5, a, b, b - a }' >> "$log"
