# Shared set-up of the benchmarks (sourced from the repository root): the service jar, free ports,
# waiting for a started service, an analyst's session cookie, and the median of numbers.

# The packaged service, built when missing.
service_jar() {
  local jar
  jar=$(ls map-service/target/map-service-*.jar 2>/dev/null || true)
  if [ -z "$jar" ]; then
    mvn -q -B -ntp -DskipTests package >&2
    jar=$(ls map-service/target/map-service-*.jar)
  fi
  echo "$jar"
}

# The first port from $1 on that nothing listens on.
free_port() { local p=$1; while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }

# Waits until the service on port $1 (process $2, logging to $3) is healthy; shows its log if it died.
wait_for_service() {
  until curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null; do
    kill -0 "$2" || { cat "$3"; exit 1; }
    sleep 1
  done
}

# Signs the analyst in on port $1 with the password in the credentials file $2 (cookie jar $3) and
# prints the session cookie: as the viewer does (HTTP Basic would check the password hash on every request).
analyst_session() {
  local password token
  password=$(grep '^analist:' "$2" | cut -d: -f2-)
  rm -f "$3"
  token=$(curl -sf -c "$3" -b "$3" "http://127.0.0.1:$1/csrf" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  curl -sf -o /dev/null -c "$3" -b "$3" --data-urlencode "username=analist" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "http://127.0.0.1:$1/login"
  echo "JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$3")"
}

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
