# shellcheck shell=bash
# Starts a throwaway Redis server on 127.0.0.1 for the tests and exports REDIS_URL.
#
#   source .ci/redis.sh        # starts redis-server (Debian's package, see packages.sh), exports REDIS_URL
#   stop_redis                 # stops it
#
# Sourced, so it never calls `exit` in the caller's shell; it returns non-zero on failure.
# Idempotent: sourcing it again finds the running server. No persistence, no password, loopback only.
# Settings, all optional: SOCIAL_REACH_REDIS_DIR (working folder), SOCIAL_REACH_REDIS_PORT (first port).

_sr_redis_dir="${SOCIAL_REACH_REDIS_DIR:-${TMPDIR:-/tmp}/social-reach-redis}"

_sr_redis_ping() {
  redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null | grep -q PONG
}

start_redis() {
  local port
  command -v redis-server >/dev/null || {
    echo "redis.sh: redis-server is not installed (source .ci/packages.sh as root)" >&2
    return 1
  }
  mkdir -p "$_sr_redis_dir" || return 1
  if [ -s "$_sr_redis_dir/port" ] && _sr_redis_ping "$(cat "$_sr_redis_dir/port")"; then
    port="$(cat "$_sr_redis_dir/port")"
  else
    port="${SOCIAL_REACH_REDIS_PORT:-63790}"
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
      --dir "$_sr_redis_dir" --pidfile "$_sr_redis_dir/redis.pid" --daemonize yes \
      --logfile "$_sr_redis_dir/server.log" >/dev/null || {
      echo "redis.sh: redis-server did not start, see $_sr_redis_dir/server.log" >&2
      return 1
    }
    local tries=0
    until _sr_redis_ping "$port"; do
      tries=$((tries + 1))
      if [ "$tries" -ge 40 ]; then
        echo "redis.sh: Redis on port $port is not answering, see $_sr_redis_dir/server.log" >&2
        return 1
      fi
      sleep 0.25
    done
    echo "$port" >"$_sr_redis_dir/port"
  fi
  export REDIS_URL="redis://127.0.0.1:$port"
  echo "redis.sh: Redis $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p') on 127.0.0.1:$port; REDIS_URL=$REDIS_URL"
}

stop_redis() {
  if [ -s "$_sr_redis_dir/port" ]; then
    redis-cli -h 127.0.0.1 -p "$(cat "$_sr_redis_dir/port")" shutdown nosave >/dev/null 2>&1 || true
    rm -f "$_sr_redis_dir/port"
    echo "redis.sh: stopped Redis"
  fi
  unset REDIS_URL
}

start_redis
