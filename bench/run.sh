#!/usr/bin/env bash
# Benchmark of the webhook server on this machine, against a minimal JDK server as the floor.
#
#   bench/run.sh            full run (about 4 minutes): writes target/bench/results.md
#   bench/run.sh --smoke    a few seconds per step, for CI: checks that every step still works
#
# It builds the jar if missing, starts the server with a known HMAC secret, signs realistic
# payloads with the project's own WebhookSigner (timestamp taken at the start of the run), runs
# wrk at 4 and 32 connections for a signed tool-calls message and a 57 KB end-of-call report,
# measures start-up time (plain `java -jar` and the Dockerfile's launch, beside a minimal Spring
# Boot web application launched the same way) and peak RSS, and runs the floor server in the same
# run. Traffic goes to 127.0.0.1 only; every step is bounded in time;
# it stops only the processes it started.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=full
[[ "${1:-}" == "--smoke" ]] && MODE=smoke
if [[ $MODE == smoke ]]; then
  DURATION=${BENCH_DURATION:-2}; WARMUP=1; PROBE_WARMUP=1; TOOL_CALLS=${BENCH_TOOL_CALLS:-200}; STARTS=1
else
  DURATION=${BENCH_DURATION:-15}; WARMUP=10; PROBE_WARMUP=3; TOOL_CALLS=${BENCH_TOOL_CALLS:-4000}; STARTS=3
fi
PORT=${BENCH_PORT:-18080}
FLOOR_PORT=$((PORT + 1))
OUT=target/bench
JAVA=${JAVA:-java}
# The Dockerfile's runtime is Java 25 (AOT cache); use it here too when the machine has it.
PROD_JAVA=${PROD_JAVA:-}
if [[ -z $PROD_JAVA ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/java-25-openjdk-amd64/bin/java; do
    [[ -x $candidate ]] && PROD_JAVA=$candidate && break
  done
  PROD_JAVA=${PROD_JAVA:-$JAVA}
fi
mkdir -p "$OUT"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; PIDS=(); }
trap cleanup EXIT

log() { echo "[bench] $*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk from the OS packages"
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

JAR=$(ls target/vapi-webhook-server-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z $JAR || ${BENCH_BUILD:-} == always ]]; then
  log "building the jar"
  ./mvnw -q -B -ntp -DskipTests package
  JAR=$(ls target/vapi-webhook-server-*.jar | grep -v original | head -1)
fi

SECRET="bench-$(date +%s)-$RANDOM"
log "signing payloads ($TOOL_CALLS tool-calls)"
timeout 120 "$JAVA" -cp target/classes bench/BenchPayloads.java "$OUT/payloads" "$SECRET" "$TOOL_CALLS"
# wrk cycles through the signed set of tool-calls; with the idempotency cache down to one entry,
# every request runs the tool again instead of being answered from the cache.
APP_ARGS=(--server.port="$PORT" --vapi.security.hmac.secrets="$SECRET" --logging.level.root=WARN
  --vapi.tools.idempotency.max-entries=1)

# JVM options of the Dockerfile's launch (its `ENV JAVA_OPTS=` line), so both measure the same thing.
read -r -a PROD_OPTS <<< "$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile)"

now_ms() { date +%s%3N; }

# Starts the server ($@ = command) and waits for the first answered signed webhook request;
# sets SERVER_PID and STARTUP_MS (no subshell, so that the cleanup knows the process).
start_and_time() {
  local start end code
  start=$(now_ms)
  "$@" > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  local deadline=$((start + 60000))
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H @"$OUT/payloads/probe.headers.curl" \
      -H 'Content-Type: application/json' --data-binary @"$OUT/payloads/probe.json" \
      "http://127.0.0.1:$PORT/vapi/webhook" || true)
    [[ $code == 200 ]] && break
    if (( $(now_ms) > deadline )) || ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server did not answer within 60 s (last status $code)"; tail -20 "$OUT/server.log" >&2; exit 1
    fi
    sleep 0.01
  done
  end=$(now_ms)
  STARTUP_MS=$((end - start))
}
grep -v '^-H$' "$OUT/payloads/probe.headers" > "$OUT/payloads/probe.headers.curl"

