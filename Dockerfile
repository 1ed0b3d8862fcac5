# syntax=docker/dockerfile:1
# Build: docker build -t vapi-webhook-server .
# Run:   docker run --rm -p 8080:8080 --env-file vapi.env vapi-webhook-server [--vapi.x=y ...]
#        (mount your config: -v "$PWD/application.yml:/app/config/application.yml:ro")

# --- build: package (tests run in CI, not here) with the Maven wrapper, Java 17 bytecode ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Resolve dependencies before copying the sources; BuildKit keeps ~/.m2 in a cache
# between builds, so code changes do not re-download them.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q package -DskipTests \
    && cp target/vapi-webhook-server-*-exec.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# --- run: a slim Java 25 JRE (virtual threads, ahead-of-time class cache), non-root ---
FROM eclipse-temurin:25-jre
RUN groupadd --system vapi && useradd --system --gid vapi --home-dir /app --shell /usr/sbin/nologin vapi
WORKDIR /app
# Layers from least to most often changed, so rebuilds reuse the dependency layers.
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
# JVM settings for a container with at least 384 MiB: a fixed, small heap (the server keeps
# little state), the serial collector (lowest footprint on 1-2 cores), exit on OOM so the
# orchestrator restarts the container. SweeperThreshold=50: the JVM runs a full collection to
# unload compiled code after 15% of the code cache (9.6 MB here) is newly compiled; with the
# serial collector each is a ~90 ms pause, and the JIT's warm-up triggered two in the first
# minute of load; at 50% (32 MB) none did. bench/run.sh starts the server with this same line.
ENV JAVA_OPTS="-Xms128m -Xmx128m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:SweeperThreshold=50 -XX:+ExitOnOutOfMemoryError"
# Training run for the JDK's ahead-of-time class cache (JEP 483/514/515): the main class
# AotTrainingRun (not part of the application; application.jar's manifest puts lib/ on the
# class path) starts the server in this JVM, sends it 200 webhook requests over HTTP (signed
# with a throwaway secret; they run no user code), stops it and exits, failing the build if
# an answer is not the expected one. The JDK records the classes loaded and linked, and
# method profiles, on the way; later starts map them in, so the first real call does not pay
# for them either. The run's H2 file (./data) is dropped: /app/data starts empty, owned by vapi
# (the embedded database's directory; mount a volume there to keep it across containers).
# JAVA_OPTS is split into options on purpose (SC2086); a failed head | base64 leaves no secret, and
# the training run then fails the build on its own (DL4006).
# hadolint ignore=SC2086,DL4006
RUN java $JAVA_OPTS -XX:AOTCacheOutput=app.aot -cp application.jar io.github.vapiwebhook.training.AotTrainingRun 200 \
        --server.port=0 --vapi.security.hmac.secrets="$(head -c 32 /dev/urandom | base64)" \
        --logging.level.io.github.vapiwebhook.tools=ERROR --logging.level.io.github.vapiwebhook.security=ERROR \
        --logging.level.vapi.webhook.requests=WARN \
    && chmod a+r app.aot \
    && rm -rf data && install -d -o vapi -g vapi data
USER vapi:vapi
EXPOSE 8080
# sh expands JAVA_OPTS (word-split on purpose: it holds several options); the arguments after the
# image name (docker run IMAGE --vapi.x=y) reach the application as "$@" ("--" fills $0).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:AOTCache=app.aot -jar application.jar \"$@\"", "--"]
