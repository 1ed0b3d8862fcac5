/**
 * The typed model of Vapi server messages: the sealed
 * {@link io.github.vapiwebhook.message.ServerMessage} hierarchy, one record per message
 * type, and the objects they carry. Any Jackson mapper reads and writes them in Vapi's
 * shape, through the deserializer and serializer that {@code ServerMessage} names; its
 * table of types is the only place where a type string becomes a Java type.
 * {@link io.github.vapiwebhook.message.ServerMessageReader} reads a message from the raw
 * bytes of a request.
 * <p>
 * Message records are read and written component by component, by name: Jackson
 * annotations on their components have no effect, except {@code @FlexibleInstant}. The
 * objects they carry are ordinary Jackson records.
 */
@NullMarked
package io.github.vapiwebhook.message;

import org.jspecify.annotations.NullMarked;
