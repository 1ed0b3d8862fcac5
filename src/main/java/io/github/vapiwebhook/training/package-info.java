/**
 * The training run that records the JDK's ahead-of-time cache with the request path in
 * it: a main class of its own, not part of the application, that starts the server, sends
 * it signed webhook requests over HTTP and exits.
 */
@NullMarked
package io.github.vapiwebhook.training;

import org.jspecify.annotations.NullMarked;
