#!/usr/bin/env bash
# PostgreSQL for the store tests (Debian's package): installs it when missing, starts the cluster, makes the role
# and the test database, and prints the JDBC URL that .ci/run hands to the tests as HALLMARK_TEST_POSTGRES.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq postgresql >/dev/null
  else
    echo "test-postgres: PostgreSQL is not installed and cannot be (needs root and apt-get)" >&2
    exit 1
  fi
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main" || pg_createcluster "$version" main >/dev/null
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
for _ in $(seq 30); do
  su postgres -c "pg_isready -q -p $port" && break
  sleep 1
done
su postgres -c "psql -q -p $port -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hallmark') THEN CREATE ROLE hallmark LOGIN PASSWORD 'hallmark'; END IF; END \\\$\\\$;\"" >/dev/null
if ! su postgres -c "psql -qtA -p $port -c \"SELECT 1 FROM pg_database WHERE datname = 'hallmark_test'\"" | grep -q 1; then
  su postgres -c "createdb -p $port -O hallmark hallmark_test"
fi
echo "jdbc:postgresql://127.0.0.1:$port/hallmark_test?user=hallmark&password=hallmark"
