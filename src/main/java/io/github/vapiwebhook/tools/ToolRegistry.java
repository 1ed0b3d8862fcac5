package io.github.vapiwebhook.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.vapiwebhook.webhook.WebhookProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * The tools of the application, indexed by name. Discovered once, when all singletons
 * exist, from every bean with {@link VapiTool} methods; a duplicate or invalid tool stops
 * startup.
 */
public class ToolRegistry implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(ToolRegistry.class);

	private final @Nullable ListableBeanFactory beans;

	private final @Nullable ToolMethodFactory factory;

	private volatile Map<String, ToolMethod> tools = Map.of();

	ToolRegistry(ListableBeanFactory beans, ToolMethodFactory factory) {
		this.beans = beans;
		this.factory = factory;
	}

	/**
	 * A registry that discovers the tool methods of the beans of a factory once all its
	 * singletons exist (as a bean, it does so by itself). For a context without the web
	 * server, such as the command line's, where the tools auto-configuration does not
	 * apply.
	 * @param beans the bean factory to search
	 * @param mapper the JSON mapper for arguments and schemas
	 * @param webhook the webhook settings, whose reply deadlines bound every tool's
	 * @return the registry
	 */
	public static ToolRegistry discovering(ListableBeanFactory beans, JsonMapper mapper, WebhookProperties webhook) {
		return new ToolRegistry(beans,
				new ToolMethodFactory(new ToolSchemaGenerator(mapper), shortestToolDeadline(webhook)));
	}

	// A tool answers tool-calls and legacy function-call messages: it must fit the
	// shorter deadline.
	private static Duration shortestToolDeadline(WebhookProperties webhook) {
		Duration toolCalls = webhook.deadlineFor("tool-calls");
		Duration functionCall = webhook.deadlineFor("function-call");
		return (toolCalls.compareTo(functionCall) <= 0) ? toolCalls : functionCall;
	}

	ToolRegistry(List<ToolMethod> tools) {
		this.beans = null;
		this.factory = null;
		this.tools = index(tools);
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.beans == null || this.factory == null) {
			return;
		}
		List<ToolMethod> found = new ArrayList<>();
		for (String name : this.beans.getBeanNamesForType(Object.class, false, true)) {
			Class<?> type = this.beans.getType(name);
			if (type != null && AnnotationUtils.isCandidateClass(type, VapiTool.class)) {
				Class<?> userClass = ClassUtils.getUserClass(type);
				if (hasTools(userClass)) {
					found.addAll(this.factory.toolsOf(name, this.beans.getBean(name), userClass));
				}
			}
		}
		this.tools = index(found);
		logger.info("{} tools: {}", this.tools.size(), this.tools.keySet());
	}

	/**
	 * The Vapi definitions of all tools, by name.
	 * @return the definitions
	 */
	public List<ToolDefinition> definitions() {
		return this.tools.values().stream().map(ToolMethod::definition).toList();
	}

	@Nullable ToolMethod find(@Nullable String name) {
		return (name != null) ? this.tools.get(name) : null;
	}

	private static boolean hasTools(Class<?> type) {
		for (var method : type.getMethods()) {
			if (AnnotationUtils.findAnnotation(method, VapiTool.class) != null) {
				return true;
			}
		}
		for (var method : type.getDeclaredMethods()) {
			if (AnnotationUtils.findAnnotation(method, VapiTool.class) != null) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, ToolMethod> index(List<ToolMethod> tools) {
		Map<String, ToolMethod> index = new LinkedHashMap<>();
		tools.stream().sorted(Comparator.comparing(ToolMethod::name)).forEach((tool) -> {
			ToolMethod existing = index.putIfAbsent(tool.name(), tool);
			if (existing != null) {
				throw new InvalidToolException("Tool name '" + tool.name() + "' is declared twice: by "
						+ existing.origin() + " and by " + tool.origin());
			}
		});
		return index;
	}

}
