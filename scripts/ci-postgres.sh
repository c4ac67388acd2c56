#!/usr/bin/env bash
# Starts a local PostgreSQL for the reference server's tests (test/server/*.test.ts run their real-PostgreSQL
# cases when DATABASE_URL is set). Idempotent: installs Debian's server only when missing (apt, as root),
# starts the cluster, creates the role and the database when missing, and prints the DATABASE_URL on the last
# line of stdout. Usage:
#   export DATABASE_URL="$(bash scripts/ci-postgres.sh | tail -n 1)"
# Environment: CK_PG_USER / CK_PG_PASSWORD / CK_PG_DB (default ck/ck/ck), CK_PG_PORT (default 5432).
set -euo pipefail

user="${CK_PG_USER:-ck}"
password="${CK_PG_PASSWORD:-ck}"
db="${CK_PG_DB:-ck}"
port="${CK_PG_PORT:-5432}"
log() { echo "[ci-postgres] $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then log "PostgreSQL is not installed and this is not root: cannot apt-get install."; exit 1; fi
  log "installing PostgreSQL (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# Debian's cluster: the newest installed major version, cluster "main".
version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main --port "$port" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start >&2
fi

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -p $port $*"; }
for _ in $(seq 1 30); do
  if psql_admin "-c 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname = '$user'\"")" != 1 ]; then
  log "creating role $user"
  psql_admin "-c \"create role $user login password '$password' createdb\"" >&2
fi
if [ "$(psql_admin "-c \"select 1 from pg_database where datname = '$db'\"")" != 1 ]; then
  log "creating database $db"
  su postgres -c "createdb -p $port -O $user $db" >&2
fi

echo "postgres://$user:$password@127.0.0.1:$port/$db"
