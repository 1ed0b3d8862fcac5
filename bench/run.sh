#!/usr/bin/env bash
# Benchmark of the webhook server on this machine, against a bare Spring Boot controller.
#
#   bench/run.sh            full run (about 5 minutes): writes target/bench/results.md
#   bench/run.sh --smoke    a few seconds per step, for CI: checks that every step still works
#   bench/run.sh --soak     10 minutes of sustained load on the server (not in CI): writes
#                           target/bench/soak.md, the resident size minute by minute
#
# Two servers, launched the same way (the Dockerfile's JVM options, Java 25 with an AOT cache
# trained by each one's own training run, or Java 17 with a CDS archive where no Java 25 is
# installed): the webhook server, and the bare controller (bench/boot-floor: one Spring MVC
# endpoint on the same path that parses the body into a Map and answers {}), the framework's own
# limit for a JSON webhook. Both get the same requests (the bare controller ignores the
# headers) and are measured in alternating rounds (server, bare controller, server, ...): wrk at
# 32 connections for a tool-calls message (the real current_time tool answers it) and a 57 KB
# end-of-call report, and bench/LatencyProbe at 4 connections for the p99. Every request is new
# (a new toolCallId, a new call id), as on a live server: each tool call runs its tool and is
# stored (the tool-call store), each report is kept (committed to the embedded H2 database) and
# delivered to the call store; none is a repeat the server answers from a cache. wrk cannot sign
# each new body, so its requests carry the shared secret (X-Vapi-Secret); the probe signs each of
# its requests with HMAC, the project's own WebhookSigner. Each server runs in an empty working
# directory (a fresh database, and nothing of this checkout's application.yml). Medians over the rounds give each target as a ratio in this one
# run. It also measures start-up (start to first answered request, alternating between the two)
# and peak RSS. Traffic goes to 127.0.0.1 only; every step is bounded in time; it stops only the
# processes it started.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=full
case "${1:-}" in
  "") ;;
  --smoke) MODE=smoke ;;
  --soak) MODE=soak ;;
  *) echo "usage: bench/run.sh [--smoke | --soak]" >&2; exit 2 ;;
esac
case $MODE in
  smoke) DURATION=${BENCH_DURATION:-2}; WARMUP=1; PROBE_WARMUP=1; STARTS=1; ROUNDS=${BENCH_ROUNDS:-1} ;;
  full) DURATION=${BENCH_DURATION:-10}; WARMUP=10; PROBE_WARMUP=3; STARTS=3; ROUNDS=${BENCH_ROUNDS:-3} ;;
  soak) WARMUP=10; SOAK_MINUTES=${BENCH_SOAK_MINUTES:-10}; MINUTE=${BENCH_SOAK_MINUTE_SECONDS:-60} ;;
esac
PORT=${BENCH_PORT:-18080}
BARE_PORT=$((PORT + 1))
FLOOR_PORT=$((PORT + 2))
OUT=$PWD/target/bench
# the working directories of the servers (their H2 databases), removed at the end
RUNS=$(mktemp -d "${TMPDIR:-/tmp}/vapi-bench.XXXXXX")
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
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
  rm -rf "$RUNS"
}
trap cleanup EXIT
# stops one process this script started
stop() {
  local pid=$1 kept=() p
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${PIDS[@]}"; do
    if [[ $p != "$pid" ]]; then kept+=("$p"); fi
  done
  PIDS=("${kept[@]}")
}

log() { echo "[bench] $*" >&2; }
die() { log "$*"; exit 1; }

for port in "$PORT" "$BARE_PORT" "$FLOOR_PORT"; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    die "something already answers on port $port (another benchmark?); set BENCH_PORT"
  fi
done

if ! command -v wrk >/dev/null; then
  log "installing wrk from the OS packages"
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

JAR=$(ls "$PWD"/target/vapi-webhook-server-*-exec.jar 2>/dev/null | head -1 || true)
if [[ -z $JAR || ${BENCH_BUILD:-} == always ]]; then
  log "building the jar"
  ./mvnw -q -B -ntp -DskipTests package
  JAR=$(ls "$PWD"/target/vapi-webhook-server-*-exec.jar | head -1)
