#!/usr/bin/env bash
# A real Harbinger cluster on this machine, every process on 127.0.0.1 and stopped by its PID:
#   a 3-broker KRaft Kafka (the Kafka jars Harbinger ships; replication factor 3, min.insync.replicas 2),
#   two PostgreSQL shards, each a primary with one streaming replica (Debian's postgresql),
#   Redis (the read cache's shared tier), HAProxy (Debian's) in front of 3 ingest and 2 API nodes
#   (least connections, health check GET /ready), 2 processors and 1 alerting node.
#
#   deploy/local/cluster.sh up|down|status
#   deploy/local/cluster.sh stop NODE    (one node, e.g. ingest-3; `up` starts whatever is missing again)
#
# Ingest through http://127.0.0.1:$BASE+80 (19080), read and the dashboard at $BASE+81 (19081),
# HAProxy's stats at $BASE+404. State, logs and PID files under $HARBINGER_CLUSTER_DIR
# (default ./cluster-data). Missing Debian packages (postgresql, redis-server, haproxy) are installed.
# Settings: HARBINGER_CLUSTER_BASE (port base, 19000), HARBINGER_CLUSTER_PARTITIONS (12),
# HARBINGER_NODE_HEAP (384m), HARBINGER_BROKER_HEAP (512m); extra `serve` options in HARBINGER_NODE_OPTS.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=$(mkdir -p "${HARBINGER_CLUSTER_DIR:-$root/cluster-data}" && cd "${HARBINGER_CLUSTER_DIR:-$root/cluster-data}" && pwd)
base=${HARBINGER_CLUSTER_BASE:-19000}
partitions=${HARBINGER_CLUSTER_PARTITIONS:-12}
node_heap=${HARBINGER_NODE_HEAP:-384m}
broker_heap=${HARBINGER_BROKER_HEAP:-512m}
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")

kafka_port() { echo $((base + 91 + $1)); }       # brokers 1..3: 19092..19094
controller_port() { echo $((base + 191 + $1)); }  # their controller listeners: 19192..19194
bootstrap() { echo "127.0.0.1:$(kafka_port 1),127.0.0.1:$(kafka_port 2),127.0.0.1:$(kafka_port 3)"; }
pg_port() { # shard a|b, primary|replica
  local s=0 r=0; [ "$1" = b ] && s=2; [ "$2" = replica ] && r=1; echo $((base + 432 + s + r))
}
redis_port=$((base + 379))
ingest_lb=$((base + 80)); api_lb=$((base + 81)); stats_port=$((base + 404))
# name role port
NODES=("process-1 process $((base + 121))" "process-2 process $((base + 122))" "api-1 api $((base + 111))" "api-2 api $((base + 112))"
       "alert-1 alert $((base + 131))" "ingest-1 ingest $((base + 101))" "ingest-2 ingest $((base + 102))" "ingest-3 ingest $((base + 103))")

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

packages() {
  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    local sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo_ apt-get update -qq >/dev/null
    # no services started by the package scripts: this script starts its own, on loopback, by PID
    printf '#!/bin/sh\nexit 101\n' | $sudo_ tee /usr/sbin/policy-rc.d >/dev/null && $sudo_ chmod +x /usr/sbin/policy-rc.d
    $sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    $sudo_ rm -f /usr/sbin/policy-rc.d
  fi
  pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  return 0
}

distribution() {
  . "$root/scripts/find-jdk.sh"
  "$root/harbinger" --version >/dev/null # builds the distribution when missing or stale
  jar="$root/harbinger-app/target/harbinger.jar"
  java_flags=()
  [ "$(_harbinger_jdk_version "$JAVA_HOME")" -ge 23 ] && java_flags+=(--sun-misc-unsafe-memory-access=allow)
  return 0
}

await() { # what, seconds, command...
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "$what not up after ${seconds}s (logs under $dir)"
    sleep 0.5
  done
}

