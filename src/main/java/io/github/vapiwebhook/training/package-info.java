/**
 * The training run that records the JDK's ahead-of-time cache with the request path in
 * it: the server sends itself signed webhook requests through its own HTTP stack, then
 * exits.
 */
@NullMarked
package io.github.vapiwebhook.training;

import org.jspecify.annotations.NullMarked;
