#!/usr/bin/env bash
# In-process benchmark of the hot path (authentication, parsing, dispatch; no HTTP), with JMH.
#   BENCHMARKS=regex selects benchmarks (default: HotPathBenchmark|AuthenticationBenchmark)
#   bench/jmh.sh                 default: 1 fork, 3 warm-up and 5 measured iterations of 2 s
#   bench/jmh.sh -f 1 -wi 1 -i 1 -r 1s   any JMH options
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
ARGS=("$@")
[[ ${#ARGS[@]} -eq 0 ]] && ARGS=(-f 1 -wi 3 -i 5 -w 2s -r 2s)
exec "${JAVA:-java}" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main "${BENCHMARKS:-HotPathBenchmark|AuthenticationBenchmark}" "${ARGS[@]}"