# Start-up times of one launch: starts it $STARTS times (stopping it in between) and sets
# STARTUP_MEDIAN and STARTUP_ALL (every start, in ms); the last start keeps running.
time_starts() {
  local times=() i
  for ((i = 1; i <= STARTS; i++)); do
    (( i > 1 )) && cleanup
    start_and_time "$@"
    times+=("$STARTUP_MS")
  done
  STARTUP_ALL=$(IFS=/; echo "${times[*]}")
  STARTUP_MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
}

# The Dockerfile's launch needs the extracted jar and, on Java 25, an AOT cache trained on a short
# run with real requests (on older JVMs, a CDS archive). cache_options NAME sets CACHE_TRAIN and
# CACHE_USE for the cache file $OUT/NAME.
if "$PROD_JAVA" -XX:AOTCacheOutput="$OUT/probe.aot" -version >/dev/null 2>&1; then
  cache_options() { CACHE_TRAIN=(-XX:AOTCacheOutput="$OUT/$1.aot"); CACHE_USE=(-XX:AOTCache="$OUT/$1.aot"); }
else
  cache_options() { CACHE_TRAIN=(-XX:ArchiveClassesAtExit="$OUT/$1.jsa"); CACHE_USE=(-XX:SharedArchiveFile="$OUT/$1.jsa"); }
fi
rm -f "$OUT/probe.aot"
# trains a cache ($1 = name, the rest = what follows the JVM options: the class path or jar, the
# training run's main class and its arguments)
train_cache() {
  local name=$1
  shift
  rm -f "$OUT/$name.aot" "$OUT/$name.jsa"
  cache_options "$name"
  timeout 120 "$PROD_JAVA" "${PROD_OPTS[@]}" "${CACHE_TRAIN[@]}" "$@" > "$OUT/$name-training.log" 2>&1 \
    || { log "the $name training run failed"; tail -20 "$OUT/$name-training.log" >&2; exit 1; }
  if [[ ! -s $OUT/$name.aot && ! -s $OUT/$name.jsa ]]; then
    log "the $name training run wrote no start-up cache"; tail -20 "$OUT/$name-training.log" >&2; exit 1
  fi
}

# The start-up floor: a minimal Spring Boot web application (bench/boot-floor), the same Spring
# Boot version, launched exactly as the Dockerfile launches the server, with its own trained cache.
log "building and training the start-up floor (a minimal Spring Boot web application)"
./mvnw -q -B -ntp -f bench/boot-floor/pom.xml -DskipTests package
rm -rf "$OUT/boot-floor"
"$JAVA" -Djarmode=tools -jar bench/boot-floor/target/boot-floor-1.jar extract --destination "$OUT/boot-floor" >/dev/null
BOOT_FLOOR_JAR=$OUT/boot-floor/boot-floor-1.jar
train_cache boot-floor -jar "$BOOT_FLOOR_JAR" --server.port=0 --floor.training-requests=200 --logging.level.root=WARN

EXTRACTED=$OUT/extracted
rm -rf "$EXTRACTED"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$EXTRACTED" >/dev/null
APP_JAR=$EXTRACTED/$(basename "$JAR")
log "training the start-up cache with $("$PROD_JAVA" -version 2>&1 | head -1), as the Dockerfile does"
# The Dockerfile's training run: its own main class starts the server, sends it 200 signed webhook
# requests and exits.
train_cache app -cp "$APP_JAR" io.github.vapiwebhook.training.AotTrainingRun 200 "${APP_ARGS[@]}" \
  --logging.level.io.github.vapiwebhook.tools=ERROR --logging.level.io.github.vapiwebhook.security=ERROR

