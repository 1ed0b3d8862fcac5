package io.github.vapiwebhook.calls;

import java.time.Instant;

/**
 * One entry of a call's status timeline.
 *
 * @param status the status ({@code queued}, {@code ringing}, {@code in-progress},
 * {@code forwarding}, {@code ended}, ...)
 * @param at when it was first reported (the message's timestamp, else when it arrived)
 */
record StatusChange(String status, Instant at) {
}
