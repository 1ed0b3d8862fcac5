#!/usr/bin/env bash
# Benchmark of durable delivery: end-of-call reports acknowledged per second at 32 connections when
# each one is committed to the database before the answer (H2, the embedded default, and
# PostgreSQL), as a ratio to the same server delivering them in memory, in the same run.
#
#   bench/durable.sh            full run (about 2 minutes): writes target/bench/durable.md
#   bench/durable.sh --smoke    a few seconds per step, for CI: checks that every step still works
#
# Three servers from the same jar, launched alike (the Dockerfile's JVM options on the Java the
# Dockerfile runs, 25 where installed; each in an empty working directory, so with the shipped
# defaults and nothing of this checkout's application.yml):
#   memory      vapi.delivery.durable-types=none and no call store: reports go to listeners in
#               memory, after the answer
#   h2          the embedded default: an H2 file database in the server's working directory
#   postgres    a fresh database on the PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth),
#               dropped at the end; left out when no PostgreSQL answers there
# Each gets 57 KB end-of-call reports from wrk (bench/wrk-fresh-calls.lua), every one for a new
# call id, so every report is kept and delivered to the call store (a durable listener) and none is
# recognised as a repeat. The servers are measured in alternating rounds; before each measure every
# server's delivery backlog (vapi.delivery.pending) must be empty, so that no server's listeners
# run during another one's measure, and the time each backlog takes to drain after its own measure
# is reported (deliveries per second that the listeners keep up with). Traffic goes to 127.0.0.1
# only; every step is bounded in time; it stops only the processes it started.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=full
case "${1:-}" in
  "") ;;
  --smoke) MODE=smoke ;;
  *) echo "usage: bench/durable.sh [--smoke]" >&2; exit 2 ;;
esac
case $MODE in
  smoke) DURATION=${BENCH_DURATION:-2}; WARMUP=1; ROUNDS=${BENCH_ROUNDS:-1} ;;
  full) DURATION=${BENCH_DURATION:-10}; WARMUP=5; ROUNDS=${BENCH_ROUNDS:-3} ;;
