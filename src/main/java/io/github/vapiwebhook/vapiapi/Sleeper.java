package io.github.vapiwebhook.vapiapi;

import java.time.Duration;

/**
 * Waits between retries; tests replace it to record the waits instead of taking them.
 */
@FunctionalInterface
interface Sleeper {

	Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

	void sleep(Duration duration) throws InterruptedException;

}
