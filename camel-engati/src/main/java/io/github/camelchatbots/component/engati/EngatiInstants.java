package io.github.camelchatbots.component.engati;

import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Date;

import io.github.camelchatbots.component.engati.client.EngatiIds;
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.json.FlexibleInstantDeserializer;

/**
 * Instants as options and headers give them: an {@link Instant}, a {@link Date}, a date-time with offset, epoch
 * milliseconds (a number, or text of digits), or text in ISO-8601 or Engati's {@code 2024-01-01 10:00:00.000+0530}.
 * Belongs beside {@code ExchangeValues} in camel-chatbot-support, which reads no instants yet.
 */
final class EngatiInstants {

    private EngatiInstants() {
    }

    /**
     * @param  source                   the option or header, for the message, e.g. {@code option startDate}
     * @return                          null for no value
     * @throws IllegalArgumentException naming the source and quoting the value when it is no instant
     */
    static Instant parse(String source, Object value) {
        if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
            return null;
        }
        Instant instant = null;
        try {
            if (value instanceof Instant given) {
                instant = given;
            } else if (value instanceof Date date) {
                instant = date.toInstant();
            } else if (value instanceof Calendar calendar) {
                instant = calendar.toInstant();
            } else if (value instanceof TemporalAccessor temporal) {
                instant = Instant.from(temporal);
            } else if (value instanceof Long || value instanceof Integer) {
                instant = Instant.ofEpochMilli(((Number) value).longValue());
            } else if (value instanceof CharSequence text) {
                String trimmed = text.toString().trim();
                // Engati's dates are epoch milliseconds: digits are never read as seconds here
                instant = trimmed.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(trimmed))
                        : FlexibleInstantDeserializer.parse(trimmed);
            }
        } catch (RuntimeException unreadable) {
            instant = null;
        }
        if (instant == null) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": " + source + " must be an instant, ISO-8601"
                                               + " such as 2024-08-01T00:00:00Z or UTC epoch milliseconds, not "
                                               + Texts.quote(value));
        }
        return instant;
    }
}
