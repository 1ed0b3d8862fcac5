package io.github.vapiwebhook.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;

/**
 * Collects the fields dropped while one event message is read: an attribute of the
 * deserialization context for that reading, so that the {@link RecordBinding}s of the
 * records nested in the message find it. Where there is none (a request message), a field
 * of the wrong shape fails the reading.
 * <p>
 * Collecting needs the message buffered, to keep it as received. A reader that can read
 * the message again, as {@link ServerMessageReader} can from the request body, asks with
 * {@link #FAIL_FAST} for a first reading without that buffer, in which a field that would
 * be dropped fails the reading instead, as in a request message (a null entry in a list
 * fails the record's {@code List.copyOf}; a missing required field throws a
 * {@link DatabindException}): nearly every message is read once, at full speed, and the
 * rest twice.
 */
final class FieldDrops {

	/**
	 * The attribute (of an {@code ObjectReader}) that asks for a first reading that fails
	 * where a field would be dropped.
	 */
	static final Object FAIL_FAST = FieldDrops.class.getName() + ".failFast";

	private static final Class<FieldDrops> KEY = FieldDrops.class;

	/** The depth of the message object's context, or -1 when failing fast. */
	private final int messageDepth;

	private final List<String> paths = new ArrayList<>();

	/**
	 * Starts collecting for the message object the parser is on.
	 * @param parser the parser, on the start of the message object
	 */
	FieldDrops(JsonParser parser) {
		this.messageDepth = depth(parser.streamReadContext());
	}

	private FieldDrops() {
		this.messageDepth = -1;
	}

	/**
	 * Whether a reading was asked to fail where a field would be dropped.
	 * @param context the deserialization context
	 * @return {@code true} if the reader set {@link #FAIL_FAST}
	 */
	static boolean failFastRequested(DeserializationContext context) {
		return Boolean.TRUE.equals(context.getAttribute(FAIL_FAST));
	}

	/**
	 * A collector that fails at the first field to drop.
	 * @return the collector
	 */
	static FieldDrops failingFast() {
		return new FieldDrops();
	}

	/**
	 * Whether this collector records the paths.
	 * @return {@code false} when it fails fast
	 */
	boolean records() {
		return this.messageDepth >= 0;
	}

	/**
	 * The collector that records the drops of the message being read, looked up once per
	 * object read.
	 * @param context the deserialization context
	 * @return the collector, or {@code null} when a field that cannot be read fails the
	 * reading (a request message, or a first reading that fails fast)
	 */
	static @Nullable FieldDrops recording(DeserializationContext context) {
		return (context.getAttribute(KEY) instanceof FieldDrops drops && drops.records()) ? drops : null;
	}

	/**
	 * Makes this the collector of a reading.
	 * @param context the deserialization context
	 * @return the collector it replaces, to be put back with {@link #restore}
	 */
	@Nullable Object install(DeserializationContext context) {
		Object previous = context.getAttribute(KEY);
		context.setAttribute(KEY, this);
		return previous;
	}

	static void restore(DeserializationContext context, @Nullable Object previous) {
		context.setAttribute(KEY, previous);
	}

	/**
	 * The object that holds the value the parser is on.
	 * @param parser the parser, on a property's value
	 * @return the context of that object
	 */
	static TokenStreamContext owner(JsonParser parser) {
		TokenStreamContext current = parser.streamReadContext();
		boolean structured = parser.isExpectedStartObjectToken() || parser.isExpectedStartArrayToken();
		return (structured && current.getParent() != null) ? current.getParent() : current;
	}

	/**
	 * Records a property whose value could not be read, and moves the parser past the
	 * rest of that value.
	 * @param parser the parser, anywhere inside the value
	 * @param owner the object holding the property, from {@link #owner}
	 */
	void drop(JsonParser parser, TokenStreamContext owner) {
		int ownerDepth = depth(owner);
		this.paths.add(path(owner, ownerDepth));
		JsonToken token = parser.currentToken();
		while (token != null && depth(parser.streamReadContext()) > ownerDepth) {
			token = parser.nextToken();
		}
	}

	/**
	 * Drops the {@code null} entries of a list, recording each.
	 * @param list the value of a property
	 * @param owner the object holding the property, from {@link #owner}
	 * @return the list without them (the same list when it has none)
	 */
	List<?> withoutNulls(List<?> list, TokenStreamContext owner) {
		if (list.stream().noneMatch(Objects::isNull)) {
			return list;
		}
		String path = path(owner, depth(owner));
		List<Object> kept = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i) != null) {
				kept.add(list.get(i));
			}
			else {
				this.paths.add(path + "[" + i + "]");
			}
		}
		return kept;
	}

	/**
	 * Records a required property of the message that is absent.
	 * @param name its JSON name
	 */
	void missing(String name) {
		if (!records()) {
			throw DatabindException.from((JsonParser) null, "A required field of an event message is missing");
		}
		this.paths.add("message." + name);
	}

	List<String> paths() {
		return this.paths;
	}

	private String path(TokenStreamContext owner, int ownerDepth) {
		StringBuilder path = new StringBuilder();
		TokenStreamContext context = owner;
		for (int depth = ownerDepth; depth >= this.messageDepth && context != null; depth--) {
			path.insert(0, context.inArray() ? "[" + context.getCurrentIndex() + "]" : "." + context.currentName());
			context = context.getParent();
		}
		return path.insert(0, "message").toString();
	}

	private static int depth(@Nullable TokenStreamContext context) {
		int depth = 0;
		for (TokenStreamContext c = context; c != null; c = c.getParent()) {
			depth++;
		}
		return depth;
	}

}
