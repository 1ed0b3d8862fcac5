package io.github.vapiwebhook.examples;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.github.vapiwebhook.tools.ToolCallContext;
import io.github.vapiwebhook.tools.ToolParam;
import io.github.vapiwebhook.tools.ToolResult;
import io.github.vapiwebhook.tools.VapiTool;

/**
 * Two example tools over the {@link ExampleCalendar}: one binds a named parameter and
 * returns an object (sent as JSON), the other binds the whole arguments object to a
 * record, reads the caller's number from the context and answers with a spoken message.
 */
class AppointmentTools {

	private final ExampleCalendar calendar;

	AppointmentTools(ExampleCalendar calendar) {
		this.calendar = calendar;
	}

	@VapiTool(name = "find_appointment_slots",
			description = "Lists the free half-hour appointment slots of a day. Call it before booking.")
	AvailableSlots findSlots(@ToolParam(description = "The day to look at") LocalDate date) {
		return new AvailableSlots(date, this.calendar.freeSlots(date));
	}

	@VapiTool(name = "book_appointment",
			description = "Books a free appointment slot for the caller. Confirm day, time and name first.")
	ToolResult book(BookingRequest request, ToolCallContext context) {
		return this.calendar.book(request.date(), request.time(), request.name(), context.customerNumber())
			.map((booking) -> ToolResult.success("Booked, reference " + booking.reference())
				.spoken("You're booked for " + booking.date() + " at " + booking.time() + ". Your reference is "
						+ booking.reference() + "."))
			.orElseGet(() -> ToolResult.error("The slot " + request.date() + " " + request.time() + " is not free."));
	}

	/**
	 * The free slots of a day.
	 *
	 * @param date the day
	 * @param freeSlots the start times of the free slots
	 */
	record AvailableSlots(LocalDate date, List<LocalTime> freeSlots) {
	}

	/**
	 * The arguments of {@code book_appointment}.
	 *
	 * @param date the day
	 * @param time the start of the slot
	 * @param name who the appointment is for
	 * @param notes anything the caller wants the practice to know
	 */
	record BookingRequest(@ToolParam(description = "The day of the appointment") LocalDate date,
			@ToolParam(description = "The start of a free slot, as listed by find_appointment_slots") LocalTime time,
			@ToolParam(description = "The name of the person the appointment is for") String name,
			@ToolParam(description = "Anything the caller wants us to know") Optional<String> notes) {
	}

}
