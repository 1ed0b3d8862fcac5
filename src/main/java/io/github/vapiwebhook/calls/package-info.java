/**
 * The call store and its API: one row per call, upserted from the call's status updates
 * and end-of-call report in whatever order and as often as they arrive, its personal data
 * purged after the retention period, and read through {@code GET /api/calls} with an API
 * key of its own. The same API lists the failed deliveries and retries one
 * ({@code /api/deliveries}).
 */
@NullMarked
package io.github.vapiwebhook.calls;

import org.jspecify.annotations.NullMarked;