fi

SECRET="bench-$(date +%s)-$RANDOM"
SIGNED_AT=0
# Writes the payloads and signs the start-up check's request (again) unless its signature stays
# valid until the end of the next step, which takes at most $1 seconds: the server accepts a
# timestamp for 5 minutes.
fresh_payloads() {
  if (( $(date +%s) - SIGNED_AT + $1 + 30 > 300 )); then
    SIGNED_AT=$(date +%s)
    timeout 120 "$JAVA" -cp target/classes bench/BenchPayloads.java "$OUT/payloads" "$SECRET"
    grep -v '^-H$' "$OUT/payloads/probe.headers" > "$OUT/payloads/probe.headers.curl"
  fi
}
log "writing payloads"
fresh_payloads 300
TOOL_CALL_ID=call_bench_template
REPORT_ID=c0ffee00-0000-4000-8000-0000eeee0000
# The server's shipped configuration, with the secrets: HMAC (the probe and the start-up check
# sign with it) and the shared secret (wrk's requests carry it). The example tools are off
# unless enabled; the benchmark's tool calls go to current_time.
# the actuator's metrics need a bearer token on the application's port
MANAGEMENT_TOKEN="bench-management-$RANDOM$RANDOM"
APP_ARGS=(--server.port="$PORT" --vapi.security.hmac.secrets="$SECRET" --vapi.security.shared-secret.secrets="$SECRET"
  --vapi.examples.enabled=true --logging.level.root=WARN --vapi.calls.api.keys="bench-$RANDOM$RANDOM"
  --vapi.management.tokens="$MANAGEMENT_TOKEN")
# the template of a measure: tool-calls or end-of-call-report
template() { echo "$OUT/payloads/$1-template.json"; }
template_id() { [[ $1 == tool-calls ]] && echo "$TOOL_CALL_ID" || echo "$REPORT_ID"; }

# JVM options of the Dockerfile's launch (its `ENV JAVA_OPTS=` line), so both measure the same thing.
read -r -a PROD_OPTS <<< "$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile)"

now_ms() { date +%s%3N; }

# Starts a server ($1 = port, $2 = name, the rest = command) and waits for the first answered
# signed webhook request; sets SERVER_PID and STARTUP_MS (no subshell, so that the cleanup knows
# the process).
start_and_time() {
  local port=$1 name=$2 start end code
  shift 2
  start=$(now_ms)
  # each start in an empty working directory: a fresh embedded database
  local dir="$RUNS/$name-$start"
  mkdir -p "$dir"
  (cd "$dir" && exec "$@") > "$OUT/$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  local deadline=$((start + 60000))
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H @"$OUT/payloads/probe.headers.curl" \
      -H 'Content-Type: application/json' --data-binary @"$OUT/payloads/probe.json" \
      "http://127.0.0.1:$port/vapi/webhook" || true)
    [[ $code == 200 ]] && break
    if (( $(now_ms) > deadline )) || ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "$name did not answer within 60 s (last status $code)"; tail -20 "$OUT/$name.log" >&2; exit 1
    fi
    sleep 0.01
  done
  end=$(now_ms)
  STARTUP_MS=$((end - start))
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
# Trains a cache ($1 = name, the rest = what follows the JVM options: the class path, the training
# run's main class and its arguments). The training run is the JVM that runs the server.
train_cache() {
  local name=$1
  shift
  rm -f "$OUT/$name.aot" "$OUT/$name.jsa"
  cache_options "$name"
  mkdir -p "$RUNS/$name-training"
  (cd "$RUNS/$name-training" && exec timeout 120 "$PROD_JAVA" "${PROD_OPTS[@]}" "${CACHE_TRAIN[@]}" "$@") \
    > "$OUT/$name-training.log" 2>&1 \
    || { log "the $name training run failed"; tail -20 "$OUT/$name-training.log" >&2; exit 1; }
  if [[ ! -s $OUT/$name.aot && ! -s $OUT/$name.jsa ]]; then
    log "the $name training run wrote no start-up cache"; tail -20 "$OUT/$name-training.log" >&2; exit 1
  fi
}

