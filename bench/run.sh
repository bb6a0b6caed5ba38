#!/usr/bin/env bash
# npm run bench [-- group ...]: runs the benchmark groups (totals, parse, engine, facebook, hostile,
# shared, reports, stores, scale), each in its own process so that one group's heap does not weigh
# on the next. The store and scale benchmarks measure a real PostgreSQL server too, and the shared
# group needs Redis: unless DATABASE_URL / REDIS_URL are set, throwaway ones are started (see
# .ci/postgres.sh, .ci/redis.sh) and stopped at the end. Exits non-zero when a target is missed.
cd "$(dirname "$0")/.." || exit 1
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(totals parse engine facebook hostile shared reports stores scale)
stops=()
if [ -z "${DATABASE_URL:-}" ] && [[ " ${groups[*]} " == *" stores "* || " ${groups[*]} " == *" scale "* ]]; then
  # shellcheck source=../.ci/postgres.sh
  if source .ci/postgres.sh >/dev/null 2>&1; then
    stops+=(stop_postgres)
  else
    echo "PostgreSQL could not be started: the server rows will be skipped"
  fi
fi
if [ -z "${REDIS_URL:-}" ] && [[ " ${groups[*]} " == *" shared "* ]]; then
  # shellcheck source=../.ci/redis.sh
  if source .ci/redis.sh >/dev/null 2>&1; then
    stops+=(stop_redis)
  else
    echo "Redis could not be started: the shared-quota rows will be skipped"
  fi
fi
trap 'for stop in "${stops[@]}"; do "$stop" >/dev/null 2>&1 || true; done' EXIT
status=0
for group in "${groups[@]}"; do
  npx tsx bench/index.ts "$group" || status=1
done
exit "$status"
