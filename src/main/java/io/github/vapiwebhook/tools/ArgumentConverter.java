package io.github.vapiwebhook.tools;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON of an argument into the Java type a tool declares, or explains in one
 * sentence (naming the argument and what was expected) why it cannot. Stricter than the
 * application's mapper where a lenient reading would hide a model's mistake: a fraction
 * is not an integer and {@code null} is not a primitive; lenient where models vary
 * harmlessly: enum constants in any case, unknown properties ignored.
 */
class ArgumentConverter {

	private final JsonMapper mapper;

	private final ExpectedValues descriptions = new ExpectedValues();

	ArgumentConverter(JsonMapper mapper) {
		this.mapper = mapper.rebuild()
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			// "" is not a number, a date or an enum constant (Jackson reads it as null)
			.withCoercionConfigDefaults(
					(config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.build();
	}

	/**
	 * Converts an argument.
	 * @param value the JSON value
	 * @param type the declared type
	 * @param path the argument's name (empty for the whole arguments object)
	 * @return the value
	 * @throws ToolArgumentException when the value does not fit the type
	 */
	@Nullable Object convert(JsonNode value, Type type, String path) {
		JavaType javaType = this.mapper.constructType(type);
		checkRequired(value, javaType, path);
		try {
			return this.mapper.readerFor(javaType).readValue(value);
		}
		catch (JacksonException ex) {
			throw new ToolArgumentException(explain(ex, value, javaType, path), ex);
		}
	}

	/**
	 * What a value of a type looks like, in words the model understands.
	 * @param type the type
	 * @return the description
	 */
	String expected(Type type) {
		return expected(this.mapper.constructType(type));
	}

	private String expected(JavaType type) {
		return this.descriptions.of(type);
	}

	private void checkRequired(JsonNode value, JavaType type, String path) {
		if (type.isReferenceType()) {
			checkRequired(value, type.getContentType(), path);
		}
		else if ((type.isCollectionLikeType() || type.isArrayType()) && value.isArray()) {
			for (int i = 0; i < value.size(); i++) {
				checkRequired(value.get(i), type.getContentType(), path + "[" + i + "]");
			}
		}
		else if (type.getRawClass().isRecord() && value.isObject()) {
			for (RecordComponent component : type.getRawClass().getRecordComponents()) {
				checkComponent(value, DeclaredArgument.of(component), path);
			}
		}
	}

	private void checkComponent(JsonNode value, DeclaredArgument component, String path) {
		String childPath = path.isEmpty() ? component.name() : path + "." + component.name();
		JsonNode child = value.get(component.name());
		if (child == null || child.isNull()) {
			if (component.required()) {
				throw new ToolArgumentException("Missing required argument '" + childPath + "' (expected "
						+ expected(component.genericType()) + ")");
			}
			return;
		}
		checkRequired(child, this.mapper.constructType(component.genericType()), childPath);
	}

	private String explain(JacksonException ex, JsonNode value, JavaType type, String path) {
		StringBuilder where = new StringBuilder(path);
		JsonNode offending = value;
		JavaType declared = type;
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				where.append(where.isEmpty() ? "" : ".").append(reference.getPropertyName());
				offending = (offending != null) ? offending.get(reference.getPropertyName()) : null;
				declared = componentType(declared, reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				where.append('[').append(reference.getIndex()).append(']');
				offending = (offending != null) ? offending.get(reference.getIndex()) : null;
				declared = (declared != null) ? declared.getContentType() : null;
			}
		}
		String name = where.isEmpty() ? "The arguments" : "Argument '" + where + "'";
		return name + " must be " + expected(declared, ex) + "; got " + shown(offending);
	}

	private String expected(@Nullable JavaType declared, JacksonException ex) {
		if (declared != null) {
			return expected(declared);
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return expected(mismatch.getTargetType());
		}
		return "a valid value";
	}

	private @Nullable JavaType componentType(@Nullable JavaType type, String name) {
		JavaType target = (type != null && type.isReferenceType()) ? type.getContentType() : type;
		if (target == null || !target.getRawClass().isRecord()) {
			return null;
		}
		for (RecordComponent component : target.getRawClass().getRecordComponents()) {
			if (component.getName().equals(name)) {
				return this.mapper.constructType(component.getGenericType());
			}
		}
		return null;
	}

	private String shown(@Nullable JsonNode value) {
		if (value == null) {
			return "something else";
		}
		String text = this.mapper.writeValueAsString(value);
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

}
