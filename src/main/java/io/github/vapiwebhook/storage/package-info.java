/**
 * The server's database: the schema of what it keeps (durable deliveries, the keys of
 * received messages, the call store, the runs of tool calls and the HMAC message ids that
 * several instances share), created and upgraded by versioned Flyway migrations for H2
 * (the embedded default) and PostgreSQL (production), with a history table of its own so
 * that it never mixes with an application's own migrations; and the periodic deletion of
 * expired rows.
 */
@NullMarked
package io.github.vapiwebhook.storage;

import org.jspecify.annotations.NullMarked;