kafka_up() {
  local id cluster_id
  cluster_id=$(cat "$dir/kafka/cluster-id" 2>/dev/null || true)
  if [ -z "$cluster_id" ]; then
    mkdir -p "$dir/kafka"
    cluster_id=$("$JAVA_HOME/bin/java" "${java_flags[@]}" -cp "$root/harbinger-app/target/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    echo "$cluster_id" > "$dir/kafka/cluster-id"
  fi
  local voters="1@127.0.0.1:$(controller_port 1),2@127.0.0.1:$(controller_port 2),3@127.0.0.1:$(controller_port 3)"
  for id in 1 2 3; do
    local home="$dir/kafka/broker-$id"
    alive "$home/pid" && continue
    mkdir -p "$home"
    cat > "$home/server.properties" <<EOF
process.roles=broker,controller
node.id=$id
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$(kafka_port $id),CONTROLLER://127.0.0.1:$(controller_port $id)
advertised.listeners=PLAINTEXT://127.0.0.1:$(kafka_port $id)
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$home/log
num.partitions=$partitions
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
EOF
    if [ ! -f "$home/log/meta.properties" ]; then
      "$JAVA_HOME/bin/java" "${java_flags[@]}" -cp "$root/harbinger-app/target/lib/*" kafka.tools.StorageTool format \
        -t "$cluster_id" -c "$home/server.properties" > "$home/format.log" 2>&1 || die "formatting broker $id failed: $(tail -3 "$home/format.log")"
    fi
    nohup "$JAVA_HOME/bin/java" "${java_flags[@]}" -Xms"$broker_heap" -Xmx"$broker_heap" -cp "$root/harbinger-app/target/lib/*" \
      kafka.Kafka "$home/server.properties" > "$home/broker.log" 2>&1 &
    echo $! > "$home/pid"
    log "kafka broker $id: pid $(cat "$home/pid"), 127.0.0.1:$(kafka_port $id)"
  done
  for id in 1 2 3; do await "kafka broker $id" 120 bash -c "exec 3<>/dev/tcp/127.0.0.1/$(kafka_port $id)"; done
}

pg_ctl_() { as_postgres "$pg_bin/pg_ctl" "$@"; }

pg_up() {
  local shard
  for shard in a b; do
    local primary="$dir/postgres/$shard-primary" replica="$dir/postgres/$shard-replica"
    local pport rport
    pport=$(pg_port "$shard" primary); rport=$(pg_port "$shard" replica)
    mkdir -p "$dir/postgres"
    if [ "$(id -u)" -eq 0 ]; then # PostgreSQL refuses to run as root: its files belong to the postgres user
      chmod a+x "$dir"
      chown postgres: "$dir/postgres"
    fi
    if [ ! -f "$primary/PG_VERSION" ]; then
      as_postgres "$pg_bin/initdb" -D "$primary" -U postgres --auth=trust -E UTF8 > "$dir/postgres/$shard-initdb.log" 2>&1 \
        || die "initdb of shard $shard failed: $(tail -3 "$dir/postgres/$shard-initdb.log")"
      cat >> "$primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $pport
unix_socket_directories = '$dir/postgres'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
max_connections = 200
shared_buffers = 128MB
EOF
    fi
    if ! pg_ctl_ -D "$primary" status >/dev/null 2>&1; then
      pg_ctl_ -D "$primary" -l "$dir/postgres/$shard-primary.log" -w -t 60 start >/dev/null || die "shard $shard primary did not start: $(tail -3 "$dir/postgres/$shard-primary.log")"
    fi
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pport" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'harbinger'" | grep -q 1 \
      || as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pport" -U postgres -qc "CREATE DATABASE harbinger" >/dev/null
    if [ ! -f "$replica/PG_VERSION" ]; then
      as_postgres "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$pport" -U postgres -D "$replica" -R -X stream -c fast > "$dir/postgres/$shard-basebackup.log" 2>&1 \
        || die "base backup of shard $shard failed: $(tail -3 "$dir/postgres/$shard-basebackup.log")"
      echo "port = $rport" >> "$replica/postgresql.conf"
    fi
    if ! pg_ctl_ -D "$replica" status >/dev/null 2>&1; then
      pg_ctl_ -D "$replica" -l "$dir/postgres/$shard-replica.log" -w -t 60 start >/dev/null || die "shard $shard replica did not start: $(tail -3 "$dir/postgres/$shard-replica.log")"
    fi
    log "postgresql shard $shard: primary 127.0.0.1:$pport (pid $(head -1 "$primary/postmaster.pid")), replica 127.0.0.1:$rport (pid $(head -1 "$replica/postmaster.pid"))"
  done
  cat > "$dir/shards.properties" <<EOF
user=postgres
password=
shard.a.primary=jdbc:postgresql://127.0.0.1:$(pg_port a primary)/harbinger
shard.a.replicas=jdbc:postgresql://127.0.0.1:$(pg_port a replica)/harbinger
shard.a.regions=region-1,region-3,region-5,region-7
shard.b.primary=jdbc:postgresql://127.0.0.1:$(pg_port b primary)/harbinger
shard.b.replicas=jdbc:postgresql://127.0.0.1:$(pg_port b replica)/harbinger
shard.b.regions=region-2,region-4,region-6,region-8
default.shard=b
EOF
}

redis_up() {
  alive "$dir/redis/pid" && return 0
  mkdir -p "$dir/redis"
  # a cache, not a store: no persistence
  nohup redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$dir/redis" > "$dir/redis/redis.log" 2>&1 &
  echo $! > "$dir/redis/pid"
  await redis 30 bash -c "exec 3<>/dev/tcp/127.0.0.1/$redis_port"
  log "redis: pid $(cat "$dir/redis/pid"), 127.0.0.1:$redis_port"
}

node_up() { # name role port
  local name=$1 role=$2 port=$3 home="$dir/nodes/$1"
  alive "$home/pid" && return 0
  mkdir -p "$home"
  # shellcheck disable=SC2086
  nohup "$JAVA_HOME/bin/java" "${java_flags[@]}" -Xms"$node_heap" -Xmx"$node_heap" -XX:+UseSerialGC -jar "$jar" serve --role "$role" \
    --port "$port" --data-dir "$home/data" --kafka "$(bootstrap)" --replication-factor 3 --partitions "$partitions" \
    --shard-map "$dir/shards.properties" --redis "redis://127.0.0.1:$redis_port" --alert-external-url "http://127.0.0.1:$api_lb" \
    ${HARBINGER_NODE_OPTS:-} > "$home/node.log" 2>&1 &
  echo $! > "$home/pid"
  log "$name ($role): pid $(cat "$home/pid"), http://127.0.0.1:$port"
}

nodes_up() {
  local entry name role port
  # a processor first: it creates the topics (every node would, with the same settings) before the others start
  read -r name role port <<< "${NODES[0]}"
  node_up "$name" "$role" "$port"
  await "$name" 180 curl -sf "http://127.0.0.1:$port/ready"
  for entry in "${NODES[@]:1}"; do
    read -r name role port <<< "$entry"
    node_up "$name" "$role" "$port"
  done
  for entry in "${NODES[@]}"; do
    read -r name role port <<< "$entry"
    await "$name" 180 curl -sf "http://127.0.0.1:$port/ready"
  done
}

haproxy_pool_whole() { # every server of both backends UP in HAProxy's view
  local csv; csv=$(curl -sf -m 2 "http://127.0.0.1:$stats_port/;csv") || return 1
  ! awk -F, '$1 ~ /^(ingest|api)$/ && $2 !~ /^(FRONTEND|BACKEND)$/ && $18 != "UP" {bad = 1} END {exit !bad}' <<< "$csv"
}

haproxy_up() {
  if alive "$dir/haproxy/pid"; then
    await "haproxy's pool" 30 haproxy_pool_whole
    return 0
  fi
  mkdir -p "$dir/haproxy"
  {
    cat <<EOF
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 30s
    option redispatch
    retries 2
    default-server inter 1s fall 2 rise 2
frontend ingest
    bind 127.0.0.1:$ingest_lb
    default_backend ingest
frontend api
    bind 127.0.0.1:$api_lb
    default_backend api
listen stats
    bind 127.0.0.1:$stats_port
    stats enable
    stats uri /
EOF
    local backend entry name role port
    for backend in ingest api; do
      printf 'backend %s\n    balance leastconn\n    option httpchk GET /ready\n    http-check expect status 200\n' "$backend"
      for entry in "${NODES[@]}"; do
        read -r name role port <<< "$entry"
        [ "$role" = "$backend" ] && printf '    server %s 127.0.0.1:%s check\n' "$name" "$port"
      done
    done
  } > "$dir/haproxy/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy/haproxy.cfg" || die "haproxy.cfg is not valid"
  nohup haproxy -db -f "$dir/haproxy/haproxy.cfg" > "$dir/haproxy/haproxy.log" 2>&1 &
  echo $! > "$dir/haproxy/pid"
  await haproxy 30 curl -sf "http://127.0.0.1:$ingest_lb/ready"
  await haproxy 30 curl -sf "http://127.0.0.1:$api_lb/ready"
  await "haproxy's pool" 30 haproxy_pool_whole
  log "haproxy: pid $(cat "$dir/haproxy/pid"), ingest http://127.0.0.1:$ingest_lb, api http://127.0.0.1:$api_lb, stats http://127.0.0.1:$stats_port/"
}

stop_pid() { # pidfile what [seconds]
  local pidfile=$1 what=$2 seconds=${3:-60}
  alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  local pid; pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + seconds))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then log "$what (pid $pid) still up after ${seconds}s: killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.2
  done
  rm -f "$pidfile"
  log "stopped $what (pid $pid)"
}

