package io.github.vapiwebhook.message;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Calls the constructors of records through a method handle prepared once. Jackson 3.1
 * calls a multi-argument constructor with {@code MethodHandle.invokeWithArguments}, which
 * adapts the handle on every call; in a profile of the benchmark that adaptation was
 * about a sixth of the time spent parsing a message, which is made of records.
 */
final class SpreadingConstructors extends ValueInstantiators.Base {

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
			ValueInstantiator instantiator) {
		// only Jackson's own instantiator, whose creator is a public constructor
		if (instantiator.getClass() == StdValueInstantiator.class
				&& ((StdValueInstantiator) instantiator).getWithArgsCreator() instanceof AnnotatedConstructor creator) {
			Constructor<?> constructor = creator.getAnnotated();
			if (Modifier.isPublic(constructor.getModifiers())
					&& Modifier.isPublic(constructor.getDeclaringClass().getModifiers())) {
				try {
					MethodHandle spread = MethodHandles.publicLookup()
						.unreflectConstructor(constructor)
						.asSpreader(Object[].class, constructor.getParameterCount())
						.asType(MethodType.methodType(Object.class, Object[].class));
					return new Spreading((StdValueInstantiator) instantiator, spread);
				}
				catch (IllegalAccessException ex) {
					return instantiator;
				}
			}
		}
		return instantiator;
	}

	private static final class Spreading extends StdValueInstantiator {

		private final MethodHandle constructor;

		Spreading(StdValueInstantiator instantiator, MethodHandle constructor) {
			super(instantiator);
			this.constructor = constructor;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return this.constructor.invokeExact(arguments);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				// as Jackson does: the cause (e.g. an InvalidMessageException) stays in
				// the
				// chain
				return context.handleInstantiationProblem(getValueClass(), arguments, rewrapCtorProblem(context, ex));
			}
		}

	}

}
