package io.github.vapiwebhook.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event record that Vapi always sends. An event without it is
 * still read (the component is {@code null}), and the field is reported among its
 * {@link DroppedFields}, as a field of the wrong shape is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@interface Required {

}
