#!/usr/bin/env bash
# Crash test of the durable delivery: what the server acknowledged survives a SIGKILL.
#
#   bench/crash.sh                       400 reports, on the embedded H2 file database
#   bench/crash.sh --postgres            the same on PostgreSQL (127.0.0.1:5432, user postgres)
#   bench/crash.sh --smoke               60 reports on H2, then on PostgreSQL when it answers (CI)
#   CRASH_REPORTS=1000 CRASH_SERVER_ARGS='--some.key=value ...' bench/crash.sh   other sizes, settings
#
# Starts the server (the runnable jar, extracted as the Dockerfile does, with the Dockerfile's JVM
# options, HMAC authentication and an API key; $JAVA, default java) on a loopback port the kernel
# picks, on a fresh database: an H2 file in a temporary directory (the server's default URL,
# ./data, under that directory as its working directory), or a PostgreSQL database of its own
# (crash_<pid>, dropped at the end). A durable listener is added
# the way an application adds one: bench/CrashListener.java, an @ApplicationModuleListener of
# end-of-call reports registered as an auto-configuration, compiled into a directory on the
# server's class path; it appends the call id of every report delivered to it to a file and
# forces it to the disk. bench/CrashClient.java posts signed end-of-call reports, each for a call
# of its own, over 8 connections and notes every one answered 200 (acknowledged); when half of
# them are acknowledged it SIGKILLs the server, the others still in flight; the rest then fail.
# The server is started again on the same database, with Spring Modulith's staleness thresholds
# cut from 1 min (published) and 10 min (processing) to 2 s so that the deliveries the dead
# process left unfinished are marked failed and tried again (vapi.delivery.retry) within seconds
# instead of minutes. The check then waits (at most 120 s) until every acknowledged report has
# reached the listener at least once and sits in the call store (GET /api/calls, every page)
# exactly once with its ended reason, and prints "N acknowledged, N delivered, 0 lost" and the
# duplicates. The exit status is non-zero when a report was lost or a call stored twice.
# Traffic goes to 127.0.0.1 only; every step is bounded in time; only processes started here are
# stopped; the temporary directory and the database are removed. Server logs: target/bench/crash-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=full DATABASES=(h2)
# more arguments for the server, e.g. another spring.datasource.url (split on spaces)
read -r -a EXTRA_ARGS <<< "${CRASH_SERVER_ARGS:-}"
case "${1:-}" in
  "") ;;
  --postgres) DATABASES=(postgres) ;;
  --smoke) MODE=smoke ;;
  *) echo "usage: bench/crash.sh [--postgres | --smoke]" >&2; exit 2 ;;
