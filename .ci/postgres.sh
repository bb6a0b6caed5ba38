# shellcheck shell=bash
# Starts a throwaway PostgreSQL server for the tests and exports DATABASE_URL.
#
#   source .ci/postgres.sh     # installs Debian's postgresql if needed, starts the server, exports DATABASE_URL
#   stop_postgres              # stops it (the CI runner also ends it when the run is over)
#
# Sourced, so it never calls `exit` or `set -e` in the caller's shell; it returns non-zero on failure.
# Idempotent: sourcing it again finds the running server and exports the same DATABASE_URL.
# As root (CI), the server runs as the `postgres` user, since PostgreSQL refuses to run as root.
# Settings, all optional: SOCIAL_REACH_PG_DIR (data folder), SOCIAL_REACH_PG_PORT (first port to try).

_sr_pg_dir="${SOCIAL_REACH_PG_DIR:-${TMPDIR:-/tmp}/social-reach-postgres}"
_sr_pg_db=social_reach

# Runs a command as the server's owner: `postgres` when we are root, ourselves otherwise.
_sr_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Prints the folder holding the server's programs (pg_ctl, initdb, pg_isready, psql, createdb): the
# one pg_ctl on PATH lives in (symlinks resolved), else the newest Debian version's.
_sr_pg_bindir() {
  local pg_ctl_path dir
  pg_ctl_path="$(command -v pg_ctl 2>/dev/null)"
  for dir in ${pg_ctl_path:+"$(dirname "$(readlink -f "$pg_ctl_path")")"} \
    $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_isready" ] &&
      [ -x "$dir/psql" ] && [ -x "$dir/createdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# True when something listens on 127.0.0.1:$1.
_sr_pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_postgres() {
  local bindir port
  if ! bindir="$(_sr_pg_bindir)"; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgres.sh: PostgreSQL is not installed; run as root or: apt-get install postgresql" >&2
      return 1
    fi
    echo "postgres.sh: installing Debian's postgresql with apt-get (quietly)..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql \
        >/dev/null 2>&1 || {
      echo "postgres.sh: apt-get install postgresql failed" >&2
      return 1
    }
    bindir="$(_sr_pg_bindir)" || {
      echo "postgres.sh: postgresql installed but pg_ctl/initdb not found" >&2
      return 1
    }
  fi

  if [ ! -s "$_sr_pg_dir/data/PG_VERSION" ]; then
    mkdir -p "$_sr_pg_dir" || return 1
    [ "$(id -u)" -eq 0 ] && chown postgres: "$_sr_pg_dir"
    chmod 700 "$_sr_pg_dir"
    _sr_pg_as_owner "$bindir/initdb" -D "$_sr_pg_dir/data" -U postgres -A trust -E UTF8 \
      --locale=C --no-sync >"$_sr_pg_dir/initdb.log" 2>&1 || {
      echo "postgres.sh: initdb failed, see $_sr_pg_dir/initdb.log" >&2
      return 1
    }
  fi

  if _sr_pg_as_owner "$bindir/pg_ctl" -D "$_sr_pg_dir/data" status >/dev/null 2>&1; then
    # Already running (sourced twice): the port is line 4 of postmaster.pid.
    port="$(sed -n 4p "$_sr_pg_dir/data/postmaster.pid")"
  else
    port="${SOCIAL_REACH_PG_PORT:-54329}"
    while _sr_pg_port_busy "$port"; do port=$((port + 1)); done
    _sr_pg_as_owner "$bindir/pg_ctl" -D "$_sr_pg_dir/data" -l "$_sr_pg_dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $_sr_pg_dir" start >/dev/null || {
      echo "postgres.sh: the server did not start, see $_sr_pg_dir/server.log" >&2
      return 1
    }
  fi

  # pg_ctl -w waits for the server; pg_isready confirms it takes TCP connections.
  local tries=0
  until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
      echo "postgres.sh: the server on port $port is not ready, see $_sr_pg_dir/server.log" >&2
      return 1
    fi
    sleep 0.5
  done

  if [ "$("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$_sr_pg_db'")" != 1 ]; then
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$_sr_pg_db" || return 1
  fi

  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/$_sr_pg_db"
  echo "postgres.sh: PostgreSQL $(cat "$_sr_pg_dir/data/PG_VERSION") on 127.0.0.1:$port (data in $_sr_pg_dir, run stop_postgres to stop); DATABASE_URL=$DATABASE_URL"
}

stop_postgres() {
  local bindir
  bindir="$(_sr_pg_bindir)" || return 0
  if _sr_pg_as_owner "$bindir/pg_ctl" -D "$_sr_pg_dir/data" status >/dev/null 2>&1; then
    _sr_pg_as_owner "$bindir/pg_ctl" -D "$_sr_pg_dir/data" -m fast -w stop >/dev/null &&
      echo "postgres.sh: stopped PostgreSQL (data in $_sr_pg_dir)"
  fi
  unset DATABASE_URL
}

start_postgres
