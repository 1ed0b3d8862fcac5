package io.github.vapiwebhook.tools;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An argument as the code declares it (a tool method's parameter or a component of an
 * argument record). Binding and schema generation ask it the same questions, so that the
 * schema's {@code required} list is exactly what binding enforces: an argument is
 * required unless its type is {@code Optional}, it is {@code @Nullable}, or
 * {@link ToolParam#required()} is {@code false}.
 *
 * @param name the argument name in the arguments object
 * @param element the parameter, component or field carrying the annotations
 * @param type the declared type with its type annotations
 */
record DeclaredArgument(String name, AnnotatedElement element, AnnotatedType type) {

	static DeclaredArgument of(Parameter parameter) {
		return new DeclaredArgument(parameter.getName(), parameter, parameter.getAnnotatedType());
	}

	static DeclaredArgument of(RecordComponent component) {
		return new DeclaredArgument(component.getName(), component, component.getAnnotatedType());
	}

	boolean required() {
		ToolParam param = this.element.getAnnotation(ToolParam.class);
		if (param != null && !param.required()) {
			return false;
		}
		if (this.type.isAnnotationPresent(Nullable.class)) {
			return false;
		}
		return !Optional.class.equals(rawType());
	}

	String description() {
		ToolParam param = this.element.getAnnotation(ToolParam.class);
		return (param != null) ? param.description() : "";
	}

	Type genericType() {
		return this.type.getType();
	}

	Class<?> rawType() {
		Type generic = genericType();
		if (generic instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return (generic instanceof Class<?> cls) ? cls : Object.class;
	}

}
