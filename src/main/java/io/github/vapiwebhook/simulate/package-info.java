/**
 * The simulate and replay commands: they play a realistic call, or a folder of recorded
 * messages, against any server that speaks Vapi's webhook protocol over HTTP, sign every
 * request, check every reply against the shape Vapi expects and print a table of
 * verdicts.
 */
@NullMarked
package io.github.vapiwebhook.simulate;

import org.jspecify.annotations.NullMarked;
