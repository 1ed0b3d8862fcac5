package io.github.vapiwebhook.tools;

import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the value of one parameter of a tool method comes from.
 */
sealed interface ToolParameter {

	/**
	 * The value for this parameter.
	 * @param arguments the call's arguments object
	 * @param context the call context
	 * @param converter turns JSON into the parameter's type
	 * @return the value
	 * @throws ToolArgumentException when the arguments do not fit
	 */
	@Nullable Object valueFrom(ObjectNode arguments, ToolCallContext context, ArgumentConverter converter);

	/**
	 * One argument, bound by name.
	 *
	 * @param argument the declared parameter
	 */
	record Named(DeclaredArgument argument) implements ToolParameter {

		@Override
		public @Nullable Object valueFrom(ObjectNode arguments, ToolCallContext context, ArgumentConverter converter) {
			JsonNode value = arguments.get(this.argument.name());
			if (value == null || value.isNull() || value.isMissingNode()) {
				return absent(converter);
			}
			Object converted = converter.convert(value, this.argument.genericType(), this.argument.name());
			if (converted == null && this.argument.required()) {
				throw new ToolArgumentException("Argument '" + this.argument.name() + "' must be "
						+ converter.expected(this.argument.genericType()) + "; got " + value);
			}
			return converted;
		}

		private @Nullable Object absent(ArgumentConverter converter) {
			if (this.argument.required()) {
				throw new ToolArgumentException("Missing required argument '" + this.argument.name() + "' (expected "
						+ converter.expected(this.argument.genericType()) + ")");
			}
			Class<?> raw = this.argument.rawType();
			if (Optional.class.equals(raw)) {
				return Optional.empty();
			}
			// An optional primitive that was not sent takes its Java default (0, false).
			return raw.isPrimitive() ? Array.get(Array.newInstance(raw, 1), 0) : null;
		}

	}

	/**
	 * The whole arguments object, bound to a record.
	 *
	 * @param type the record type
	 */
	record Whole(Type type) implements ToolParameter {

		@Override
		public Object valueFrom(ObjectNode arguments, ToolCallContext context, ArgumentConverter converter) {
			Object value = converter.convert(arguments, this.type, "");
			if (value == null) {
				throw new ToolArgumentException("The arguments must be an object");
			}
			return value;
		}

	}

	/**
	 * The call context instead of an argument.
	 */
	record Context() implements ToolParameter {

		@Override
		public ToolCallContext valueFrom(ObjectNode arguments, ToolCallContext context, ArgumentConverter converter) {
			return context;
		}

	}

}
