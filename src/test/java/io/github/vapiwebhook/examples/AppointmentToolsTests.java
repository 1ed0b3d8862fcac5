package io.github.vapiwebhook.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import io.github.vapiwebhook.message.Customer;
import io.github.vapiwebhook.message.MessageContext;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.reply.ToolMessage;
import io.github.vapiwebhook.tools.ToolArgumentException;
import io.github.vapiwebhook.tools.ToolCallContext;
import io.github.vapiwebhook.tools.ToolResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AppointmentToolsTests {

	private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T12:10:00Z"), ZoneOffset.UTC);

	private final ExampleCalendar calendar = new ExampleCalendar(this.clock);

	private final AppointmentTools tools = new AppointmentTools(this.calendar);

	private final ToolCallContext context = new ToolCallContext("call-1", "tc-1", "+15550100", null,
			new ToolCallsMessage(
					new MessageContext("tool-calls", null, null,
							new Customer("+15550100", null, null, null, null, null), null, null, null, null, null),
					List.of(), List.of(), List.of()));

	@Test
	void listsOnlyFutureSlotsOfAWeekday() {
		assertThat(this.tools.findSlots(MONDAY).freeSlots()).first().isEqualTo(LocalTime.of(12, 30));
		assertThat(this.tools.findSlots(MONDAY).freeSlots()).last().isEqualTo(LocalTime.of(16, 30));
		assertThat(this.tools.findSlots(MONDAY.plusDays(5)).freeSlots()).isEmpty();
	}

	@Test
	void booksAFreeSlotOnceAndSpeaksTheReference() {
		ToolResult booked = this.tools.book(booking(LocalTime.of(14, 0)), this.context);
		assertThat(booked.result()).isEqualTo("Booked, reference APT-1001");
		assertThat(booked.message())
			.isEqualTo(ToolMessage.complete("You're booked for 2026-03-02 at 14:00. Your reference is APT-1001."));
		assertThat(this.tools.findSlots(MONDAY).freeSlots()).doesNotContain(LocalTime.of(14, 0));
		ToolResult again = this.tools.book(booking(LocalTime.of(14, 0)), this.context);
		assertThat(again.error()).isEqualTo("The slot 2026-03-02 14:00 is not free.");
	}

	@Test
	void refusesSlotsInThePast() {
		assertThat(this.tools.book(booking(LocalTime.of(9, 0)), this.context).error()).isNotNull();
	}

	@Test
	void tellsTheTimeInAZone() {
		assertThat(new TimeTools(this.clock).currentTime("Europe/Paris"))
			.isEqualTo("Monday 2 March 2026, 13:10 (+01:00)");
	}

	@Test
	void unknownTimeZoneIsAnArgumentError() {
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> new TimeTools(this.clock).currentTime("Mars/Olympus"))
			.withMessageContaining("'timeZone' must be an IANA time zone");
	}

	private static AppointmentTools.BookingRequest booking(LocalTime time) {
		return new AppointmentTools.BookingRequest(MONDAY, time, "Ada", java.util.Optional.empty());
	}

}
