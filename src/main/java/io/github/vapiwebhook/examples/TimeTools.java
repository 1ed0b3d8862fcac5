package io.github.vapiwebhook.examples;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.github.vapiwebhook.tools.ToolArgumentException;
import io.github.vapiwebhook.tools.ToolParam;
import io.github.vapiwebhook.tools.VapiTool;

/**
 * An example tool that returns plain text and rejects a bad argument with a message the
 * model can act on.
 */
class TimeTools {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (xxx)",
			Locale.ENGLISH);

	private final Clock clock;

	TimeTools(Clock clock) {
		this.clock = clock;
	}

	@VapiTool(name = "current_time", description = "Tells the current date and time in a time zone.", timeout = "2s")
	String currentTime(@ToolParam(description = "An IANA time zone such as Europe/Paris") String timeZone) {
		try {
			return ZonedDateTime.now(this.clock.withZone(ZoneId.of(timeZone))).format(FORMAT);
		}
		catch (DateTimeException ex) {
			throw new ToolArgumentException(
					"Argument 'timeZone' must be an IANA time zone such as Europe/Paris; got " + timeZone, ex);
		}
	}

}
