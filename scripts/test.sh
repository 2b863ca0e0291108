#!/usr/bin/env bash
# Runs every test: unit, PostGIS and H2GIS store contract suites, the end-to-end test of the
# service jar and the browser test. Installs what the tests need from Debian when it is missing
# (PostGIS, Chromium and its driver) and, when neither Docker nor GEO_TEST_JDBC_URL gives a
# PostGIS, starts a throwaway one on a free local port and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=/usr/lib/postgresql/15/bin
need=()
[ -x "$PG_BIN/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

docker_answers() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

if [ -z "${GEO_TEST_JDBC_URL:-}" ] && ! docker_answers; then
  pg_dir=$(mktemp -d /tmp/veiligheidskaart-postgis.XXXXXX)
  # PostgreSQL refuses to run as root: run it as the postgres user then.
  as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  port=55432
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  stop_postgis() {
    as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  }
  trap stop_postgis EXIT
  as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w start \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE veiligheidskaart_test"
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d veiligheidskaart_test -q -c "CREATE EXTENSION postgis"
  export GEO_TEST_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/veiligheidskaart_test?user=postgres"
  echo "Throwaway PostGIS on port $port ($GEO_TEST_JDBC_URL)"
fi

mvn -B -ntp verify "$@"
