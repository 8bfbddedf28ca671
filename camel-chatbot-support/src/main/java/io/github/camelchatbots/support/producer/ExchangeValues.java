package io.github.camelchatbots.support.producer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.json.FlexibleInstantDeserializer;
import org.apache.camel.Message;

/**
 * The values of one producer call, each taken by the rule every component follows: the message header, then the
 * field of that name in the body, then the endpoint's option, then the component's. (The endpoint's configuration
 * is a copy of the component's with the endpoint's options applied, so the last two are one value here.)
 * <p>
 * The body counts when it is an object: the operation's request record, a {@link Map}, or JSON text of an object.
 * Text that starts with <code>{</code> but is not JSON is refused with the parser's problem rather than read as
 * plain text: a request that was meant as JSON and went out as a chat message would reach a real user.
 */
public final class ExchangeValues {

    private final String vendor;
    private final String operation;
    private final Message message;
    private JsonNode bodyObject;
    private boolean bodyRead;

    /**
     * @param vendor    the vendor's name as errors show it, e.g. "Ebbot"
     * @param operation the URI's scheme and operation, e.g. "ebbot:sendMessage"
     */
    public ExchangeValues(String vendor, String operation, Message message) {
        this.vendor = vendor;
        this.operation = operation;
        this.message = message;
    }

    public Message message() {
        return message;
    }

    /** A text value, or null when neither header, body field nor option gives one; blank counts as absent. */
    public String text(String header, String bodyField, String configured) {
        String fromHeader = message.getHeader(header, String.class);
        if (present(fromHeader)) {
            return fromHeader;
        }
        JsonNode field = bodyField(bodyField);
        if (field != null && field.isValueNode() && present(field.asText())) {
            return field.asText();
        }
        return present(configured) ? configured : null;
    }

    /**
     * A text value the call cannot go without.
     *
     * @param option the option's name, which is also what the error calls the value
     * @throws IllegalArgumentException naming every place the value can come from
     */
    public String requiredText(String option, String header, String bodyField, String configured) {
        String value = text(header, bodyField, configured);
        if (value == null) {
            throw new IllegalArgumentException(vendor + ": " + operation + " needs " + option + ": set the " + header
                                               + " header" + (bodyField != null ? ", a '" + bodyField
                                                                                  + "' field in the body" : "")
                                               + " or the " + option + " option");
        }
        return value;
    }

