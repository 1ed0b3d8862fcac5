package io.github.vapiwebhook.message;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The components of one of this package's records and its canonical constructor, as
 * method handles prepared once: how messages are taken apart and put together by
 * {@link ServerMessageSerializer} and {@link RecordBinding}.
 */
final class RecordComponents {

	private final Class<?> type;

	private final RecordComponent[] components;

	private final MethodHandle[] accessors;

	private final MethodHandle constructor;

	RecordComponents(Class<?> type) {
		if (!type.isRecord()) {
			throw new IllegalArgumentException(type.getName() + " is not a record");
		}
		this.type = type;
		this.components = type.getRecordComponents();
		this.accessors = new MethodHandle[this.components.length];
		MethodHandles.Lookup lookup = MethodHandles.lookup();
		try {
			for (int i = 0; i < this.components.length; i++) {
				this.accessors[i] = lookup.unreflect(this.components[i].getAccessor())
					.asType(MethodType.methodType(Object.class, Object.class));
			}
			Class<?>[] parameters = Arrays.stream(this.components)
				.map(RecordComponent::getType)
				.toArray(Class<?>[]::new);
			this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameters))
				.asSpreader(Object[].class, parameters.length)
				.asType(MethodType.methodType(Object.class, Object[].class));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot use the components of " + type.getName(), ex);
		}
	}

	Class<?> type() {
		return this.type;
	}

	int size() {
		return this.components.length;
	}

	String name(int index) {
		return this.components[index].getName();
	}

	/**
	 * The name of a component in JSON: its {@code @JsonProperty} name, if it has one
	 * (which Java puts on the accessor, as the annotation does not target record
	 * components).
	 * @param index the component
	 * @return the property name
	 */
	String jsonName(int index) {
		JsonProperty property = this.components[index].getAccessor().getAnnotation(JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : name(index);
	}

	Class<?> rawType(int index) {
		return this.components[index].getType();
	}

	Type genericType(int index) {
		return this.components[index].getGenericType();
	}

	boolean isFlexibleInstant(int index) {
		return this.components[index].isAnnotationPresent(FlexibleInstant.class);
	}

	boolean isRequired(int index) {
		return this.components[index].isAnnotationPresent(Required.class);
	}

	/**
	 * The position of a component.
	 * @param name the name of the component
	 * @return its index, or -1 when the record has none of that name
	 */
	int indexOf(String name) {
		for (int i = 0; i < this.components.length; i++) {
			if (this.components[i].getName().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The position of the first component of a type.
	 * @param componentType the type of the component
	 * @return its index, or -1 when the record has none
	 */
	int indexOf(Class<?> componentType) {
		for (int i = 0; i < this.components.length; i++) {
			if (this.components[i].getType() == componentType) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The value of one component of a record of this type.
	 * @param record the record
	 * @param index the component
	 * @return its value
	 */
	@Nullable Object get(Object record, int index) {
		try {
			return (Object) this.accessors[index].invokeExact(record);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Cannot read " + this.type.getName() + "." + name(index), ex);
		}
	}

	/**
	 * Calls the canonical constructor.
	 * @param arguments one per component, in order
	 * @return the record
	 * @throws Throwable whatever the constructor throws
	 */
	Object construct(@Nullable Object[] arguments) throws Throwable {
		return (Object) this.constructor.invokeExact(arguments);
	}

}
