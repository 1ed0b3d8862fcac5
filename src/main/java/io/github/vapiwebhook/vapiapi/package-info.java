/**
 * A client for the few calls of Vapi's REST API that the server needs: point an assistant
 * or a phone number at the webhook, keep the custom credential that authenticates Vapi's
 * requests in step with {@code vapi.security}, and list, create and update function
 * tools. Authenticated with the private API key, retried on 429, 5xx and timeouts.
 */
@NullMarked
package io.github.vapiwebhook.vapiapi;

import org.jspecify.annotations.NullMarked;
