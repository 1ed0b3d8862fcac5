package io.github.vapiwebhook.tools;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One discovered tool: the bean method, how its parameters bind, and its Vapi definition.
 *
 * @param name the tool name
 * @param timeout the tool's own deadline, or {@code null} for the configured one
 * @param beanName the bean's name, for messages
 * @param bean the bean
 * @param method the method to invoke (on the bean or its proxy)
 * @param parameters where each parameter's value comes from
 * @param definition the Vapi function-tool definition
 */
record ToolMethod(String name, @Nullable Duration timeout, String beanName, Object bean, Method method,
		List<ToolParameter> parameters, ToolDefinition definition) {

	ToolMethod {
		parameters = List.copyOf(parameters);
	}

	/**
	 * Binds the arguments and invokes the method.
	 * @param arguments the arguments object
	 * @param context the call context
	 * @param converter the argument converter
	 * @return what the method returned
	 * @throws ToolArgumentException when the arguments do not bind
	 * @throws Exception what the method threw
	 */
	@Nullable Object invoke(ObjectNode arguments, ToolCallContext context, ArgumentConverter converter) throws Exception {
		Object[] values = new Object[this.parameters.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.parameters.get(i).valueFrom(arguments, context, converter);
		}
		try {
			return this.method.invoke(this.bean, values);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Names the bean and method, for startup failures and logs.
	 * @return {@code beanName.method}
	 */
	String origin() {
		return this.beanName + "." + this.method.getName();
	}

}