esac
if [[ $MODE == smoke ]]; then REPORTS=${CRASH_REPORTS:-60}; else REPORTS=${CRASH_REPORTS:-400}; fi
CONNECTIONS=8
OUT=$PWD/target/bench
JAVA=${JAVA:-java}
mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vapi-crash.XXXXXX")
PIDS=() DATABASE=
log() { echo "[crash] $*" >&2; }
psql_admin() { PGOPTIONS='-c client_min_messages=warning' timeout 30 psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
  if [[ -n $DATABASE ]]; then psql_admin -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" || true; DATABASE=; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 1" INT TERM

if [[ $MODE == smoke ]] && psql_admin -c 'SELECT 1' >/dev/null 2>&1; then
  DATABASES+=(postgres)
elif [[ $MODE == smoke ]]; then
  log "PostgreSQL does not answer on 127.0.0.1:5432: H2 only"
fi

JAR=$(ls target/vapi-webhook-server-*-exec.jar 2>/dev/null | head -1 || true)
if [[ -z $JAR || ${BENCH_BUILD:-} == always ]]; then
  log "building the jar"
  timeout 900 ./mvnw -q -B -ntp -DskipTests package
  JAR=$(ls target/vapi-webhook-server-*-exec.jar | head -1)
fi
# a copy, extracted as the Dockerfile does, so that a build during the run cannot change the
# classes under the running server
cp "$JAR" "$WORK/server.jar"
"$JAVA" -Djarmode=tools -jar "$WORK/server.jar" extract --destination "$WORK/extracted" >/dev/null
APP_JAR=$WORK/extracted/server.jar

# The listener: compiled against the server's classes, registered as an auto-configuration.
mkdir -p "$WORK/listener/META-INF/spring"
timeout 120 javac -nowarn -proc:none -cp "$APP_JAR" -d "$WORK/listener" bench/CrashListener.java
echo io.github.vapiwebhook.bench.CrashListener \
  > "$WORK/listener/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"

# JVM options of the Dockerfile's launch (its `ENV JAVA_OPTS=` line).
read -r -a PROD_OPTS <<< "$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile)"
SECRET="crash-$(date +%s)-$RANDOM"
API_KEY="crash-api-$RANDOM$RANDOM"

# Starts the server ($1 = log name, the rest = extra arguments) in $WORK/run (the H2 file is
# ./data under it) on a free loopback port that the kernel picks, reads the port from its log and
# waits for its health endpoint; sets SERVER and PORT. (The whole line is awaited: the JVM writes
# long log lines in pieces.)
start_server() {
  local name=$1 log
  shift
  log=$OUT/crash-$name.log
  (cd "$WORK/run" && exec "$JAVA" "${PROD_OPTS[@]}" -cp "$APP_JAR:$WORK/listener" \
    io.github.vapiwebhook.VapiWebhookApplication --server.address=127.0.0.1 --server.port=0 \
    --vapi.security.hmac.secrets="$SECRET" --vapi.calls.api.keys="$API_KEY" \
    --crash.listener.file="$WORK/run/delivered.txt" "${DB_ARGS[@]}" "${EXTRA_ARGS[@]}" "$@") > "$log" 2>&1 &
  SERVER=$!
  PIDS+=("$SERVER")
  PORT=
  for _ in $(seq 1 900); do
    kill -0 "$SERVER" 2>/dev/null || break
    PORT=${PORT:-$(sed -n 's/.*Tomcat started on port \([0-9]*\) (http).*/\1/p' "$log" | head -1)}
    if [[ -n $PORT ]] && curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/actuator/health"; then
      return 0
    fi
    sleep 0.1
  done
  log "the server did not answer on port ${PORT:-?}: see $log"; tail -20 "$log" >&2; exit 1
}

FAILED=0
for db in "${DATABASES[@]}"; do
  started=$(date +%s)
  rm -rf "$WORK/run"; mkdir -p "$WORK/run"
  DB_ARGS=()
  if [[ $db == postgres ]]; then
    DATABASE=crash_$$
    psql_admin -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"
    DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DATABASE" --spring.datasource.username=postgres)
  fi
  log "$db: starting the server with: ${PROD_OPTS[*]}"
  start_server "$db-1"
  log "$db: posting $REPORTS signed end-of-call reports over $CONNECTIONS connections, SIGKILL after $((REPORTS / 2)) acknowledged"
  # (the shell's notice that the server was killed goes to /dev/null, the client's output to stderr)
  { timeout 300 "$JAVA" -cp "$APP_JAR" bench/CrashClient.java send "$PORT" "$SECRET" "$REPORTS" "$CONNECTIONS" \
    "$db-$$-$started" "$WORK/acked.txt" $((REPORTS / 2)) "$SERVER" 2>&3 | sed 's/^/    /' >&3; } 3>&2 2>/dev/null
  status=0
  { wait "$SERVER"; } 2>/dev/null || status=$?
  PIDS=()
  if [[ $status != 137 ]]; then
    log "$db: FAILED: the server was not killed mid-burst (exit status $status)"; exit 1
  fi
  log "$db: the server died of SIGKILL; $(cat "$WORK/run/delivered.txt" 2>/dev/null | wc -l) deliveries recorded before; restarting it on the same database"
  restarted=$(date +%s%3N)
  start_server "$db-2" --spring.modulith.events.staleness.published=2s \
    --spring.modulith.events.staleness.processing=2s --spring.modulith.events.staleness.check-intervall=1s
  if ! timeout 200 "$JAVA" -cp "$APP_JAR" bench/CrashClient.java check "$PORT" "$API_KEY" "$WORK/acked.txt" \
    "$WORK/run/delivered.txt" 120; then
    FAILED=1
  fi
  log "$db: $(awk -v ms=$(($(date +%s%3N) - restarted)) 'BEGIN { printf "%.1f", ms / 1000 }') s from the restart to the end of the check; $(($(date +%s) - started)) s in all"
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  PIDS=()
  if [[ $db == postgres ]]; then psql_admin -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)"; DATABASE=; fi
done
exit $FAILED
