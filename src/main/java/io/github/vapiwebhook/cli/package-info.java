/**
 * The command line of the same jar: {@code connect} points a Vapi assistant or phone
 * number at the webhook with a credential derived from {@code vapi.security}, and
 * {@code tools export} and {@code tools sync} publish the application's tools to Vapi.
 * The commands read the application's configuration and tools from its Spring context,
 * started without a web server.
 */
@NullMarked
package io.github.vapiwebhook.cli;

import org.jspecify.annotations.NullMarked;
