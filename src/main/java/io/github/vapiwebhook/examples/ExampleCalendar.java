package io.github.vapiwebhook.examples;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * An in-memory calendar of half-hour appointments, Monday to Friday from 9:00 to 17:00 in
 * the clock's zone. Stands in for a real booking system.
 */
class ExampleCalendar {

	private static final LocalTime OPENS = LocalTime.of(9, 0);

	private static final LocalTime CLOSES = LocalTime.of(17, 0);

	private static final int SLOT_MINUTES = 30;

	private final Map<LocalDateTime, Booking> bookings = new ConcurrentHashMap<>();

	private final Clock clock;

	ExampleCalendar(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The free slots of a day: none on weekends and in the past.
	 * @param date the day
	 * @return the start times of the free slots
	 */
	List<LocalTime> freeSlots(LocalDate date) {
		List<LocalTime> free = new ArrayList<>();
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return free;
		}
		LocalDateTime now = LocalDateTime.now(this.clock);
		for (LocalTime time = OPENS; time.isBefore(CLOSES); time = time.plusMinutes(SLOT_MINUTES)) {
			LocalDateTime start = date.atTime(time);
			if (start.isAfter(now) && !this.bookings.containsKey(start)) {
				free.add(time);
			}
		}
		return free;
	}

	/**
	 * Books a slot if it is free.
	 * @param date the day
	 * @param time the start of the slot
	 * @param name who the appointment is for
	 * @param phone the caller's number, if known
	 * @return the booking, or empty when the slot is not free
	 */
	Optional<Booking> book(LocalDate date, LocalTime time, String name, @Nullable String phone) {
		if (!freeSlots(date).contains(time)) {
			return Optional.empty();
		}
		Booking booking = new Booking("APT-" + (this.bookings.size() + 1001), date, time, name, phone);
		Booking existing = this.bookings.putIfAbsent(date.atTime(time), booking);
		return (existing == null) ? Optional.of(booking) : Optional.empty();
	}

	/**
	 * A booked appointment.
	 *
	 * @param reference the booking reference
	 * @param date the day
	 * @param time the start time
	 * @param name who it is for
	 * @param phone the caller's number, if known
	 */
	record Booking(String reference, LocalDate date, LocalTime time, String name, @Nullable String phone) {
	}

}