log "start-up: the minimal Spring Boot web application, the Dockerfile's launch ($STARTS starts)"
cache_options boot-floor
time_starts "$PROD_JAVA" "${PROD_OPTS[@]}" "${CACHE_USE[@]}" -jar "$BOOT_FLOOR_JAR" --server.port="$PORT" --logging.level.root=WARN
BOOT_FLOOR_START=$STARTUP_MEDIAN; BOOT_FLOOR_STARTS=$STARTUP_ALL
cleanup
log "start-up: plain java -jar ($STARTS starts)"
time_starts "$JAVA" -jar "$JAR" "${APP_ARGS[@]}"
PLAIN_START=$STARTUP_MEDIAN; PLAIN_STARTS=$STARTUP_ALL
cleanup
log "start-up: the Dockerfile's launch ($STARTS starts)"
cache_options app
time_starts "$PROD_JAVA" "${PROD_OPTS[@]}" "${CACHE_USE[@]}" -jar "$APP_JAR" "${APP_ARGS[@]}"
PROD_START=$STARTUP_MEDIAN; PROD_STARTS=$STARTUP_ALL
PROD_PID=$SERVER_PID
# The benchmark must measure the tool running, not the error path: the probe's answer has to carry
# a result for its toolCallId and no error.
PROBE_ANSWER=$(curl -s --max-time 5 -H @"$OUT/payloads/probe.headers.curl" -H 'Content-Type: application/json' \
  --data-binary @"$OUT/payloads/probe.json" "http://127.0.0.1:$PORT/vapi/webhook")
if [[ $PROBE_ANSWER != *'"result"'* || $PROBE_ANSWER == *'"error"'* ]]; then
  log "the tool did not answer the benchmark's tool-calls with a result: $PROBE_ANSWER"; exit 1
fi

# CPU time (user + system) the process has used so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
CLK_TCK=$(getconf CLK_TCK)

# wrk output -> "rps p50_ms p99_ms non2xx cpu_us_per_request concurrency" (the server's CPU time
# per answered request: it moves much less than requests per second when the shared machine is
# busy elsewhere; concurrency = wrk's mean latency x its rate, which Little's law says must equal
# the number of connections: on this machine it does not, see LatencyProbe)
run_wrk() {
  local payloads=$1 connections=$2 port=$3 path=$4 pid=$5
  local out before after
  before=$(cpu_ticks "$pid")
  out=$(PAYLOADS="$payloads" TARGET_PATH="$path" timeout $((DURATION + 30)) \
    wrk -t2 -c"$connections" -d"${DURATION}s" --latency -s bench/wrk-payloads.lua "http://127.0.0.1:$port")
  after=$(cpu_ticks "$pid")
  echo "$out" >> "$OUT/wrk.log"
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$CLK_TCK" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +Latency +[0-9]/ { mean = ms($2) }
    / requests in / { n = $1 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $5 }
    END { printf "%.0f %.3f %.3f %d %.0f %.2f\n", rps, p50, p99, bad, (n > 0) ? ticks / hz * 1e6 / n : 0, mean / 1000 * rps }'
}

# bench/LatencyProbe.java at 4 connections -> "rps p50_ms p99_ms p999_ms mean_ms concurrency non200"
probe() {
  local requests=$1 port=$2
  timeout $((DURATION + PROBE_WARMUP + 60)) "$JAVA" bench/LatencyProbe.java "$requests" "$port" 4 "$DURATION" "$PROBE_WARMUP"
}

: > "$OUT/wrk.log"
log "warming up for ${WARMUP}s"
PAYLOADS="$OUT/payloads/tool-calls.lua" timeout 60 wrk -t2 -c32 -d"${WARMUP}s" -s bench/wrk-payloads.lua "http://127.0.0.1:$PORT" >/dev/null
PAYLOADS="$OUT/payloads/end-of-call-report.lua" timeout 60 wrk -t2 -c32 -d"${WARMUP}s" -s bench/wrk-payloads.lua "http://127.0.0.1:$PORT" >/dev/null
declare -A R P
for payload in tool-calls end-of-call-report; do
  for c in 4 32; do
    log "wrk: $payload at $c connections for ${DURATION}s"
    R[$payload-$c]=$(run_wrk "$OUT/payloads/$payload.lua" "$c" "$PORT" /vapi/webhook "$PROD_PID")
  done
