package io.github.vapiwebhook.tools;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Types of every supported kind, used by the binding and schema tests.
 */
final class SampleTypes {

	private SampleTypes() {
	}

	enum Size {

		SMALL, LARGE

	}

	record Address(@ToolParam(description = "Street and number") String street, @Nullable String city) {
	}

	record Order(@ToolParam(description = "How many") int quantity, BigDecimal price, boolean gift, Size size,
			LocalDate day, LocalTime at, OffsetDateTime when, Instant created, List<String> tags, Set<Integer> codes,
			Address address, Optional<String> note, List<Address> more) {
	}

	static class Tools {

		final List<Object> received = new java.util.ArrayList<>();

		@VapiTool(name = "everything", description = "Takes every type")
		String everything(@ToolParam(description = "A text") String text, int count, Integer boxed, long big,
				double ratio, Float small, BigDecimal money, boolean flag, Boolean boxedFlag, Size size, LocalDate day,
				LocalTime at, OffsetDateTime when, Instant created, List<String> tags, Set<Size> sizes,
				@ToolParam(description = "Where") Address address, Optional<Integer> maybe,
				@ToolParam(required = false) @Nullable String optionalText, ToolCallContext context) {
			this.received.addAll(java.util.Arrays.asList(text, count, boxed, big, ratio, small, money, flag, boxedFlag,
					size, day, at, when, created, tags, sizes, address, maybe, optionalText, context));
			return "ok";
		}

		@VapiTool(name = "place_order", description = "Places an order")
		Order order(Order order) {
			this.received.add(order);
			return order;
		}

		@VapiTool(name = "optional_primitive")
		String optionalPrimitive(@ToolParam(required = false) int count, @ToolParam(required = false) boolean flag) {
			this.received.add(count);
			this.received.add(flag);
			return "ok";
		}

		@VapiTool(name = "no_arguments")
		String none() {
			return "none";
		}

	}

}
