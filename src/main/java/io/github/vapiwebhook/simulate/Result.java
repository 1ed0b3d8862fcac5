package io.github.vapiwebhook.simulate;

/**
 * One row of the report: an exchange and its verdict.
 *
 * @param exchange the message sent and its answer
 * @param verdict whether the answer is what Vapi expects
 */
record Result(Exchange exchange, Verdict verdict) {

}
