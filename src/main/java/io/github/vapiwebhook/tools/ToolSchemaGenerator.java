package io.github.vapiwebhook.tools;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON schema of a tool's arguments object with victools'
 * jsonschema-generator: every schema is inlined (models read no {@code $ref}), enums and
 * {@code Optional} are flattened, {@code java.time} types are strings with their standard
 * {@code format}, and record components are described and required exactly as
 * {@link DeclaredArgument} says. Every type is a single name, as Vapi's JsonSchema
 * requires: a component that may be null is one that is not required.
 */
class ToolSchemaGenerator {

	private final SchemaGenerator generator;

	private final JsonMapper mapper;

	ToolSchemaGenerator(JsonMapper mapper) {
		this.mapper = mapper;
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(Option.INLINE_ALL_SCHEMAS, Option.FLATTENED_ENUMS, Option.FLATTENED_OPTIONALS,
					Option.ADDITIONAL_FIXED_TYPES, Option.STANDARD_FORMATS)
			.without(Option.SCHEMA_VERSION_INDICATOR);
		// Keep properties in declaration order, as the record reads, instead of sorting
		// them.
		config.forTypesInGeneral().withPropertySorter((first, second) -> 0);
		config.forFields()
			.withRequiredCheck((field) -> declared(field).required())
			.withDescriptionResolver((field) -> emptyToNull(declared(field).description()));
		this.generator = new SchemaGenerator(config.build());
	}

	/**
	 * The schema of an arguments object whose properties are a method's parameters.
	 * @param arguments the parameters bound by name
	 * @return the schema
	 */
	ObjectNode forArguments(List<DeclaredArgument> arguments) {
		ObjectNode schema = this.mapper.createObjectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = this.mapper.createArrayNode();
		for (DeclaredArgument argument : arguments) {
			ObjectNode property = singleTypes(this.generator.generateSchema(unwrapOptional(argument.genericType())));
			if (!argument.description().isEmpty()) {
				property.put("description", argument.description());
			}
			properties.set(argument.name(), property);
			if (argument.required()) {
				required.add(argument.name());
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		return schema;
	}

	/**
	 * The schema of an arguments object bound to a record.
	 * @param type the record type
	 * @return the schema
	 */
	ObjectNode forRecord(Type type) {
		return singleTypes(this.generator.generateSchema(type));
	}

	/**
	 * Vapi's JsonSchema takes one type name: the generator writes an Optional record
	 * component as ["string", "null"], which becomes "string" (a value that may be absent
	 * is one that is not in "required").
	 */
	private static ObjectNode singleTypes(ObjectNode schema) {
		JsonNode type = schema.get("type");
		if (type != null && type.isArray()) {
			for (JsonNode name : type) {
				if (!"null".equals(name.asString())) {
					schema.put("type", name.asString());
					break;
				}
			}
		}
		for (JsonNode child : schema) {
			if (child instanceof ObjectNode object) {
				singleTypes(object);
			}
			else if (child instanceof ArrayNode array) {
				array.forEach((item) -> {
					if (item instanceof ObjectNode object) {
						singleTypes(object);
					}
				});
			}
		}
		return schema;
	}

	private static Type unwrapOptional(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
			return parameterized.getActualTypeArguments()[0];
		}
		return type;
	}

	private static DeclaredArgument declared(FieldScope field) {
		Field member = field.getRawMember();
		return new DeclaredArgument(member.getName(), member, member.getAnnotatedType());
	}

	private static @Nullable String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
