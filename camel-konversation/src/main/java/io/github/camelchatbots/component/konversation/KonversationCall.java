package io.github.camelchatbots.component.konversation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelchatbots.component.konversation.KonversationInput.Given;
import io.github.camelchatbots.component.konversation.client.KonversationAnswer;
import io.github.camelchatbots.component.konversation.client.KonversationRequest;
import io.github.camelchatbots.component.konversation.model.KonversationFieldValue;
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.json.ChatbotJson;

/**
 * How one operation is called: which path with which method, which request field each value fills and within
 * which documented limits, and what the answer is read into. {@link KonversationOperation} declares one per
 * operation from the small vocabulary here, so that operations that differ only in path and fields differ only in
 * their line of the table.
 */
final class KonversationCall {

    /** How a value is written into the request. */
    enum Form {
        /** As it is: text, a number or a boolean; of a list, its only element. */
        VALUE,
        /** A boolean as 1 or 0. */
        FLAG,
        /** A boolean as yes or no. */
        YES_NO,
        /** A list as one text, separated by commas. */
        JOINED,
        /** A list as a JSON array. */
        ARRAY,
        /** An instant as unix seconds. */
        UNIX_SECONDS,
        /** A JSON object. */
        OBJECT,
        /** A segment of the path, where the path has {@code {key}}. */
        PATH
    }

    /**
     * A request field and the value that fills it. A dotted key ({@code content.name}) is a field of a nested object.
     */
    static final class Field {
        final KonversationInput input;
        final String key;
        final Form form;
        private boolean required;
        private Object fallback;
        private long min = Long.MIN_VALUE;
        private long max = Long.MAX_VALUE;
        private int maxItems = Integer.MAX_VALUE;
        private String items;

        private Field(KonversationInput input, String key, Form form) {
            this.input = input;
            this.key = key;
            this.form = form;
            this.required = form == Form.PATH;
        }

        Field required() {
            required = true;
            return this;
        }

        /** The value sent when none is given. */
        Field orElse(Object value) {
            fallback = value;
            return this;
        }

        Field between(long min, long max) {
            this.min = min;
            this.max = max;
            return this;
        }

        /** @param items what the list holds, for errors, e.g. "subscribers" */
        Field atMost(int maxItems, String items) {
            this.maxItems = maxItems;
            this.items = items;
            return this;
        }

        /** Whether a producer reads the value from the body under this field's key. */
        boolean topLevel() {
            return form != Form.PATH && !key.contains(".");
        }

        /** The value's name in errors: the option, with the request field when that is named otherwise. */
        String label() {
            return input.option() == null ? input.header() : input.option().equals(key) ? key
                    : input.option() + " (" + key + ")";
        }

        /** Checks the value against this field's limits, without writing it. */
        void check(String operation, Given given) {
            Object value = given.value();
            if (value instanceof Integer number && (number < min || number > max)) {
                throw limit(label() + " must be between " + min + " and " + max + " for " + operation + ", not "
                            + number, given);
            }
            if (value instanceof List<?> list) {
                if ((form == Form.VALUE || form == Form.PATH) && list.size() != 1) {
                    throw limit(operation + " takes one " + label() + ", not " + list.size(), given);
                }
                if (list.size() > maxItems) {
                    throw limit(operation + " takes at most " + maxItems + " " + items + " in " + label() + ", not "
                                + list.size(), given);
                }
            }
        }

        void write(String operation, ObjectNode request, Map<String, String> path, Given given) {
            check(operation, given);
            Object value = given.value();
            JsonNode json = switch (form) {
                case VALUE, PATH -> value instanceof List<?> list ? json(list.get(0)) : json(value);
                case FLAG -> ChatbotJson.mapper().getNodeFactory().numberNode(Boolean.TRUE.equals(value) ? 1 : 0);
                case YES_NO -> ChatbotJson.mapper().getNodeFactory().textNode(Boolean.TRUE.equals(value) ? "yes"
                        : "no");
                case JOINED -> ChatbotJson.mapper().getNodeFactory().textNode(((List<?>) value).stream()
                        .map(Object::toString).collect(Collectors.joining(",")));
                case ARRAY -> ChatbotJson.mapper().valueToTree(value);
                case UNIX_SECONDS -> ChatbotJson.mapper().getNodeFactory().numberNode(
                        ((Instant) value).getEpochSecond());
                case OBJECT -> (JsonNode) value;
            };
            if (form == Form.PATH) {
                path.put(key, json.asText());
            } else {
                put(request, key, json);
            }
        }

        private static JsonNode json(Object value) {
            return ChatbotJson.mapper().valueToTree(value);
        }
    }

    /** One way to make the call: a method, a path, its fields, and the values that must be given to take it. */
    record Route(String method, String path, List<Field> fields, List<KonversationInput> when) {

