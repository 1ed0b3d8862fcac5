/**
 * Recording for replay: when switched on, every authenticated message the server accepts
 * is written to a folder, one JSON file per message, with personal data and conversation
 * text redacted unless told otherwise; the replay command sends that folder again.
 */
@NullMarked
package io.github.vapiwebhook.recording;

import org.jspecify.annotations.NullMarked;
