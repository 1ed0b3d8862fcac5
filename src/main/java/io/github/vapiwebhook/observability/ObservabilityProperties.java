package io.github.vapiwebhook.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the server's metrics.
 *
 * @param httpServerRequests whether Spring's http.server.requests observation (a timer,
 * an active-requests gauge and a trace span per request) also covers the webhook path.
 * Off by default: the vapi.webhook.* meters measure every webhook request already, and
 * the observation adds its own work to every request on the critical path. Other paths
 * (the actuator) keep it either way.
 */
@ConfigurationProperties("vapi.observability")
public record ObservabilityProperties(@DefaultValue("false") boolean httpServerRequests) {

}