        Route when(KonversationInput... inputs) {
            return new Route(method, path, fields, List.of(inputs));
        }

        boolean applies(Map<KonversationInput, Given> values) {
            return when.stream().allMatch(values::containsKey);
        }
    }

    /** Picks the call's route from the values given and fills it. */
    interface Target {

        List<Field> fields();

        KonversationRequest prepare(String operation, Map<KonversationInput, Given> values, ObjectNode base);
    }

    /** Routes tried in order; the first whose {@code when} values are all given is taken. */
    record Routes(List<Route> routes) implements Target {

        @Override
        public List<Field> fields() {
            return routes.stream().flatMap(route -> route.fields().stream()).toList();
        }

        @Override
        public KonversationRequest prepare(String operation, Map<KonversationInput, Given> values, ObjectNode base) {
            Route route = routes.stream().filter(candidate -> candidate.applies(values)).findFirst()
                    .orElseThrow(() -> needsOneOf(operation, routes));
            ObjectNode request = base.deepCopy();
            Map<String, String> path = new HashMap<>();
            for (Field field : route.fields()) {
                Given given = values.get(field.input);
                if (given == null && field.fallback != null) {
                    given = new Given(field.fallback, "its default");
                }
                if (given != null) {
                    field.write(operation, request, path, given);
                } else if (field.required && !request.hasNonNull(field.key)) {
                    throw needs(operation, field.input, field.topLevel() ? field.key : field.input.bodyField());
                }
            }
            return new KonversationRequest(operation, route.method(), segments(route.path(), path), request);
        }
    }