done
for payload in tool-calls end-of-call-report; do
  log "latency probe: $payload at 4 connections for ${DURATION}s"
  P[$payload]=$(probe "$OUT/payloads/$payload.http" "$PORT")
done
PEAK_RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$PROD_PID/status")
cleanup

log "floor: minimal JDK server answering {}"
"$JAVA" -Dsun.net.httpserver.nodelay=true bench/FloorServer.java "$FLOOR_PORT" > "$OUT/floor.log" 2>&1 &
FLOOR_PID=$!
PIDS+=("$FLOOR_PID")
for _ in $(seq 1 500); do curl -s -o /dev/null "http://127.0.0.1:$FLOOR_PORT/" && break; sleep 0.02; done
PAYLOADS="$OUT/payloads/tool-calls.lua" TARGET_PATH=/ timeout 60 wrk -t2 -c32 -d"${WARMUP}s" -s bench/wrk-payloads.lua "http://127.0.0.1:$FLOOR_PORT" >/dev/null
FLOOR=$(run_wrk "$OUT/payloads/tool-calls.lua" 32 "$FLOOR_PORT" / "$FLOOR_PID")
FLOOR4=$(run_wrk "$OUT/payloads/tool-calls.lua" 4 "$FLOOR_PORT" / "$FLOOR_PID")
log "latency probe: floor at 4 connections for ${DURATION}s"
PROBE_FLOOR=$(probe "$OUT/payloads/tool-calls.http" "$FLOOR_PORT")
cleanup

read -r T32_RPS T32_P50 T32_P99 T32_BAD T32_CPU T32_CONC <<< "${R[tool-calls-32]}"
read -r T4_RPS T4_P50 T4_P99 T4_BAD T4_CPU T4_CONC <<< "${R[tool-calls-4]}"
read -r E32_RPS E32_P50 E32_P99 E32_BAD E32_CPU E32_CONC <<< "${R[end-of-call-report-32]}"
read -r E4_RPS E4_P50 E4_P99 E4_BAD E4_CPU E4_CONC <<< "${R[end-of-call-report-4]}"
read -r F_RPS F_P50 F_P99 F_BAD F_CPU F_CONC <<< "$FLOOR"
read -r F4_RPS F4_P50 F4_P99 F4_BAD F4_CPU F4_CONC <<< "$FLOOR4"
read -r PT4_RPS PT4_P50 PT4_P99 PT4_P999 PT4_MEAN PT4_CONC PT4_BAD <<< "${P[tool-calls]}"
read -r PE4_RPS PE4_P50 PE4_P99 PE4_P999 PE4_MEAN PE4_CONC PE4_BAD <<< "${P[end-of-call-report]}"
read -r PF4_RPS PF4_P50 PF4_P99 PF4_P999 PF4_MEAN PF4_CONC PF4_BAD <<< "$PROBE_FLOOR"
PEAK_RSS_MIB=$((PEAK_RSS_KB / 1024))