    /**
     * A whole number; a header or body field that holds anything else is an error naming it, never read as 0.
     *
     * @param minimum the smallest value allowed, checked for every source
     */
    public Integer integer(String option, String header, String bodyField, Integer configured, int minimum) {
        Given given = given(option, header, bodyField, configured);
        if (given == null) {
            return null;
        }
        long value;
        if (given.value() instanceof Integer || given.value() instanceof Long || given.value() instanceof Short
            || given.value() instanceof Byte) {
            value = ((Number) given.value()).longValue();
        } else {
            try {
                value = Long.parseLong(given.value().toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(given.invalid("a whole number"), e);
            }
        }
        if (value < minimum || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(given.invalid("a whole number of at least " + minimum));
        }
        return (int) value;
    }

    /** A number; a header or body field that holds anything else is an error naming it, never read as 0. */
    public Double decimal(String option, String header, String bodyField, Double configured) {
        Given given = given(option, header, bodyField, configured);
        if (given == null) {
            return null;
        }
        if (given.value() instanceof Number number) {
            return number.doubleValue();
        }
        try {
            double value = Double.parseDouble(given.value().toString().trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException(given.invalid("a number"));
    }

    /** true or false; anything else in a header or body field is an error naming it. */
    public Boolean bool(String option, String header, String bodyField, Boolean configured) {
        Given given = given(option, header, bodyField, configured);
        if (given == null) {
            return null;
        }
        if (given.value() instanceof Boolean value) {
            return value;
        }
        String text = given.value().toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(given.invalid("true or false"));
    }

    /**
     * An instant: an {@link Instant}, a {@link java.util.Date} or {@link java.util.Calendar}, a date-time with an
     * offset, a number or text of digits in {@code epochUnit} (seconds or milliseconds, as the vendor counts), or
     * ISO-8601 text (a space for the {@code T} and an offset without a colon accepted, as vendors write them).
     */
    public Instant instant(String option, String header, String bodyField, Object configured, ChronoUnit epochUnit) {
        Given given = given(option, header, bodyField, configured);
        if (given == null) {
            return null;
        }
        Object value = given.value();
        try {
            if (value instanceof Instant instant) {
                return instant;
            }
            if (value instanceof java.util.Date date) {
                return date.toInstant();
            }
            if (value instanceof java.util.Calendar calendar) {
                return calendar.toInstant();
            }
            if (value instanceof TemporalAccessor temporal) {
                return Instant.from(temporal);
            }
            String text = value.toString().trim();
            if (value instanceof Number || !text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                long amount = value instanceof Number number ? number.longValue() : Long.parseLong(text);
                return epochUnit == ChronoUnit.SECONDS ? Instant.ofEpochSecond(amount) : Instant.ofEpochMilli(amount);
            }
            Instant parsed = FlexibleInstantDeserializer.parse(text);
            if (parsed != null) {
                return parsed;
            }
        } catch (RuntimeException unreadable) {
            // reported below, with the value
        }
        throw new IllegalArgumentException(given.invalid("an instant, ISO-8601 such as 2024-08-01T00:00:00Z or epoch "
                                                         + epochUnit.toString().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * A list of texts: a {@link java.util.Collection} or array, a JSON array, or comma-separated text; blank entries
     * left out. Empty when nothing gives one.
     */
    public List<String> texts(String option, String header, String bodyField, Object configured) {
        Given given = given(option, header, bodyField, configured);
        if (given == null) {
            return List.of();
        }
        Object value = given.value();
        List<String> texts = new ArrayList<>();
        if (value instanceof JsonNode node && node.isArray()) {
            node.forEach(element -> addText(texts, element.isValueNode() ? element.asText() : null, given));
        } else if (value instanceof java.util.Collection<?> collection) {
            collection.forEach(element -> addText(texts, element == null ? null : element.toString(), given));
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                addText(texts, element == null ? null : element.toString(), given);
            }
        } else {
            for (String part : value.toString().split(",")) {
                addText(texts, part, given);
            }
        }
        return List.copyOf(texts);
    }

    private static void addText(List<String> texts, String text, Given given) {
        if (text != null && !text.isBlank()) {
            texts.add(text.trim());
        }
    }

    /** A JSON object: a {@link Map}, a record, a {@link JsonNode} object or JSON text of one; null when none is given. */
    public ObjectNode object(String option, String header, String bodyField, Object configured) {
        Given given = given(option, header, bodyField, configured);
        if (given == null) {
            return null;
        }
        Object value = given.value();
        JsonNode node;
        try {
            node = value instanceof JsonNode json ? json
                    : value instanceof CharSequence text ? ChatbotJson.mapper().readTree(text.toString())
                    : ChatbotJson.mapper().valueToTree(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            node = null;
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException(given.invalid("a JSON object (a Map, or JSON text such as {\"key\":\"value\"})"));
    }

    /** A value as given, and where it came from, for errors that name the place. */
    private record Given(String vendor, String source, Object value) {

        String invalid(String expected) {
            return vendor + ": " + source + " must be " + expected + ", not " + Texts.quote(value);
        }
    }

    /** The first of header, body field and option that has a value, or null. */
    private Given given(String option, String header, String bodyField, Object configured) {
        Object fromHeader = message.getHeader(header);
        if (fromHeader != null && !(fromHeader instanceof String text && text.isBlank())) {
            return new Given(vendor, "header " + header, fromHeader);
        }
        JsonNode field = bodyField(bodyField);
        if (field != null) {
            Object value = field.isNumber() ? field.numberValue() : field.isBoolean() ? field.booleanValue()
                    : field.isContainerNode() ? field : field.asText();
            return new Given(vendor, "body field '" + bodyField + "'", value);
        }
        return configured == null ? null : new Given(vendor, "option " + option, configured);
    }

    /** A header's value converted by Camel, for values that have no body field and no option (maps, lists). */
    public <T> T header(String header, Class<T> type) {
        return message.getHeader(header, type);
    }

    /**
     * The body as an object, or null when it is none (empty, or text that is not JSON). A record or Map is turned
     * into its JSON fields, as the vendor would see them.
     *
     * @throws IllegalArgumentException when the body is text that starts with <code>{</code> but is not valid JSON
     */
    public JsonNode bodyObject() {
        if (!bodyRead) {
            bodyRead = true;
            bodyObject = readBodyObject();
        }
        return bodyObject;
    }

    /**
     * The body as the operation's request: the record itself, or one read from a Map or JSON object; null when the
     * body is not an object.
     *
     * @throws IllegalArgumentException when the body's fields do not make the request, naming the problem
     */
    public <T> T bodyAs(Class<T> type) {
        Object body = message.getBody();
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        JsonNode object = bodyObject();
        if (object == null) {
            return null;
        }
        try {
            return ChatbotJson.mapper().treeToValue(object, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(vendor + ": " + operation + " cannot read its request from the body: "
                                               + "expected the fields of " + type.getSimpleName() + " ("
                                               + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** {@link #bodyAs(Class)} when the body must be the request. */
    public <T> T requiredBodyAs(Class<T> type) {
        T request = bodyAs(type);
        if (request == null) {
            throw new IllegalArgumentException(vendor + ": " + operation + " needs its request as the body (a "
                                               + type.getSimpleName() + ", a Map or a JSON object), not "
                                               + describeBody());
        }
        return request;
    }

    /**
     * The body read as the request when it is an object, else made from the body's text (a message to send): the
     * common case of writes whose request is mostly one text.
     */
    public <T> T bodyAsOrFromText(Class<T> type, Function<String, T> fromText) {
        T request = bodyAs(type);
        if (request != null) {
            return request;
        }
        String text = message.getBody(String.class);
        return text == null || text.isBlank() ? null : fromText.apply(text);
    }

    private String describeBody() {
        Object body = message.getBody();
        if (body == null) {
            return "an empty body";
        }
        return body instanceof CharSequence || body instanceof byte[] ? "text that is no JSON object"
                : "a body of " + body.getClass().getSimpleName();
    }

    private JsonNode bodyField(String field) {
        if (field == null) {
            return null;
        }
        JsonNode object = bodyObject();
        JsonNode value = object == null ? null : object.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    private JsonNode readBodyObject() {
        Object body = message.getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof JsonNode node) {
            return node.isObject() ? node : null;
        }
        if (body instanceof Map<?, ?> || body instanceof Record) {
            JsonNode tree = ChatbotJson.mapper().valueToTree(body);
            return tree instanceof ObjectNode ? tree : null;
        }
        if (body instanceof CharSequence || body instanceof byte[] || body instanceof java.io.InputStream) {
            String text = message.getBody(String.class);
            if (body instanceof java.io.InputStream) {
                // a stream reads once: the call needs the text again
                message.setBody(text);
            }
            if (text == null || !text.stripLeading().startsWith("{")) {
                return null;
            }
            try {
                JsonNode tree = ChatbotJson.mapper().readTree(text);
                return tree.isObject() ? tree : null;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(vendor + ": " + operation + " got a body that starts with '{' but"
                                                   + " is not valid JSON (" + firstLine(e.getOriginalMessage())
                                                   + "); send valid JSON, or text that does not start with '{'", e);
            }
        }
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
