# syntax=docker/dockerfile:1
# Build: docker build -t vapi-webhook-server .
# Run:   docker run --rm -p 8080:8080 vapi-webhook-server
#        (mount your config: -v "$PWD/application.yml:/app/config/application.yml:ro")

# --- build: package (tests run in CI, not here) with the Maven wrapper ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Resolve dependencies before copying the sources; BuildKit keeps ~/.m2 in a cache
# between builds, so code changes do not re-download them.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q package -DskipTests \
    && cp target/vapi-webhook-server-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

# --- run: a slim JRE, the layered jar, a non-root user ---
FROM eclipse-temurin:17-jre
RUN groupadd --system vapi && useradd --system --gid vapi --home-dir /app --shell /usr/sbin/nologin vapi
WORKDIR /app
# Layers from least to most often changed, so rebuilds reuse the dependency layers.
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
USER vapi:vapi
EXPOSE 8080
# Size the heap from the container's memory limit; exit on OOM so the orchestrator restarts us.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