verdict() { # value target comparison(ge|le)
  awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {
    if ((op == "ge" && v >= t) || (op == "le" && v <= t)) { print "met"; exit }
    d = (op == "ge") ? (t - v) / t * 100 : (v - t) / t * 100
    printf "missed by %.0f%%\n", d }'
}
RATIO=$(awk -v a="$T32_RPS" -v b="$F_RPS" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
HALF_FLOOR=$(awk -v b="$F_RPS" 'BEGIN { printf "%.0f", b / 2 }')
{
  echo "Benchmark ($MODE mode, ${DURATION}s per run), $(date -u +%Y-%m-%d), $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load generator on the same cores"
  echo "Server: $("$PROD_JAVA" -version 2>&1 | head -1), options \`${PROD_OPTS[*]} ${CACHE_USE[*]}\`"
  echo
  echo "| what | measured | target | verdict |"
  echo "|---|---|---|---|"
  echo "| signed tool-calls, 32 connections | $T32_RPS req/s (p50 $T32_P50 ms, p99 $T32_P99 ms; $T32_CPU µs CPU per request) | ≥ half the floor ($HALF_FLOOR req/s) | $(verdict "$T32_RPS" "$HALF_FLOOR" ge), ratio $RATIO |"
  echo "| signed tool-calls, 4 connections | p99 $PT4_P99 ms by the latency probe (p50 $PT4_P50 ms, p99.9 $PT4_P999 ms, $PT4_RPS req/s, Little's law check $PT4_CONC of 4); wrk: p99 $T4_P99 ms ($T4_RPS req/s, p50 $T4_P50 ms, check $T4_CONC of 4; $T4_CPU µs CPU per request) | p99 ≤ 1.5 ms | $(verdict "$PT4_P99" 1.5 le) (probe) |"
  echo "| signed 57 KB end-of-call-report, 32 connections | $E32_RPS req/s (p99 $E32_P99 ms; $E32_CPU µs CPU per request) | ≥ 2500 req/s | $(verdict "$E32_RPS" 2500 ge) |"
  echo "| signed 57 KB end-of-call-report, 4 connections | $E4_RPS req/s (wrk: p99 $E4_P99 ms, check $E4_CONC of 4; $E4_CPU µs CPU per request); probe: p99 $PE4_P99 ms (p50 $PE4_P50 ms, p99.9 $PE4_P999 ms, check $PE4_CONC of 4) | — | — |"
  echo "| start to first answered request, Dockerfile launch | $PROD_START ms (median of $PROD_STARTS) | ≤ 1000 ms | $(verdict "$PROD_START" 1000 le) |"
  echo "| start to first answered request, plain java -jar | $PLAIN_START ms (median of $PLAIN_STARTS) | (reported) | — |"
  echo "| start-up floor: a minimal Spring Boot web application, Dockerfile launch | $BOOT_FLOOR_START ms (median of $BOOT_FLOOR_STARTS) | — | the server takes $(awk -v a="$PROD_START" -v b="$BOOT_FLOOR_START" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')x the floor |"
  echo "| peak RSS of the server (VmHWM) | $PEAK_RSS_MIB MiB | ≤ 256 MiB | $(verdict "$PEAK_RSS_MIB" 256 le) |"
  echo "| floor: JDK HttpServer answering {}, 32 connections | $F_RPS req/s (p99 $F_P99 ms; $F_CPU µs CPU per request) | — | — |"
  echo "| floor: JDK HttpServer answering {}, 4 connections | probe: p99 $PF4_P99 ms (p50 $PF4_P50 ms, p99.9 $PF4_P999 ms, check $PF4_CONC of 4); wrk: p99 $F4_P99 ms ($F4_RPS req/s, p50 $F4_P50 ms, check $F4_CONC of 4; $F4_CPU µs CPU per request) | — | — |"
  echo
  echo "Latency at 4 connections is taken from bench/LatencyProbe.java, a closed-loop client timing each request from its first byte sent to the last byte of its answer; wrk's own latency figures fail Little's law here (its mean latency x its rate should equal the 4 connections; the check column shows what it gives), so they are shown but not used for the verdict."
  echo
  echo "Non-2xx answers: tool-calls $((T4_BAD + T32_BAD + PT4_BAD)), end-of-call-report $((E4_BAD + E32_BAD + PE4_BAD)). wrk cycles through $TOOL_CALLS signed tool-calls with distinct toolCallIds; the idempotency cache is cut to one entry, so every request runs the tool (current_time)."
} | tee "$OUT/results.md"
if (( T4_BAD + T32_BAD + E4_BAD + E32_BAD + PT4_BAD + PE4_BAD > 0 )); then
  log "the server answered some requests with a non-2xx status: see $OUT/wrk.log and $OUT/server.log"
  exit 1
fi
