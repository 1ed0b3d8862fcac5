package io.github.vapiwebhook.tools;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Turns the {@link VapiTool} methods of a bean into {@link ToolMethod}s, refusing what
 * cannot work (a bad name or timeout, parameters without names) with a message naming the
 * bean and method.
 */
class ToolMethodFactory {

	private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

	private final ToolSchemaGenerator schemas;

	private final Duration replyDeadline;

	/**
	 * Creates a factory.
	 * @param schemas the schema generator
	 * @param replyDeadline the deadline of the whole {@code tool-calls} reply; a tool's
	 * own timeout must be shorter so that it can answer for itself
	 */
	ToolMethodFactory(ToolSchemaGenerator schemas, Duration replyDeadline) {
		this.schemas = schemas;
		this.replyDeadline = replyDeadline;
	}

	/**
	 * The tools of a bean.
	 * @param beanName the bean name
	 * @param bean the bean
	 * @param userClass the bean's class without proxies
	 * @return its tools, none when it has no {@link VapiTool} method
	 */
	List<ToolMethod> toolsOf(String beanName, Object bean, Class<?> userClass) {
		Map<Method, VapiTool> annotated = MethodIntrospector.selectMethods(userClass,
				(MethodIntrospector.MetadataLookup<VapiTool>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, VapiTool.class));
		List<ToolMethod> tools = new ArrayList<>();
		annotated.forEach((method, annotation) -> tools.add(toolOf(beanName, bean, method, annotation)));
		return tools;
	}

	private ToolMethod toolOf(String beanName, Object bean, Method method, VapiTool annotation) {
		String origin = beanName + "." + method.getName();
		if (!NAME.matcher(annotation.name()).matches()) {
			throw new InvalidToolException(
					"Tool name '" + annotation.name() + "' of " + origin + " must match ^[a-zA-Z0-9_-]{1,64}$");
		}
		List<ToolParameter> parameters = new ArrayList<>();
		ObjectNode schema = parametersOf(method, origin, parameters);
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		return new ToolMethod(annotation.name(), timeoutOf(annotation, origin), beanName, bean, invocable, parameters,
				ToolDefinition.function(annotation.name(), annotation.description(), schema));
	}

	private ObjectNode parametersOf(Method method, String origin, List<ToolParameter> parameters) {
		List<Parameter> arguments = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			if (parameter.getType() != ToolCallContext.class) {
				arguments.add(parameter);
			}
		}
		boolean whole = arguments.size() == 1 && bindsWholeArguments(arguments.get(0));
		List<DeclaredArgument> named = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			if (parameter.getType() == ToolCallContext.class) {
				parameters.add(new ToolParameter.Context());
			}
			else if (whole) {
				parameters.add(new ToolParameter.Whole(parameter.getParameterizedType()));
			}
			else {
				DeclaredArgument argument = named(parameter, origin);
				named.add(argument);
				parameters.add(new ToolParameter.Named(argument));
			}
		}
		return whole ? this.schemas.forRecord(arguments.get(0).getParameterizedType())
				: this.schemas.forArguments(named);
	}

	private static DeclaredArgument named(Parameter parameter, String origin) {
		if (!parameter.isNamePresent()) {
			throw new InvalidToolException("Parameter names of " + origin
					+ " are not in the class file; compile with -parameters (Spring Boot's parent POM does)");
		}
		return DeclaredArgument.of(parameter);
	}

	private static boolean bindsWholeArguments(Parameter parameter) {
		return parameter.getType().isRecord() && !parameter.isAnnotationPresent(ToolParam.class);
	}

	private @Nullable Duration timeoutOf(VapiTool annotation, String origin) {
		if (annotation.timeout().isBlank()) {
			return null;
		}
		Duration timeout;
		try {
			timeout = DurationStyle.detectAndParse(annotation.timeout());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidToolException(
					"Timeout '" + annotation.timeout() + "' of " + origin + " is not a duration such as 5s", ex);
		}
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(this.replyDeadline) >= 0) {
			throw new InvalidToolException("Timeout " + timeout + " of " + origin
					+ " must be positive and shorter than the tool-calls and function-call reply deadlines "
					+ this.replyDeadline);
		}
		return timeout;
	}

}
