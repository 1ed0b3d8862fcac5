package io.github.vapiwebhook.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link VapiTool} method, or a component of a record that
 * binds the arguments. Parameters without it are required and undescribed; {@code
 * Optional} and {@code @Nullable} ones are never required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface ToolParam {

	/**
	 * What the argument means; the model reads this.
	 * @return the description
	 */
	String description() default "";

	/**
	 * Whether the model must send the argument.
	 * @return {@code true} when required
	 */
	boolean required() default true;

}