esac
CONNECTIONS=32
PORT=${BENCH_DURABLE_PORT:-18280}
OUT=target/bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vapi-durable-bench.XXXXXX")
JAVA=${JAVA:-java}
PROD_JAVA=${PROD_JAVA:-}
if [[ -z $PROD_JAVA ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/java-25-openjdk-amd64/bin/java; do
    [[ -x $candidate ]] && PROD_JAVA=$candidate && break
  done
  PROD_JAVA=${PROD_JAVA:-$JAVA}
fi
PG_URL_BASE=${BENCH_POSTGRES:-127.0.0.1:5432}
PG_DB="vapi_durable_bench_$$"
PG_CREATED=
mkdir -p "$OUT"
PIDS=()
log() { echo "[durable] $*" >&2; }
die() { log "$*"; exit 1; }
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
  if [[ -n $PG_CREATED ]]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  log "installing wrk from the OS packages"
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

CONFIGS=(memory h2)
if command -v psql >/dev/null \
    && psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $PG_DB" >/dev/null 2>&1; then
  PG_CREATED=yes
  CONFIGS+=(postgres)
else
  log "no PostgreSQL answers at 127.0.0.1:5432 (user postgres): measuring memory and H2 only"
fi

JAR=$(ls target/vapi-webhook-server-*-exec.jar 2>/dev/null | head -1 || true)
if [[ -z $JAR || ${BENCH_BUILD:-} == always ]]; then
  log "building the jar"
  ./mvnw -q -B -ntp -DskipTests package
  JAR=$(ls target/vapi-webhook-server-*-exec.jar | head -1)
fi
# a copy, so that a build running meanwhile cannot change the jar under the servers
cp "$JAR" "$WORK/server.jar"

# the report: bench/BenchPayloads.java's 57 KB end-of-call report, as a template
timeout 120 "$JAVA" -cp target/classes bench/BenchPayloads.java "$WORK/payloads" unused >/dev/null
TEMPLATE_ID=c0ffee00-0000-4000-8000-0000eeee0000
grep -q "$TEMPLATE_ID" "$WORK/payloads/end-of-call-report-template.json" || die "the report template has no call id"
SECRET="durable-$(date +%s)-$RANDOM"

read -r -a PROD_OPTS <<< "$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile)"
declare -A PORT_OF PID_OF
for ((i = 0; i < ${#CONFIGS[@]}; i++)); do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$((PORT + i))/"; then
    die "something already answers on port $((PORT + i)) (another benchmark?); set BENCH_DURABLE_PORT"
  fi
done
i=0
# the actuator's metrics need a bearer token on the application's port
MANAGEMENT_TOKEN="bench-management-$RANDOM$RANDOM"
for config in "${CONFIGS[@]}"; do
  port=$((PORT + i)); i=$((i + 1))
  dir="$WORK/$config"
  mkdir -p "$dir"
  args=(--server.port="$port" --vapi.security.shared-secret.secrets="$SECRET" --logging.level.root=WARN
    --vapi.calls.api.keys="bench-$RANDOM$RANDOM" --vapi.management.tokens="$MANAGEMENT_TOKEN")
  case $config in
    # nothing durable, and no call store (its listener is durable): the reports reach the
    # application's @EventListener methods in memory, after the answer
    memory) args+=(--vapi.delivery.durable-types=none --vapi.calls.enabled=false) ;;
    postgres) args+=(--spring.datasource.url="jdbc:postgresql://$PG_URL_BASE/$PG_DB" --spring.datasource.username=postgres
      --spring.datasource.password=) ;;
  esac
  (cd "$dir" && exec "$PROD_JAVA" "${PROD_OPTS[@]}" -jar "$WORK/server.jar" "${args[@]}") > "$OUT/durable-$config.log" 2>&1 &
  PID_OF[$config]=$!
  PORT_OF[$config]=$port
  PIDS+=("$!")
done

# the value of one of a server's meters (0 when it has none yet)
meter() { # config name
  { curl -s --max-time 5 -H "Authorization: Bearer $MANAGEMENT_TOKEN" "http://127.0.0.1:${PORT_OF[$1]}/actuator/metrics/$2" || true; } \
    | sed -n 's/.*"statistic":"\(VALUE\|COUNT\)","value":\([0-9.E]*\).*/\2/p' | awk '{ v = $1 } END { printf "%d\n", v }'
}
for config in "${CONFIGS[@]}"; do
  deadline=$((SECONDS + 180))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${PORT_OF[$config]}/actuator/health" || true) == 200 ]]; do
    if (( SECONDS > deadline )) || ! kill -0 "${PID_OF[$config]}" 2>/dev/null; then
      tail -20 "$OUT/durable-$config.log" >&2; die "the $config server did not start within 180 s"
    fi
    sleep 0.2
  done
done
log "servers up: ${CONFIGS[*]} ($("$PROD_JAVA" -version 2>&1 | head -1))"

# Waits until the server's durable deliveries are all done; prints the seconds it took (0 for the
# in-memory server, whose deliveries the benchmark does not see).
drain() { # config
  local start=$SECONDS deadline=$((SECONDS + 600))
  [[ $1 == memory ]] && { echo 0; return; }
  while (( $(meter "$1" vapi.delivery.pending) > 0 )); do
    (( SECONDS > deadline )) && die "the $1 server's deliveries did not drain within 600 s"
    kill -0 "${PID_OF[$1]}" 2>/dev/null || die "the $1 server stopped: see $OUT/durable-$1.log"
    sleep 0.5
  done
  echo $((SECONDS - start))
}
drain_all() { local config; for config in "${CONFIGS[@]}"; do drain "$config" >/dev/null; done; }

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
CLK_TCK=$(getconf CLK_TCK)
# wrk -> "rps p50_ms p99_ms errors cpu_us_per_request requests mean_ms" (errors: non-2xx answers,
# and socket errors, a request unanswered after 10 s among them)
run_wrk() { # config duration run_id
  local before after out
  before=$(cpu_ticks "${PID_OF[$1]}")
  out=$(BODY_FILE="$WORK/payloads/end-of-call-report-template.json" TEMPLATE_ID=$TEMPLATE_ID RUN_ID=$3 SECRET=$SECRET \
    timeout $(($2 + 30)) wrk -t2 -c"$CONNECTIONS" -d"$2s" --timeout 10s --latency -s bench/wrk-fresh-calls.lua "http://127.0.0.1:${PORT_OF[$1]}")
  after=$(cpu_ticks "${PID_OF[$1]}")
  echo "$out" >> "$OUT/durable-wrk.log"
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$CLK_TCK" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / requests in / { n = $1 }
    /^ +Latency +[0-9]/ { mean = ms($2) }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad += $5 }
    /Socket errors/ { bad += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.3f %.3f %d %.0f %d %.3f\n", rps, p50, p99, bad, (n > 0) ? ticks / hz * 1e6 / n : 0, n, mean }'
}
: > "$OUT/durable-wrk.log"

log "warming up each server for ${WARMUP}s"
for config in "${CONFIGS[@]}"; do
  run_wrk "$config" "$WARMUP" "warm-$config-$RANDOM" >/dev/null
  drain_all
done

declare -A M DRAIN
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= ROUNDS; r++)); do
  for config in "${CONFIGS[@]}"; do
    drain_all
    log "round $r/$ROUNDS: $config, end-of-call reports at $CONNECTIONS connections, ${DURATION}s"
    M[$config-$r]=$(run_wrk "$config" "$DURATION" "r$r-$config-$RANDOM")
    DRAIN[$config-$r]=$(drain "$config")
  done
done
drain_all

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
joined() { local IFS=/; echo "$*"; }
rounds() { local r; for ((r = 1; r <= ROUNDS; r++)); do awk -v n="$1" '{ print $n }' <<< "${M[$2-$r]}"; done; }
figure() { echo "$(median $(rounds "$1" "$2")) ($(joined $(rounds "$1" "$2")))"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
# reports per second the durable listeners kept up with: the round's reports over its measure and
# the drain after it
kept_up() { # config
  local r values=()
  for ((r = 1; r <= ROUNDS; r++)); do
    values+=("$(awk -v n="$(awk '{ print $6 }' <<< "${M[$1-$r]}")" -v d="$DURATION" -v w="${DRAIN[$1-$r]}" \
      'BEGIN { printf "%.0f", n / (d + w) }')")
  done
  echo "$(median "${values[@]}") ($(joined "${values[@]}"))"
}
little() { # config: mean latency x rate / connections, about 1 when wrk's latencies can be trusted
  local r values=()
  for ((r = 1; r <= ROUNDS; r++)); do
    values+=("$(awk -v c=$CONNECTIONS '{ printf "%.2f", $7 / 1000 * $1 / c }' <<< "${M[$1-$r]}")")
  done
  joined "${values[@]}"
}

MEMORY_RPS=$(median $(rounds 1 memory))
BAD=0 REPEATS=0 FAILED=0
for key in "${!M[@]}"; do BAD=$((BAD + $(awk '{ print $4 }' <<< "${M[$key]}"))); done
for config in "${CONFIGS[@]}"; do
  [[ $config == memory ]] && continue
  REPEATS=$((REPEATS + $(meter "$config" vapi.delivery.repeats)))
  FAILED=$((FAILED + $(meter "$config" vapi.delivery.failed)))
done
{
  echo "Durable delivery benchmark ($MODE mode, $ROUNDS alternating round(s) of ${DURATION}s per server), $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, load generator on the same cores"
  echo "Servers: $("$PROD_JAVA" -version 2>&1 | head -1), options \`${PROD_OPTS[*]}\`; PostgreSQL: $( [[ -n $PG_CREATED ]] && psql -h 127.0.0.1 -U postgres -d postgres -Atc 'SHOW server_version' 2>/dev/null || echo 'not measured')"
  echo
  echo "57 KB end-of-call reports, each for a new call, at $CONNECTIONS connections (wrk). Each figure: the median of the rounds, then each round in order."
  echo
  echo "| server | acknowledged req/s | ratio to memory (target ≥ 0.5) | ack p50, ms | ack p99, ms | CPU per report, µs | reports/s the listeners kept up with | wrk's Little's law check (≈ 1) |"
  echo "|---|---|---|---|---|---|---|---|"
  for config in "${CONFIGS[@]}"; do
    rps=$(median $(rounds 1 "$config"))
    if [[ $config == memory ]]; then
      target="—"; keep="—"
    else
      rr=$(ratio "$rps" "$MEMORY_RPS")
      target="$rr ($(awk -v v="$rr" 'BEGIN { print (v >= 0.5) ? "met" : "missed" }'))"
      keep=$(kept_up "$config")
    fi
    echo "| $config | $(figure 1 "$config") | $target | $(figure 2 "$config") | $(figure 3 "$config") | $(figure 5 "$config") | $keep | $(little "$config") |"
  done
  echo
  echo "Errors (non-2xx answers, socket errors, no answer within 10 s): $BAD. Reports recognised as repeats: $REPEATS (must be 0: every report is a new call). Dead letters: $FAILED. Every durable server's backlog (vapi.delivery.pending) drained to 0 before each measure and at the end. Load average before the rounds and after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$OUT/durable.md"
(( BAD == 0 )) || die "some reports were answered with a non-2xx status: see $OUT/durable-wrk.log and $OUT/durable-*.log"
(( REPEATS == 0 )) || die "some reports were taken for repeats: the benchmark did not send new calls"
(( FAILED == 0 )) || die "some deliveries failed: see $OUT/durable-*.log"
