package io.github.camelchatbots.support.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads the instants vendors actually send: ISO-8601 with or without offset ({@code 2024-08-12T09:15:03.158Z}),
 * with a space instead of the {@code T} ({@code 2019-01-23 13:32:30.163Z}, ChatBot.com), and epoch numbers (in
 * milliseconds, or seconds when the number is too small to be milliseconds). A value without offset is UTC. What
 * cannot be read becomes null rather than failing the whole record: one odd timestamp must not cost a transcript.
 */
public final class FlexibleInstantDeserializer extends StdDeserializer<Instant> {

    /** Numbers below this are seconds: 10^11 ms is March 1973, 10^11 s is the year 5138. */
    private static final long SMALLEST_MILLIS = 100_000_000_000L;

    private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    public FlexibleInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return fromEpoch(parser.getValueAsLong());
        }
        if (token == JsonToken.VALUE_STRING) {
            return parse(parser.getText());
        }
        parser.skipChildren();
        return null;
    }

    /** The same leniency for text outside JSON, e.g. a header. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return fromEpoch(Long.parseLong(value));
        }
        try {
            var parsed = LENIENT_ISO.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant fromEpoch(long value) {
        return value < SMALLEST_MILLIS ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }
}
