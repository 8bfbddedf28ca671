package io.github.camelchatbots.support.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * An {@link java.time.Instant} that any Jackson {@code ObjectMapper} can write and read, with or without the
 * JavaTimeModule: written as ISO-8601 text ({@code 2024-08-12T09:15:03.158Z}), read from the forms vendors send
 * (see {@link FlexibleInstantDeserializer}). Camel's {@code marshal().json()} with nothing configured has no
 * JavaTimeModule, and every record a component returns must work with it.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = ToStringSerializer.class)
@JsonDeserialize(using = FlexibleInstantDeserializer.class)
public @interface IsoInstant {
}
