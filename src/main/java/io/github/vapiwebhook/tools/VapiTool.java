package io.github.vapiwebhook.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a Spring bean a Vapi function tool. Its parameters bind from the
 * call's arguments by name ({@link ToolParam}), or a single record parameter binds the
 * whole arguments object; a {@link ToolCallContext} parameter receives the call context.
 * It returns a {@code String}, a {@link ToolResult}, any other object (sent as compact
 * JSON) or a {@code CompletionStage} of these, or throws.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface VapiTool {

	/**
	 * The tool name the model calls, matching {@code ^[a-zA-Z0-9_-]{1,64}$}, unique among
	 * all tools.
	 * @return the name
	 */
	String name();

	/**
	 * What the tool does and when to call it; the model reads this.
	 * @return the description
	 */
	String description() default "";

	/**
	 * How long one call may run before an error is answered in its place, as a duration
	 * ({@code 5s}, {@code 1500ms}); empty for {@code vapi.tools.timeout}.
	 * @return the timeout
	 */
	String timeout() default "";

}