down() {
  local entry name role port shard kind
  stop_pid "$dir/haproxy/pid" haproxy 10
  for entry in "${NODES[@]}"; do
    read -r name role port <<< "$entry"
    [ "$role" = ingest ] && stop_pid "$dir/nodes/$name/pid" "$name" &
  done
  wait
  for entry in "${NODES[@]}"; do
    read -r name role port <<< "$entry"
    stop_pid "$dir/nodes/$name/pid" "$name" &
  done
  wait
  stop_pid "$dir/redis/pid" redis 10
  for shard in a b; do
    for kind in replica primary; do
      local data="$dir/postgres/$shard-$kind"
      if [ -f "$data/postmaster.pid" ]; then # pg_ctl stops the postmaster by the PID in its postmaster.pid
        pg_ctl_ -D "$data" -m fast -w -t 60 stop >/dev/null && log "stopped postgresql $shard $kind"
      fi
    done
  done
  for id in 3 2 1; do stop_pid "$dir/kafka/broker-$id/pid" "kafka broker $id" 60 & done
  wait
}

status() {
  local entry name role port state=0
  printf '%-14s %-8s %-22s %s\n' PROCESS PID ADDRESS STATE
  row() { printf '%-14s %-8s %-22s %s\n' "$@"; }
  for id in 1 2 3; do
    if alive "$dir/kafka/broker-$id/pid"; then row "kafka-$id" "$(cat "$dir/kafka/broker-$id/pid")" "127.0.0.1:$(kafka_port $id)" up
    else row "kafka-$id" - "127.0.0.1:$(kafka_port $id)" down; state=1; fi
  done
  for shard in a b; do
    for kind in primary replica; do
      local data="$dir/postgres/$shard-$kind" p; p=$(pg_port "$shard" "$kind")
      if [ -f "$data/postmaster.pid" ] && kill -0 "$(head -1 "$data/postmaster.pid")" 2>/dev/null; then
        row "pg-$shard-$kind" "$(head -1 "$data/postmaster.pid")" "127.0.0.1:$p" up
      else row "pg-$shard-$kind" - "127.0.0.1:$p" down; state=1; fi
    done
  done
  if alive "$dir/redis/pid"; then row redis "$(cat "$dir/redis/pid")" "127.0.0.1:$redis_port" up; else row redis - "127.0.0.1:$redis_port" down; state=1; fi
  for entry in "${NODES[@]}"; do
    read -r name role port <<< "$entry"
    if alive "$dir/nodes/$name/pid"; then
      local ready; ready=$(curl -s -m 2 "http://127.0.0.1:$port/ready" || echo "no answer")
      row "$name" "$(cat "$dir/nodes/$name/pid")" "127.0.0.1:$port" "$role: $ready"
    else row "$name" - "127.0.0.1:$port" "$role: down"; state=1; fi
  done
  if alive "$dir/haproxy/pid"; then
    row haproxy "$(cat "$dir/haproxy/pid")" "127.0.0.1:$ingest_lb,$api_lb" up
    curl -s -m 2 "http://127.0.0.1:$stats_port/;csv" | awk -F, '$1 ~ /^(ingest|api)$/ && $2 !~ /^(FRONTEND|BACKEND)$/ {printf "  %-8s %-10s %s\n", $1, $2, $18}'
    haproxy_pool_whole || state=1
  else row haproxy - "127.0.0.1:$ingest_lb,$api_lb" down; state=1; fi
  return $state
}

case "${1:-}" in
  up)
    packages
    distribution
    log "cluster under $dir"
    kafka_up
    pg_up
    redis_up
    nodes_up
    haproxy_up
    log "up: ingest http://127.0.0.1:$ingest_lb (e.g. /write, /api/v1/import/backblaze), dashboard and API http://127.0.0.1:$api_lb/"
    ;;
  down) down ;;
  stop) # one node by name (ingest-2, process-2...): SIGTERM by its PID; `up` starts it again
    [ $# -eq 2 ] && [ -f "$dir/nodes/$2/pid" ] || { echo "usage: $0 stop NODE (a running node: $(ls "$dir/nodes" 2>/dev/null | tr '\n' ' '))" >&2; exit 2; }
    stop_pid "$dir/nodes/$2/pid" "$2" 60 ;;
  status) status ;;
  *) echo "usage: $0 up|down|status|stop NODE" >&2; exit 2 ;;
esac
