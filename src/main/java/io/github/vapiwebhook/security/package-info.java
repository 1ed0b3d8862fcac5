/**
 * Authentication of webhook requests before any handler sees them: Vapi's shared secret,
 * bearer token and HMAC schemes, verified over the exact raw body bytes in constant time,
 * with a replay window, OAuth2 bearer JWTs (from an identity provider or from the token
 * endpoint served here), an optional source-IP allowlist and a generated secret when none
 * is configured. {@link io.github.vapiwebhook.security.WebhookSigner} signs requests for
 * tests.
 */
@NullMarked
package io.github.vapiwebhook.security;

import org.jspecify.annotations.NullMarked;
