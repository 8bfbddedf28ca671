package io.github.camelchatbots.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one ObjectMapper the simulator uses, and the timestamp format vendors' JSON APIs share. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Always with milliseconds: {@link Instant#toString()} drops them when they are zero, real APIs do not. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String isoMillis(Instant instant) {
        return ISO_MILLIS.format(instant);
    }
}
