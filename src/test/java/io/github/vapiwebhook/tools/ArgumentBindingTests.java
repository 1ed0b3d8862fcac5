package io.github.vapiwebhook.tools;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.vapiwebhook.message.MessageContext;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.tools.SampleTypes.Address;
import io.github.vapiwebhook.tools.SampleTypes.Order;
import io.github.vapiwebhook.tools.SampleTypes.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArgumentBindingTests {

	private static final String EVERYTHING = """
			{"text": "hello", "count": 3, "boxed": 4, "big": 5000000000, "ratio": 0.5, "small": 1.5,
			 "money": 12.34, "flag": true, "boxedFlag": false, "size": "large", "day": "2026-03-02",
			 "at": "14:30", "when": "2026-03-02T14:30:00+01:00", "created": "2026-03-02T13:30:00Z",
			 "tags": ["a", "b"], "sizes": ["SMALL", "LARGE", "SMALL"],
			 "address": {"street": "1 Main St", "city": "Springfield"}, "maybe": 7}
			""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ArgumentConverter converter = new ArgumentConverter(this.mapper);

	private final SampleTypes.Tools bean = new SampleTypes.Tools();

	private final Map<String, ToolMethod> tools = new ToolMethodFactory(new ToolSchemaGenerator(this.mapper),
			java.time.Duration.ofSeconds(18))
		.toolsOf("sampleTools", this.bean, SampleTypes.Tools.class)
		.stream()
		.collect(Collectors.toMap(ToolMethod::name, Function.identity()));

	private final ToolCallContext context = ToolCallContext
		.of(new ToolCallsMessage(MessageContext.ofType("tool-calls"), List.of(), List.of(), List.of()), "call_1");

	@Test
	void bindsEveryTypeByName() throws Exception {
		invoke("everything", EVERYTHING);
		assertThat(this.bean.received).containsExactly("hello", 3, 4, 5000000000L, 0.5, 1.5f, new BigDecimal("12.34"),
				true, false, Size.LARGE, LocalDate.of(2026, 3, 2), LocalTime.of(14, 30),
				OffsetDateTime.parse("2026-03-02T14:30:00+01:00"), Instant.parse("2026-03-02T13:30:00Z"),
				List.of("a", "b"), Set.of(Size.SMALL, Size.LARGE), new Address("1 Main St", "Springfield"),
				Optional.of(7), null, this.context);
	}

	@Test
	void bindsWholeArgumentsObjectToRecord() throws Exception {
		invoke("place_order", """
				{"quantity": 2, "price": 9.99, "gift": false, "size": "SMALL", "day": "2026-03-02", "at": "09:00:00",
				 "when": "2026-03-02T09:00:00Z", "created": "2026-03-01T00:00:00Z", "tags": [], "codes": [1, 2, 2],
				 "address": {"street": "2 High St"}, "more": [{"street": "3 Low St", "city": "Shelbyville"}],
				 "unexpected": "ignored"}
				""");
		Order order = (Order) this.bean.received.get(0);
		assertThat(order.quantity()).isEqualTo(2);
		assertThat(order.price()).isEqualByComparingTo("9.99");
		assertThat(order.at()).isEqualTo(LocalTime.of(9, 0));
		assertThat(order.when()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:00:00Z"));
		assertThat(order.codes()).containsExactlyInAnyOrder(1, 2);
		assertThat(order.address()).isEqualTo(new Address("2 High St", null));
		assertThat(order.note()).isEmpty();
		assertThat(order.more()).containsExactly(new Address("3 Low St", "Shelbyville"));
	}

	@Test
	void optionalArgumentsThatAreMissingBindToEmptyOrDefault() throws Exception {
		invoke("everything", EVERYTHING.replace(", \"maybe\": 7", ""));
		assertThat(this.bean.received.get(17)).isEqualTo(Optional.empty());
		assertThat(this.bean.received.get(18)).isNull();
		this.bean.received.clear();
		invoke("optional_primitive", "{}");
		assertThat(this.bean.received).containsExactly(0, false);
	}

	@Test
	void missingRequiredArgumentIsNamed() {
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> invoke("everything", EVERYTHING.replace("\"text\": \"hello\",", "")))
			.withMessage("Missing required argument 'text' (expected a string)");
	}

	@Test
	void missingRequiredComponentOfNestedRecordIsNamedWithItsPath() {
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> invoke("everything", EVERYTHING.replace("\"street\": \"1 Main St\", ", "")))
			.withMessage("Missing required argument 'address.street' (expected a string)");
	}

	@Test
	void nullForRequiredArgumentIsRefused() {
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> invoke("everything", EVERYTHING.replace("\"count\": 3", "\"count\": null")))
			.withMessage("Missing required argument 'count' (expected an integer)");
	}

	@Test
	void emptyStringIsAValidString() throws Exception {
		invoke("everything", EVERYTHING.replace("\"text\": \"hello\"", "\"text\": \"\""));
		assertThat(this.bean.received.get(0)).isEqualTo("");
	}

	@Test
	void emptyStringForRequiredNumberIsRefused() {
		assertRefused("\"boxed\": 4", "\"boxed\": \"\"", "Argument 'boxed' must be an integer; got \"\"");
	}

	@Test
	void emptyStringForRequiredDateIsRefused() {
		assertRefused("\"day\": \"2026-03-02\"", "\"day\": \"\"",
				"Argument 'day' must be a date like 2025-01-31; got \"\"");
	}

	@Test
	void textForIntegerIsRefused() {
		assertRefused("\"count\": 3", "\"count\": \"three\"", "Argument 'count' must be an integer; got \"three\"");
	}

	@Test
	void fractionForIntegerIsRefused() {
		assertRefused("\"boxed\": 4", "\"boxed\": 4.5", "Argument 'boxed' must be an integer; got 4.5");
	}

	@Test
	void textForNumberIsRefused() {
		assertRefused("\"money\": 12.34", "\"money\": \"lots\"", "Argument 'money' must be a number; got \"lots\"");
	}

	@Test
	void textForBooleanIsRefused() {
		assertRefused("\"flag\": true", "\"flag\": \"maybe\"", "Argument 'flag' must be true or false; got \"maybe\"");
	}

	@Test
	void unknownEnumConstantIsRefusedListingTheValidOnes() {
		assertRefused("\"size\": \"large\"", "\"size\": \"huge\"",
				"Argument 'size' must be one of [SMALL, LARGE]; got \"huge\"");
	}

	@Test
	void badDateIsRefused() {
		assertRefused("\"day\": \"2026-03-02\"", "\"day\": \"tomorrow\"",
				"Argument 'day' must be a date like 2025-01-31; got \"tomorrow\"");
	}

	@Test
	void badTimeIsRefused() {
		assertRefused("\"at\": \"14:30\"", "\"at\": \"half past two\"",
				"Argument 'at' must be a time like 14:30; got \"half past two\"");
	}

	@Test
	void dateTimeWithoutOffsetIsRefused() {
		assertRefused("\"when\": \"2026-03-02T14:30:00+01:00\"", "\"when\": \"next week\"",
				"Argument 'when' must be a date-time with offset like 2025-01-31T14:30:00+01:00; got \"next week\"");
	}

	@Test
	void badInstantIsRefused() {
		assertRefused("\"created\": \"2026-03-02T13:30:00Z\"", "\"created\": \"yesterday\"",
				"Argument 'created' must be a date-time like 2025-01-31T14:30:00Z; got \"yesterday\"");
	}

	@Test
	void badListElementIsRefusedWithItsIndex() {
		assertRefused("\"sizes\": [\"SMALL\", \"LARGE\", \"SMALL\"]", "\"sizes\": [\"SMALL\", \"TINY\"]",
				"Argument 'sizes[1]' must be one of [SMALL, LARGE]; got \"TINY\"");
	}

	@Test
	void objectForListIsRefused() {
		assertRefused("\"tags\": [\"a\", \"b\"]", "\"tags\": {\"a\": 1}",
				"Argument 'tags' must be a list of string; got {\"a\":1}");
	}

	@Test
	void badValueInsideRecordIsRefusedWithItsPath() {
		assertThatExceptionOfType(ToolArgumentException.class).isThrownBy(() -> invoke("place_order", """
				{"quantity": 2, "price": 9.99, "gift": false, "size": "SMALL", "day": "2026-03-02", "at": "09:00",
				 "when": "2026-03-02T09:00:00Z", "created": "2026-03-01T00:00:00Z", "tags": [], "codes": [1, "x"],
				 "address": {"street": "2 High St"}, "more": []}
				""")).withMessage("Argument 'codes[1]' must be an integer; got \"x\"");
	}

	@Test
	void missingComponentOfRecordInListIsNamedWithItsPath() {
		assertThatExceptionOfType(ToolArgumentException.class).isThrownBy(() -> invoke("place_order", """
				{"quantity": 2, "price": 9.99, "gift": false, "size": "SMALL", "day": "2026-03-02", "at": "09:00",
				 "when": "2026-03-02T09:00:00Z", "created": "2026-03-01T00:00:00Z", "tags": [], "codes": [],
				 "address": {"street": "2 High St"}, "more": [{"street": "x"}, {"city": "y"}]}
				""")).withMessage("Missing required argument 'more[1].street' (expected a string)");
	}

	private void assertRefused(String original, String replacement, String message) {
		assertThat(EVERYTHING).contains(original);
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> invoke("everything", EVERYTHING.replace(original, replacement)))
			.withMessageStartingWith(message);
	}

	private void invoke(String tool, String json) throws Exception {
		this.tools.get(tool).invoke((ObjectNode) this.mapper.readTree(json), this.context, this.converter);
	}

}
