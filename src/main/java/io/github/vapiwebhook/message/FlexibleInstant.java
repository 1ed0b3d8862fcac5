package io.github.vapiwebhook.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Marks an {@link java.time.Instant} that Vapi sends as epoch milliseconds or as an
 * ISO-8601 string: it is read with {@link FlexibleInstantDeserializer} and written as an
 * ISO-8601 string, whatever the mapper's date settings, so that a message written with
 * one mapper reads back the same with another. {@link RecordBinding} and
 * {@link ServerMessageSerializer} look for it; the Jackson annotations it carries say the
 * same to Jackson, which writes the records that messages carry.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@JacksonAnnotationsInside
@JsonDeserialize(using = FlexibleInstantDeserializer.class)
@JsonFormat(shape = JsonFormat.Shape.STRING)
@interface FlexibleInstant {

}