EXTRACTED=$OUT/extracted
rm -rf "$EXTRACTED"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$EXTRACTED" >/dev/null
APP_JAR=$EXTRACTED/$(basename "$JAR")
log "training the server's start-up cache with $("$PROD_JAVA" -version 2>&1 | head -1), as the Dockerfile does"
# The Dockerfile's training run: its own main class starts the server, sends it 200 signed webhook
# requests and exits.
train_cache app -cp "$APP_JAR" io.github.vapiwebhook.training.AotTrainingRun 200 "${APP_ARGS[@]}" \
  --logging.level.io.github.vapiwebhook.tools=ERROR --logging.level.io.github.vapiwebhook.security=ERROR
cache_options app
SERVER_CMD=("$PROD_JAVA" "${PROD_OPTS[@]}" "${CACHE_USE[@]}" -jar "$APP_JAR" "${APP_ARGS[@]}")

# The server's answer must carry a result for the probe's toolCallId and no error: the benchmark
# measures the tool running, not the error path.
check_server_answer() {
  local answer
  answer=$(curl -s --max-time 5 -H @"$OUT/payloads/probe.headers.curl" -H 'Content-Type: application/json' \
    --data-binary @"$OUT/payloads/probe.json" "http://127.0.0.1:$PORT/vapi/webhook")
  if [[ $answer != *'"result"'* || $answer == *'"error"'* ]]; then
    die "the tool did not answer the benchmark's tool-calls with a result: $answer"
  fi
}

# CPU time (user + system) the process has used so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
CLK_TCK=$(getconf CLK_TCK)

# wrk output -> "rps p50_ms p99_ms non2xx cpu_us_per_request" (the server's CPU time per answered
# request moves much less than requests per second when the shared machine is busy elsewhere;
# wrk's latencies fail Little's law here, see LatencyProbe, and are kept for the log only)
# wrk with a new request each time (bench/wrk-fresh-calls.lua): $1 = tool-calls or end-of-call-report
wrk_fresh() { # measure path connections duration url [wrk options]
  local measure=$1 path=$2 connections=$3 duration=$4 url=$5
  shift 5
  BODY_FILE=$(template "$measure") TEMPLATE_ID=$(template_id "$measure") RUN_ID="$measure-$RANDOM$RANDOM" \
    SECRET=$SECRET TARGET_PATH=$path timeout $((duration + 30)) \
    wrk -t2 -c"$connections" -d"${duration}s" "$@" -s bench/wrk-fresh-calls.lua "$url"
}
run_wrk() {
  local measure=$1 connections=$2 port=$3 path=$4 pid=$5 duration=$6
  local out before after
  before=$(cpu_ticks "$pid")
  out=$(wrk_fresh "$measure" "$path" "$connections" "$duration" "http://127.0.0.1:$port" --latency)
  after=$(cpu_ticks "$pid")
  echo "$out" >> "$OUT/wrk.log"
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$CLK_TCK" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / requests in / { n = $1 }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $5 }
    END { printf "%.0f %.3f %.3f %d %.0f\n", rps, p50, p99, bad, (n > 0) ? ticks / hz * 1e6 / n : 0 }'
}
warm() { # measure port
  wrk_fresh "$1" /vapi/webhook 32 "$WARMUP" "http://127.0.0.1:$2" >/dev/null
}

# bench/LatencyProbe.java at 4 connections -> "rps p50_ms p99_ms p999_ms mean_ms concurrency non200"
probe() { # measure port
  timeout $((DURATION + PROBE_WARMUP + 60)) "$JAVA" -cp target/classes bench/LatencyProbe.java "$(template "$1")" \
    "$(template_id "$1")" "$SECRET" "$2" 4 "$DURATION" "$PROBE_WARMUP"
}

rss_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }
# the count of one of the server's meters: vapi.webhook.replays (requests answered from the replay
# guard, exact repeats) or vapi.webhook.messages (messages read)
meter_count() {
  { curl -s --max-time 5 -H "Authorization: Bearer $MANAGEMENT_TOKEN" "http://127.0.0.1:$PORT/actuator/metrics/$1" || true; } \
    | sed -n 's/.*"statistic":"COUNT","value":\([0-9.E]*\).*/\1/p' | awk '{ v = $1 } END { printf "%d\n", v }'
}

