#!/usr/bin/env bash
# npm run bench [-- group ...]: runs the benchmark groups (totals, parse, engine, facebook, hostile,
# reports, stores, scale), each in its own process so that one group's heap does not weigh on the
# next. The store and scale benchmarks measure a real PostgreSQL server too: unless DATABASE_URL is
# set, a throwaway one is started (see .ci/postgres.sh) and stopped at the end. Exits non-zero when
# a target is missed.
cd "$(dirname "$0")/.." || exit 1
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(totals parse engine facebook hostile reports stores scale)
if [ -z "${DATABASE_URL:-}" ] && [[ " ${groups[*]} " == *" stores "* || " ${groups[*]} " == *" scale "* ]]; then
  # shellcheck source=../.ci/postgres.sh
  if source .ci/postgres.sh >/dev/null 2>&1; then
    trap 'stop_postgres >/dev/null 2>&1 || true' EXIT
  else
    echo "PostgreSQL could not be started: the server rows will be skipped"
  fi
fi
status=0
for group in "${groups[@]}"; do
  npx tsx bench/index.ts "$group" || status=1
done
exit "$status"
