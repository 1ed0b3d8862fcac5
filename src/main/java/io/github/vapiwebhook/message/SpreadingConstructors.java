package io.github.vapiwebhook.message;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;

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
 * <p>
 * The constructors of message records that bind in one pass also get the context fields
 * as extra arguments, from which the context is built (see {@link ContextProperties}).
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
					int count = constructor.getParameterCount();
					MethodHandle spread = MethodHandles.publicLookup()
						.unreflectConstructor(constructor)
						.asSpreader(Object[].class, count)
						.asType(MethodType.methodType(Object.class, Object[].class));
					Class<?> type = bean.getBeanClass();
					int contextIndex = ContextProperties.bindsInOnePass(type) ? ContextProperties.contextIndex(type)
							: -1;
					return new Spreading(config, (StdValueInstantiator) instantiator, spread, count, contextIndex);
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

		private final int parameterCount;

		/**
		 * Where the message context goes, when it is built from extra properties; or -1.
		 */
		private final int contextIndex;

		Spreading(DeserializationConfig config, StdValueInstantiator instantiator, MethodHandle constructor,
				int parameterCount, int contextIndex) {
			super(instantiator);
			this.constructor = constructor;
			this.parameterCount = parameterCount;
			this.contextIndex = contextIndex;
			if (contextIndex >= 0 && this._constructorArguments != null) {
				this._constructorArguments = ContextProperties.withContextFields(config, this._constructorArguments);
			}
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				Object[] own = arguments;
				if (this.contextIndex >= 0) {
					own = Arrays.copyOf(arguments, this.parameterCount);
					if (own[this.contextIndex] == null) {
						// none injected: the one-pass read, which bound the context
						// fields here
						own[this.contextIndex] = ContextProperties.context(arguments, this.parameterCount);
					}
				}
				return this.constructor.invokeExact(own);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				// as Jackson does: the cause (e.g. an InvalidMessageException) stays in
				// the chain
				return context.handleInstantiationProblem(getValueClass(), arguments, rewrapCtorProblem(context, ex));
			}
		}

	}

}
