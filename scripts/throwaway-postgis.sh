# Sourced by scripts/test.sh and the benchmarks: installs what is missing from Debian and starts a
# throwaway PostGIS on a free local port, removed again when the calling script exits.
#   start_throwaway_postgis DBNAME   sets PG_PORT, PG_DIR and PG_JDBC_URL; psql_pg runs psql on it

PG_BIN=/usr/lib/postgresql/15/bin

install_missing_packages() {
  local need=()
  { [ -x "$PG_BIN/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; } || need+=(postgresql-15-postgis-3)
  for tool in "$@"; do
    case "$tool" in
      chromium) command -v chromium >/dev/null || need+=(chromium) ;;
      chromedriver) command -v chromedriver >/dev/null || need+=(chromium-driver) ;;
      ogrinfo) command -v ogrinfo >/dev/null || need+=(gdal-bin) ;;
      nginx) [ -x /usr/sbin/nginx ] || need+=(nginx) ;;
      pdftoppm) command -v pdftoppm >/dev/null || need+=(poppler-utils) ;;
      *) command -v "$tool" >/dev/null || need+=("$tool") ;;
    esac
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]} ..."
    local sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

# PostgreSQL refuses to run as root: run it as the postgres user then.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

psql_pg() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

stop_throwaway_postgis() {
  [ -n "${PG_DIR:-}" ] || return 0
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

start_throwaway_postgis() {
  local db="$1"
  PG_DIR=$(mktemp -d /tmp/veiligheidskaart-postgis.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  PG_PORT=55432
  while (echo >"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  trap stop_throwaway_postgis EXIT
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  psql_pg -c "CREATE DATABASE $db"
  psql_pg -d "$db" -c "CREATE EXTENSION postgis"
  PG_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db?user=postgres"
}