: > "$OUT/wrk.log"

# ---------------------------------------------------------------------------------------------
if [[ $MODE == soak ]]; then
  # The server alone under sustained load (tool-calls at 28 connections and end-of-call reports at
  # 4, together), its resident size sampled every 5 seconds; wrk restarts every minute (and the
  # payloads are signed again every few minutes), so the load pauses for a moment between minutes.
  log "soak: $SOAK_MINUTES minutes of ${MINUTE}s under load, the Dockerfile's launch"
  fresh_payloads 60
  start_and_time "$PORT" server "${SERVER_CMD[@]}"
  SOAK_PID=$SERVER_PID
  check_server_answer
  REPLAYS_BEFORE=$(meter_count vapi.webhook.replays)
  MESSAGES_BEFORE=$(meter_count vapi.webhook.messages)
  warm tool-calls "$PORT"
  : > "$OUT/soak-rss.log"
  MEANS=() MAXES=() RATES=() SOAK_BAD=0
  for ((m = 1; m <= SOAK_MINUTES; m++)); do
    fresh_payloads "$MINUTE"
    wrk_fresh tool-calls /vapi/webhook 28 "$MINUTE" "http://127.0.0.1:$PORT" > "$OUT/soak-tools.out" &
    TOOLS_WRK=$!
    PIDS+=("$TOOLS_WRK")
    wrk_fresh end-of-call-report /vapi/webhook 4 "$MINUTE" "http://127.0.0.1:$PORT" > "$OUT/soak-reports.out" &
    REPORTS_WRK=$!
    PIDS+=("$REPORTS_WRK")
    samples=()
    while kill -0 "$TOOLS_WRK" 2>/dev/null || kill -0 "$REPORTS_WRK" 2>/dev/null; do
      sleep 5
      kb=$(rss_kb "$SOAK_PID" VmRSS)
      samples+=("$kb")
      echo "$m $(date +%s) $kb" >> "$OUT/soak-rss.log"
    done
    stop "$TOOLS_WRK"
    stop "$REPORTS_WRK"
    kill -0 "$SOAK_PID" 2>/dev/null || die "the server stopped during the soak: see $OUT/server.log"
    rate=0
    for file in soak-tools soak-reports; do
      bad=$(awk '/Non-2xx/ { print $5 }' "$OUT/$file.out"); SOAK_BAD=$((SOAK_BAD + ${bad:-0}))
      rate=$(awk -v sum="$rate" '/Requests\/sec/ { sum += $2 } END { printf "%.0f", sum }' "$OUT/$file.out")
      cat "$OUT/$file.out" >> "$OUT/wrk.log"
    done
    RATES+=("$rate")
    MEANS+=("$(printf '%s\n' "${samples[@]}" | awk '{ s += $1 } END { printf "%.1f", s / NR / 1024 }')")
    MAXES+=("$(printf '%s\n' "${samples[@]}" | sort -n | tail -1 | awk '{ printf "%.1f", $1 / 1024 }')")
    log "minute $m: resident size $(echo "${MEANS[-1]}") MiB on average, at most ${MAXES[-1]} MiB"
  done
  THIRD=${MEANS[2]:-0}
  LAST=${MEANS[-1]}
  PEAK=$(( $(rss_kb "$SOAK_PID" VmHWM) / 1024 ))
  GROWTH=$(awk -v a="$LAST" -v b="$THIRD" 'BEGIN { printf "%+.1f", (b > 0) ? (a / b - 1) * 100 : 0 }')
  VERDICT=$(awk -v a="$LAST" -v b="$THIRD" -v n="$SOAK_MINUTES" \
    'BEGIN { print (n < 4) ? "not measured (fewer than 4 minutes)" : (a <= b * 1.05) ? "met" : "missed" }')
  {
    echo "Soak ($SOAK_MINUTES minutes of ${MINUTE}s), $(date -u +%Y-%m-%d), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "Server: $("$PROD_JAVA" -version 2>&1 | head -1), options \`${PROD_OPTS[*]} ${CACHE_USE[*]}\`"
    echo "Load: tool-calls at 28 connections and 57 KB end-of-call reports at 4, every request new (shared secret), together, without pause but a moment between minutes"
    echo
    echo "| minute | $(seq -s ' | ' 1 "$SOAK_MINUTES") |"
    echo "|---|$(printf -- '---|%.0s' $(seq 1 "$SOAK_MINUTES"))"
    echo "| mean RSS, MiB | $(IFS='|'; echo "${MEANS[*]}" | sed 's/|/ | /g') |"
    echo "| highest RSS, MiB | $(IFS='|'; echo "${MAXES[*]}" | sed 's/|/ | /g') |"
    echo "| requests/s (both loads) | $(IFS='|'; echo "${RATES[*]}" | sed 's/|/ | /g') |"
    echo
    echo "Target: the resident size of the last minute at most 5% above that of the third: ${LAST} MiB against ${THIRD} MiB ($GROWTH%): $VERDICT. Peak RSS (VmHWM) $PEAK MiB. Non-2xx answers: $SOAK_BAD; answered from the replay guard: $(( $(meter_count vapi.webhook.replays) - REPLAYS_BEFORE )) of $(( $(meter_count vapi.webhook.messages) - MESSAGES_BEFORE )) messages."
  } | tee "$OUT/soak.md"
  (( SOAK_BAD == 0 )) || die "the server answered some requests with a non-2xx status: see $OUT/wrk.log"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# The bare controller: bench/boot-floor, the same Spring Boot version, launched exactly as the
# Dockerfile launches the server, with its own cache trained the same way (its own training run
# sends it 200 requests of the benchmark's tool-calls body).
log "building and training the bare controller (bench/boot-floor)"
./mvnw -q -B -ntp -f bench/boot-floor/pom.xml -DskipTests package
rm -rf "$OUT/boot-floor"
"$JAVA" -Djarmode=tools -jar bench/boot-floor/target/boot-floor-1.jar extract --destination "$OUT/boot-floor" >/dev/null
BARE_JAR=$OUT/boot-floor/boot-floor-1.jar
train_cache bare -cp "$BARE_JAR" bench.floor.BootFloorTraining 200 "$OUT/payloads/probe.json" --server.port=0 \
  --logging.level.root=WARN
cache_options bare
BARE_CMD=("$PROD_JAVA" "${PROD_OPTS[@]}" "${CACHE_USE[@]}" -jar "$BARE_JAR" --server.port="$BARE_PORT" --logging.level.root=WARN)

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
joined() { local IFS=/; echo "$*"; }

log "start-up, the Dockerfile's launch: the bare controller and the server in turn ($STARTS starts each)"
BARE_STARTS=() SERVER_STARTS=()
for ((i = 1; i <= STARTS; i++)); do
  fresh_payloads 150
  start_and_time "$BARE_PORT" bare "${BARE_CMD[@]}"; BARE_STARTS+=("$STARTUP_MS"); stop "$SERVER_PID"
  start_and_time "$PORT" server "${SERVER_CMD[@]}"; SERVER_STARTS+=("$STARTUP_MS"); stop "$SERVER_PID"
done
log "start-up: plain java -jar (context)"
start_and_time "$PORT" plain "$JAVA" -jar "$JAR" "${APP_ARGS[@]}"; PLAIN_START=$STARTUP_MS; stop "$SERVER_PID"

log "starting both for the rounds"
fresh_payloads 150
start_and_time "$PORT" server "${SERVER_CMD[@]}"; APP_PID=$SERVER_PID
start_and_time "$BARE_PORT" bare "${BARE_CMD[@]}"; BARE_PID=$SERVER_PID
check_server_answer
BARE_ANSWER=$(curl -s --max-time 5 -H 'Content-Type: application/json' --data-binary @"$OUT/payloads/probe.json" \
  "http://127.0.0.1:$BARE_PORT/vapi/webhook")
[[ $BARE_ANSWER == '{}' ]] || die "the bare controller answered $BARE_ANSWER instead of {}"
declare -A PORT_OF=([server]=$PORT [bare]=$BARE_PORT) PID_OF=([server]=$APP_PID [bare]=$BARE_PID)

REPLAYS_BEFORE=$(meter_count vapi.webhook.replays)
MESSAGES_BEFORE=$(meter_count vapi.webhook.messages)
log "warming up both for ${WARMUP}s per payload"
for target in server bare; do
  fresh_payloads $((WARMUP * 2))
  warm tool-calls "${PORT_OF[$target]}"
  warm end-of-call-report "${PORT_OF[$target]}"
done

declare -A M
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= ROUNDS; r++)); do
  for payload in tool-calls end-of-call-report; do
    for target in server bare; do
      log "round $r/$ROUNDS: $payload at 32 connections, $target, ${DURATION}s"
      fresh_payloads "$DURATION"
      M[$payload-$target-$r]=$(run_wrk "$payload" 32 "${PORT_OF[$target]}" /vapi/webhook \
        "${PID_OF[$target]}" "$DURATION")
    done
  done
  for target in server bare; do
    log "round $r/$ROUNDS: latency probe, tool-calls at 4 connections, $target, ${DURATION}s"
    fresh_payloads $((DURATION + PROBE_WARMUP + 15))
    M[probe-$target-$r]=$(probe tool-calls "${PORT_OF[$target]}")
  done
done
APP_RSS_MIB=$(( $(rss_kb "$APP_PID" VmHWM) / 1024 ))
BARE_RSS_MIB=$(( $(rss_kb "$BARE_PID" VmHWM) / 1024 ))
REPLAYS=$(( $(meter_count vapi.webhook.replays) - REPLAYS_BEFORE ))
MESSAGES=$(( $(meter_count vapi.webhook.messages) - MESSAGES_BEFORE ))
stop "$APP_PID"
stop "$BARE_PID"

log "context: a minimal JDK HttpServer answering {}"
"$JAVA" -Dsun.net.httpserver.nodelay=true bench/FloorServer.java "$FLOOR_PORT" > "$OUT/floor.log" 2>&1 &
FLOOR_PID=$!
PIDS+=("$FLOOR_PID")
for _ in $(seq 1 500); do curl -s -o /dev/null "http://127.0.0.1:$FLOOR_PORT/" && break; sleep 0.02; done
fresh_payloads $((DURATION + 10))
wrk_fresh tool-calls / 32 5 "http://127.0.0.1:$FLOOR_PORT" >/dev/null
FLOOR=$(run_wrk tool-calls 32 "$FLOOR_PORT" / "$FLOOR_PID" "$DURATION")
stop "$FLOOR_PID"

# the values of field $1 of measure $2 over the rounds
rounds() { local r; for ((r = 1; r <= ROUNDS; r++)); do awk -v n="$1" '{ print $n }' <<< "${M[$2-$r]}"; done; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
verdict() { # value target comparison(ge|le)
  awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {
    if ((op == "ge" && v >= t) || (op == "le" && v <= t)) { print "met"; exit }
    d = (op == "ge") ? (t - v) / t * 100 : (v - t) / t * 100
    printf "missed by %.0f%%\n", d }'
}
# "median (round/round/...)" of field $1 of measure $2
figure() { echo "$(median $(rounds "$1" "$2")) ($(joined $(rounds "$1" "$2")))"; }

TS=$(median $(rounds 1 tool-calls-server)); TB=$(median $(rounds 1 tool-calls-bare))
ES=$(median $(rounds 1 end-of-call-report-server)); EB=$(median $(rounds 1 end-of-call-report-bare))
PS=$(median $(rounds 3 probe-server)); PB=$(median $(rounds 3 probe-bare))
SS=$(median "${SERVER_STARTS[@]}"); SB=$(median "${BARE_STARTS[@]}")
T_RATIO=$(ratio "$TS" "$TB"); E_RATIO=$(ratio "$ES" "$EB"); P_RATIO=$(ratio "$PS" "$PB"); S_RATIO=$(ratio "$SS" "$SB")
BAD=0
for key in "${!M[@]}"; do
  # wrk's non-2xx (field 4), the probe's non-200 (field 7)
  bad=$(awk -v probe=$([[ $key == probe-* ]] && echo 1 || echo 0) '{ print probe ? $7 : $4 }' <<< "${M[$key]}")
  BAD=$((BAD + bad))
done
read -r F_RPS _ _ F_BAD F_CPU <<< "$FLOOR"
{
  echo "Benchmark ($MODE mode, $ROUNDS alternating round(s) of ${DURATION}s per measure), $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load generator on the same cores"
  echo "Both servers: $("$PROD_JAVA" -version 2>&1 | head -1), options \`${PROD_OPTS[*]}\` and each its own trained cache (\`${CACHE_USE[*]}\` for the bare controller)"
  echo
  echo "Each figure: the median of the rounds, then each round in order. Bare controller: bench/boot-floor, a Spring MVC endpoint on the same path parsing the body into a Map and answering {}."
  echo
  echo "| what | server | bare controller | target | verdict |"
  echo "|---|---|---|---|---|"
  echo "| signed tool-calls, 32 connections, req/s | $(figure 1 tool-calls-server) | $(figure 1 tool-calls-bare) | ≥ 0.9x the bare controller | $(verdict "$T_RATIO" 0.9 ge), ratio $T_RATIO |"
  echo "| signed tool-calls, 4 connections, p99 by the latency probe, ms | $(figure 3 probe-server) | $(figure 3 probe-bare) | ≤ the bare controller's | $(verdict "$P_RATIO" 1 le), ratio $P_RATIO |"
  echo "| signed 57 KB end-of-call report, 32 connections, req/s | $(figure 1 end-of-call-report-server) | $(figure 1 end-of-call-report-bare) | ≥ 0.8x the bare controller | $(verdict "$E_RATIO" 0.8 ge), ratio $E_RATIO |"
  echo "| start to first answered request, the Dockerfile's launch, ms | $SS ($(joined "${SERVER_STARTS[@]}")) | $SB ($(joined "${BARE_STARTS[@]}")) | ≤ 1.3x the bare controller (the Boot start-up floor) | $(verdict "$S_RATIO" 1.3 le), ratio $S_RATIO |"
  echo "| peak RSS (VmHWM), MiB | $APP_RSS_MIB | $BARE_RSS_MIB | server ≤ 256 | $(verdict "$APP_RSS_MIB" 256 le) |"
  echo
  echo "Context, not targets:"
  echo
  echo "| what | server | bare controller |"
  echo "|---|---|---|"
  echo "| tool-calls, 32 connections: CPU time of the server per request, µs | $(figure 5 tool-calls-server) | $(figure 5 tool-calls-bare) |"
  echo "| end-of-call report, 32 connections: CPU time per request, µs | $(figure 5 end-of-call-report-server) | $(figure 5 end-of-call-report-bare) |"
  echo "| tool-calls, 4 connections (probe): p50, ms | $(figure 2 probe-server) | $(figure 2 probe-bare) |"
  echo "| tool-calls, 4 connections (probe): p99.9, ms | $(figure 4 probe-server) | $(figure 4 probe-bare) |"
  echo "| tool-calls, 4 connections (probe): req/s | $(figure 1 probe-server) | $(figure 1 probe-bare) |"
  echo "| probe's Little's law check (mean latency x rate; must be about 4) | $(figure 6 probe-server) | $(figure 6 probe-bare) |"
  echo "| start to first answered request, plain \`java -jar\` on $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2), ms | $PLAIN_START | — |"
  echo
  echo "A minimal JDK HttpServer answering {} (bench/FloorServer.java; context only, one run): $F_RPS req/s at 32 connections, $F_CPU µs CPU per request."
  echo
  echo "Non-2xx answers: $((BAD + F_BAD)). Messages the server answered from its replay guard instead of handling them (warm-up and rounds): $REPLAYS of $MESSAGES. Every request is new: a new toolCallId (the tool, current_time, runs and its result is stored) or a new call (the report is committed to the embedded H2 database before the answer and delivered to the call store); wrk's requests carry the shared secret, the probe's are signed with HMAC. Load average before the rounds and after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$OUT/results.md"
(( BAD + F_BAD == 0 )) || die "some requests were answered with a non-2xx status: see $OUT/wrk.log and the logs in $OUT"