    /**
     * A change of one or many items (tags, fields) of which the API has four forms: one item or a {@code data} array
     * of up to {@code max}, each by namespace or (on the path ending in {@code -by-name}) by name.
     *
     * @param byNs        the value that gives items by namespace
     * @param byName      the value that gives items by name; the same as {@code byNs} when its items carry either
     * @param oneNameKey  the name's key in the one-item form, which is not always the one the items have
     * @param withValue   whether each item carries a value
     * @param common      the fields besides the items, e.g. the subscriber
     */
    record Batch(String method, String onePath, String manyPath, KonversationInput byNs, KonversationInput byName,
                 String nsKey, String oneNameKey, String manyNameKey, boolean withValue, int max, String items,
                 List<Field> common) implements Target {

        @Override
        public List<Field> fields() {
            return common;
        }

        @Override
        public KonversationRequest prepare(String operation, Map<KonversationInput, Given> values, ObjectNode base) {
            Given byNsGiven = values.get(byNs);
            Given byNameGiven = byName == byNs ? null : values.get(byName);
            if (byNsGiven != null && byNameGiven != null) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " takes its "
                                                   + items + " by " + byNs.label() + " or by " + byName.label()
                                                   + ", not both");
            }
            Given given = byNsGiven != null ? byNsGiven : byNameGiven;
            if (given == null) {
                throw byName == byNs ? needs(operation, byNs, byNs.bodyField())
                        : needsOneOf(operation, List.of(new Route(method, onePath, List.of(), List.of(byNs)),
                                new Route(method, onePath, List.of(), List.of(byName))));
            }
            List<KonversationFieldValue> list = items(given, byNsGiven != null);
            if (list.isEmpty()) {
                throw limit(operation + " needs at least one of its " + items, given);
            }
            if (list.size() > max) {
                throw limit(operation + " takes at most " + max + " " + items + " at once, not " + list.size(), given);
            }
            boolean named = list.get(0).varNs() == null;
            for (int index = 0; index < list.size(); index++) {
                KonversationFieldValue item = list.get(index);
                if ((item.varNs() == null) != named || (named ? item.name() : item.varNs()) == null) {
                    throw limit(operation + " takes its " + items + " all by " + nsKey + " or all by name; item "
                                + index + " is " + Texts.quote(item), given);
                }
                if (withValue && item.value() == null) {
                    throw limit(operation + " needs a value for each of its " + items + "; item " + index + " ("
                                + (named ? item.name() : item.varNs()) + ") has none", given);
                }
            }
            ObjectNode request = base.deepCopy();
            Map<String, String> path = new HashMap<>();
            for (Field field : common) {
                Given value = values.get(field.input);
                if (value != null) {
                    field.write(operation, request, path, value);
                } else if (field.required && !request.hasNonNull(field.key)) {
                    throw needs(operation, field.input, field.key);
                }
            }
            String chosen = list.size() == 1 ? onePath : manyPath;
            if (list.size() == 1) {
                putItem(request, list.get(0), named ? oneNameKey : nsKey);
            } else {
                ArrayNode data = request.putArray("data");
                list.forEach(item -> putItem(data.addObject(), item, named ? manyNameKey : nsKey));
            }
            return new KonversationRequest(operation, method, segments(chosen + (named ? "-by-name" : ""), path),
                    request);
        }

        private void putItem(ObjectNode target, KonversationFieldValue item, String key) {
            target.put(key, item.varNs() != null ? item.varNs() : item.name());
            if (withValue) {
                target.set("value", ChatbotJson.mapper().valueToTree(item.value()));
            }
        }

        @SuppressWarnings("unchecked")
        private static List<KonversationFieldValue> items(Given given, boolean byNamespace) {
            List<?> values = (List<?>) given.value();
            if (!values.isEmpty() && values.get(0) instanceof KonversationFieldValue) {
                return (List<KonversationFieldValue>) values;
            }
            return values.stream().map(Object::toString).map(text -> byNamespace
                    ? KonversationFieldValue.byNs(text, null) : KonversationFieldValue.byName(text, null)).toList();
        }
    }

    /** A check of the whole request, for limits that span fields or live in the body's own fields. */
    @FunctionalInterface
    interface Check {
        void check(String operation, ObjectNode request);
    }

    final KonversationAnswer answer;
    final Target target;
    private Class<?> requestType;
    private boolean passBody;
    private String listBodyKey;
    private KonversationInput textInput;
    private String textKey;
    private Function<String, JsonNode> textShape;
    private final List<Check> checks = new ArrayList<>();

    private KonversationCall(KonversationAnswer answer, Target target) {
        this.answer = answer;
        this.target = target;
    }

    static KonversationCall call(KonversationAnswer answer, Target target) {
        return new KonversationCall(answer, target);
    }

    /** The record a producer's body may be, which also documents the request. */
    KonversationCall request(Class<?> type) {
        this.requestType = type;
        return this;
    }

    /**
     * The body's fields go into the request as they are (read through {@link #request(Class)}'s record, which keeps
     * only its own fields unless it keeps unknown ones), under those the operation's values fill.
     */
    KonversationCall passBody() {
        this.passBody = true;
        return this;
    }

    /** A body that is a List or a JSON array is the request's {@code key}. */
    KonversationCall listBody(String key) {
        this.listBodyKey = key;
        return this;
    }

    /** A body that is text (not a JSON object) gives {@code input} when no header, body field or option does. */
    KonversationCall textBody(KonversationInput input) {
        this.textInput = input;
        return this;
    }

    /** A body that is text gives the request's {@code key}, shaped by {@code shape}, when the body gives none. */
    KonversationCall textBody(String key, Function<String, JsonNode> shape) {
        this.textKey = key;
        this.textShape = shape;
        return this;
    }

    KonversationCall check(Check... more) {
        checks.addAll(Arrays.asList(more));
        return this;
    }

    Class<?> requestType() {
        return requestType;
    }

    boolean passesBody() {
        return passBody;
    }

    String listBodyKey() {
        return listBodyKey;
    }

    KonversationInput textInput() {
        return textInput;
    }

    String textKey() {
        return textKey;
    }

    Function<String, JsonNode> textShape() {
        return textShape;
    }

    /** Every value the call takes, each with the body field a producer reads it from. */
    Map<KonversationInput, String> inputs() {
        Map<KonversationInput, String> inputs = new LinkedHashMap<>();
        for (Field field : target.fields()) {
            if (field.topLevel()) {
                inputs.putIfAbsent(field.input, field.key);
            }
        }
        for (Field field : target.fields()) {
            inputs.putIfAbsent(field.input, field.input.bodyField());
        }
        if (target instanceof Batch batch) {
            inputs.putIfAbsent(batch.byNs(), batch.byNs().bodyField());
            inputs.putIfAbsent(batch.byName(), batch.byName().bodyField());
        }
        if (target instanceof Routes routes) {
            routes.routes().forEach(route -> route.when().forEach(input -> inputs.putIfAbsent(input,
                    input.bodyField())));
        }
        return inputs;
    }

    /** Checks values given ahead of any exchange (the endpoint's options) against every limit they meet here. */
    void checkAhead(String operation, Map<KonversationInput, Given> values) {
        for (Field field : target.fields()) {
            Given given = values.get(field.input);
            if (given != null) {
                field.check(operation, given);
            }
        }
        if (target instanceof Batch batch) {
            for (KonversationInput input : new LinkedHashSet<>(List.of(batch.byNs(), batch.byName()))) {
                Given given = values.get(input);
                if (given != null && given.value() instanceof List<?> list && list.size() > batch.max()) {
                    throw limit(operation + " takes at most " + batch.max() + " " + batch.items() + " at once, not "
                                + list.size(), given);
                }
            }
        }
    }

    KonversationRequest prepare(String operation, Map<KonversationInput, Given> values, ObjectNode base) {
        KonversationRequest request = target.prepare(operation, values, base);
        for (Check check : checks) {
            check.check(operation, request.fields());
        }
        return request;
    }

    // ---- the table's vocabulary

    static Route get(String path, Field... fields) {
        return new Route("GET", path, List.of(fields), List.of());
    }

    static Route post(String path, Field... fields) {
        return new Route("POST", path, List.of(fields), List.of());
    }

    static Route put(String path, Field... fields) {
        return new Route("PUT", path, List.of(fields), List.of());
    }

    static Route delete(String path, Field... fields) {
        return new Route("DELETE", path, List.of(fields), List.of());
    }

    static Routes either(Route... routes) {
        return new Routes(List.of(routes));
    }

    static Routes only(Route route) {
        return new Routes(List.of(route));
    }

    static Field value(KonversationInput input, String key) {
        return new Field(input, key, Form.VALUE);
    }

    static Field flag(KonversationInput input, String key) {
        return new Field(input, key, Form.FLAG);
    }

    static Field yesNo(KonversationInput input, String key) {
        return new Field(input, key, Form.YES_NO);
    }

    static Field joined(KonversationInput input, String key) {
        return new Field(input, key, Form.JOINED);
    }

    static Field array(KonversationInput input, String key) {
        return new Field(input, key, Form.ARRAY);
    }

    static Field unixSeconds(KonversationInput input, String key) {
        return new Field(input, key, Form.UNIX_SECONDS);
    }

    static Field object(KonversationInput input, String key) {
        return new Field(input, key, Form.OBJECT);
    }

    static Field path(KonversationInput input, String key) {
        return new Field(input, key, Form.PATH);
    }

    /** A request field that must be there, from the body or from a value. */
    static Check required(String key, String what) {
        return (operation, request) -> {
            if (!has(request, key)) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " needs " + what);
            }
        };
    }

    /** A list of the body's own at most {@code max} long. */
    static Check atMost(String key, int max, String items) {
        return (operation, request) -> {
            JsonNode list = request.get(key);
            if (list != null && list.isArray() && list.size() > max) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " takes at most "
                                                   + max + " " + items + " in " + key + ", not " + list.size());
            }
        };
    }

    /** Unix seconds that konversation refuses when they lie more than a month back. */
    static Check withinLastMonth(String... keys) {
        return (operation, request) -> {
            long monthAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(1).toEpochSecond();
            Set<String> late = new LinkedHashSet<>();
            for (String key : keys) {
                JsonNode seconds = request.get(key);
                if (seconds != null && seconds.isNumber() && seconds.asLong() < monthAgo) {
                    late.add(key + " " + Instant.ofEpochSecond(seconds.asLong()));
                }
            }
            if (!late.isEmpty()) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " reads at most"
                                                   + " one month back (from " + Instant.ofEpochSecond(monthAgo)
                                                   + "), not " + String.join(" and ", late));
            }
        };
    }

    /** Two times of which the first must not come after the second. */
    static Check inOrder(String from, String to) {
        return (operation, request) -> {
            JsonNode start = request.get(from);
            JsonNode end = request.get(to);
            if (start != null && end != null && start.asLong() > end.asLong()) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " needs " + from
                                                   + " no later than " + to + ", not "
                                                   + Instant.ofEpochSecond(start.asLong()) + " after "
                                                   + Instant.ofEpochSecond(end.asLong()));
            }
        };
    }

    static boolean has(ObjectNode request, String dottedKey) {
        JsonNode node = request;
        for (String part : dottedKey.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank())
               && !(node.isContainerNode() && node.isEmpty());
    }

    // ---- helpers

    private static void put(ObjectNode request, String dottedKey, JsonNode value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode target = request;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = target.get(parts[i]);
            target = child instanceof ObjectNode object ? object : target.putObject(parts[i]);
        }
        target.set(parts[parts.length - 1], value);
    }

    private static List<String> segments(String template, Map<String, String> values) {
        List<String> segments = new ArrayList<>();
        for (String segment : template.split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                segments.add(values.get(segment.substring(1, segment.length() - 1)));
            } else {
                segments.add(segment);
            }
        }
        return segments;
    }

    static IllegalArgumentException needs(String operation, KonversationInput input, String field) {
        return new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " needs "
                                            + input.label() + ": set " + input.places(field));
    }

    private static IllegalArgumentException needsOneOf(String operation, List<Route> routes) {
        String alternatives = routes.stream().map(route -> route.when().stream().map(KonversationInput::label)
                .collect(Collectors.joining(" with "))).distinct().collect(Collectors.joining(", or "));
        return new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " needs "
                                            + alternatives + "; set each by its header (CamelKonversation followed"
                                            + " by the option's name), its field in the body or its option");
    }

    private static IllegalArgumentException limit(String problem, Given given) {
        return new IllegalArgumentException(KonversationOperation.VENDOR + ": " + problem + " (from " + given.source()
                                            + ")");
    }
}
