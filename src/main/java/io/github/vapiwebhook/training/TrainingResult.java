package io.github.vapiwebhook.training;

import java.net.URI;
import java.util.Map;

/**
 * How the server answered a training run.
 *
 * @param uri where the requests went
 * @param statuses how many answers had each HTTP status ({@code -1}: no answer)
 * @param unexpected how many answers had another status than the request called for
 */
record TrainingResult(URI uri, Map<Integer, Integer> statuses, int unexpected) {

	TrainingResult {
		statuses = Map.copyOf(statuses);
	}

	boolean asExpected() {
		return this.unexpected == 0;
	}

}
