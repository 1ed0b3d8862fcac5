/**
 * The actuator's operations endpoints (metrics, Prometheus, info, the tool definitions)
 * kept from the public: on the application's port each needs a bearer token of its own,
 * and without one configured each is refused; health stays open. On a separate management
 * port (bound to the loopback address by default) a token is needed only when one is
 * configured.
 */
@NullMarked
package io.github.vapiwebhook.management;

import org.jspecify.annotations.NullMarked;
