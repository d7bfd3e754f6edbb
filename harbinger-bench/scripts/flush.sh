#!/usr/bin/env bash
# flush.sh PORT [LOG]: waits until Harbinger is idle end to end — the stream processor's point count
# unchanged and every processed point stored as a row in PostgreSQL (rows = points; at most 600 s) —
# then appends to LOG how long that took and how many points/rows arrived meanwhile: the lag behind
# the acknowledged writes at the moment the flush began.
set -euo pipefail
port=$1 log=${2:-/tmp/harbinger-flush.log}
base="http://127.0.0.1:$port"
state() { echo "$(curl -sf "$base/api/v1/stats" | jq -r .points) $(curl -sf "$base/api/v1/store/stats" | jq -r .rows)"; }
t0=$(date +%s.%N); first=$(state); prev=$first; cur=$first
for _ in $(seq 1200); do
  sleep 0.5; cur=$(state)
  read -r p r <<< "$cur"; read -r pp _ <<< "$prev"
  [ "$p" = "$pp" ] && [ "$r" -ge "$p" ] && break
  prev=$cur
done
read -r p0 r0 <<< "$first"; read -r p1 r1 <<< "$cur"
awk -v t1="$(date +%s.%N)" -v t0="$t0" -v p0="$p0" -v p1="$p1" -v r0="$r0" -v r1="$r1" -v now="$(date -u +%FT%TZ)" \
  'BEGIN { printf "%s catch-up %.1f s, processor points %d -> %d (lag %d), PostgreSQL rows %d -> %d (lag %d)\n", now, t1 - t0, p0, p1, p1 - p0, r0, r1, r1 - r0 }' >> "$log"
