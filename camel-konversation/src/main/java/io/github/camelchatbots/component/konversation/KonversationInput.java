package io.github.camelchatbots.component.konversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelchatbots.component.konversation.model.KonversationFieldValue;
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.json.FlexibleInstantDeserializer;
import io.github.camelchatbots.support.producer.ExchangeValues;

/**
 * A value a konversation request takes, and where a producer finds it: its header, then its field in the body, then
 * its option (header {@code CamelKonversation<Option>}, option {@code <option>}). Which request field it fills, and
 * within which limits, is up to each operation ({@link KonversationOperation}).
 */
public enum KonversationInput {
    USER_NS("userNs", KonversationConstants.USER_NS, "user_ns", Kind.TEXT, KonversationConfiguration::getUserNs),
    USER_ID("userId", KonversationConstants.USER_ID, "user_id", Kind.TEXT, KonversationConfiguration::getUserId),
    TAG_NS("tagNs", KonversationConstants.TAG_NS, "tag_ns", Kind.LIST, KonversationConfiguration::getTagNs),
    TAG_NAME("tagName", KonversationConstants.TAG_NAME, "tag_name", Kind.TEXT, KonversationConfiguration::getTagName),
    TAG_NAMES("tagNames", KonversationConstants.TAG_NAMES, "tag_names", Kind.LIST,
            KonversationConfiguration::getTagNames),
    VAR_NS("varNs", KonversationConstants.VAR_NS, "var_ns", Kind.LIST, KonversationConfiguration::getVarNs),
    FIELD_NAME("fieldName", KonversationConstants.FIELD_NAME, "field_name", Kind.TEXT,
            KonversationConfiguration::getFieldName),
    FIELD_NAMES("fieldNames", KonversationConstants.FIELD_NAMES, "field_names", Kind.LIST,
            KonversationConfiguration::getFieldNames),
    FIELD_VALUE("fieldValue", KonversationConstants.FIELD_VALUE, "value", Kind.TEXT,
            KonversationConfiguration::getFieldValue),
    VAR_TYPE("varType", KonversationConstants.VAR_TYPE, "var_type", Kind.TEXT, KonversationConfiguration::getVarType),
    DESCRIPTION("description", KonversationConstants.DESCRIPTION, "description", Kind.TEXT,
            KonversationConfiguration::getDescription),
    DISPLAY_TYPE("displayType", KonversationConstants.DISPLAY_TYPE, "display_type", Kind.TEXT,
            KonversationConfiguration::getDisplayType),
    SUB_FLOW_NS("subFlowNs", KonversationConstants.SUB_FLOW_NS, "sub_flow_ns", Kind.TEXT,
            KonversationConfiguration::getSubFlowNs),
    FLOW_NAME("flowName", KonversationConstants.FLOW_NAME, "flow_name", Kind.TEXT,
            KonversationConfiguration::getFlowName),
    CONTENT("content", KonversationConstants.CONTENT, "content", Kind.TEXT, KonversationConfiguration::getContent),
    SEND_AS_AGENT("sendAsAgent", KonversationConstants.SEND_AS_AGENT, "send_as_agent", Kind.BOOLEAN,
            KonversationConfiguration::getSendAsAgent),
    TEMPLATE_NAMESPACE("templateNamespace", KonversationConstants.TEMPLATE_NAMESPACE, "template_namespace", Kind.TEXT,
            KonversationConfiguration::getTemplateNamespace),
    TEMPLATE_NAME("templateName", KonversationConstants.TEMPLATE_NAME, "template_name", Kind.TEXT,
            KonversationConfiguration::getTemplateName),
    TEMPLATE_LANG("templateLang", KonversationConstants.TEMPLATE_LANG, "template_lang", Kind.TEXT,
            KonversationConfiguration::getTemplateLang),
    CREATE_IF_NOT_FOUND("createIfNotFound", KonversationConstants.CREATE_IF_NOT_FOUND,
            "create_if_not_found", Kind.BOOLEAN,
            KonversationConfiguration::getCreateIfNotFound),
    USER_NS_LIST("userNsList", KonversationConstants.USER_NS_LIST, "user_ns_list", Kind.LIST,
            KonversationConfiguration::getUserNsList),
    EXCLUDE_TAG_NS("excludeTagNs", KonversationConstants.EXCLUDE_TAG_NS, "exclude_tags", Kind.LIST,
            KonversationConfiguration::getExcludeTagNs),
    BROADCAST_TYPE("broadcastType", KonversationConstants.BROADCAST_TYPE, "type", Kind.TEXT,
            KonversationConfiguration::getBroadcastType),
    BROADCAST_NAME("broadcastName", KonversationConstants.BROADCAST_NAME, "name", Kind.TEXT,
            KonversationConfiguration::getBroadcastName),
    SCHEDULED_TIME("scheduledTime", KonversationConstants.SCHEDULED_TIME, "scheduled_time", Kind.INSTANT,
            KonversationConfiguration::getScheduledTime),
    MAX_PER_MINUTE("maxPerMinute", KonversationConstants.MAX_PER_MINUTE, "max_per_minute", Kind.INTEGER,
            KonversationConfiguration::getMaxPerMinute),
    MESSAGE_TAG("messageTag", KonversationConstants.MESSAGE_TAG, "message_tag", Kind.TEXT,
            KonversationConfiguration::getMessageTag),
    PAGE("page", KonversationConstants.PAGE, "page", Kind.INTEGER, KonversationConfiguration::getPage),
    LIMIT("limit", KonversationConstants.LIMIT, "limit", Kind.INTEGER, KonversationConfiguration::getLimit),
    SEARCH("search", KonversationConstants.SEARCH, "name", Kind.TEXT, KonversationConfiguration::getSearch),
    PHONE("phone", KonversationConstants.PHONE, "phone", Kind.TEXT, KonversationConfiguration::getPhone),
    EMAIL("email", KonversationConstants.EMAIL, "email", Kind.TEXT, KonversationConfiguration::getEmail),
    CHANNEL("channel", KonversationConstants.CHANNEL, "is_channel", Kind.TEXT, KonversationConfiguration::getChannel),
    OPT_IN_EMAIL("optInEmail", KonversationConstants.OPT_IN_EMAIL, "is_opt_in_email", Kind.BOOLEAN,
            KonversationConfiguration::getOptInEmail),
    OPT_IN_SMS("optInSms", KonversationConstants.OPT_IN_SMS, "is_opt_in_sms", Kind.BOOLEAN,
            KonversationConfiguration::getOptInSms),
    INTERACTED_IN_LAST24H("interactedInLast24h", KonversationConstants.INTERACTED_IN_LAST24H,
            "is_interacted_in_last_24h", Kind.BOOLEAN,
            KonversationConfiguration::getInteractedInLast24h),
    BOT_INTERACTED_IN_LAST24H("botInteractedInLast24h", KonversationConstants.BOT_INTERACTED_IN_LAST24H,
            "is_bot_interacted_in_last_24h", Kind.BOOLEAN,
            KonversationConfiguration::getBotInteractedInLast24h),
    LAST_MESSAGE_IN_LAST24H("lastMessageInLast24h", KonversationConstants.LAST_MESSAGE_IN_LAST24H,
            "is_last_message_in_last_24h", Kind.BOOLEAN,
            KonversationConfiguration::getLastMessageInLast24h),
    SEGMENT_NS("segmentNs", KonversationConstants.SEGMENT_NS, "segment_ns", Kind.TEXT,
            KonversationConfiguration::getSegmentNs),
    LABEL_ID("labelId", KonversationConstants.LABEL_ID, "label_id", Kind.INTEGER,
            KonversationConfiguration::getLabelId),
    EVENT_NS("eventNs", KonversationConstants.EVENT_NS, "event_ns", Kind.TEXT, KonversationConfiguration::getEventNs),
    USER_FIELD_NS("userFieldNs", KonversationConstants.USER_FIELD_NS, "user_field_ns", Kind.TEXT,
            KonversationConfiguration::getUserFieldNs),
    USER_FIELD_VALUE("userFieldValue", KonversationConstants.USER_FIELD_VALUE, "user_field_value", Kind.TEXT,
            KonversationConfiguration::getUserFieldValue),
    INCLUDE_BOT("includeBot", KonversationConstants.INCLUDE_BOT, "include_bot", Kind.BOOLEAN,
            KonversationConfiguration::getIncludeBot),
    INCLUDE_NOTE("includeNote", KonversationConstants.INCLUDE_NOTE, "include_note", Kind.BOOLEAN,
            KonversationConfiguration::getIncludeNote),
    INCLUDE_SYSTEM("includeSystem", KonversationConstants.INCLUDE_SYSTEM, "include_system", Kind.BOOLEAN,
            KonversationConfiguration::getIncludeSystem),
    MSG_TYPE("msgType", KonversationConstants.MSG_TYPE, "msg_type", Kind.TEXT, KonversationConfiguration::getMsgType),
    START_TIME("startTime", KonversationConstants.START_TIME, "start_time", Kind.INSTANT,
            KonversationConfiguration::getStartTime),
    END_TIME("endTime", KonversationConstants.END_TIME, "end_time", Kind.INSTANT,
            KonversationConfiguration::getEndTime),
    PRODUCT_ID("productId", KonversationConstants.PRODUCT_ID, "product_id", Kind.INTEGER,
            KonversationConfiguration::getProductId),
    ORDER_ID("orderId", KonversationConstants.ORDER_ID, "order_id", Kind.INTEGER,
            KonversationConfiguration::getOrderId),
    VARIANT_ID("variantId", KonversationConstants.VARIANT_ID, "variant_id", Kind.INTEGER,
            KonversationConfiguration::getVariantId),
    QTY("qty", KonversationConstants.QTY, "qty", Kind.INTEGER, KonversationConfiguration::getQty),
    ORDER_STATUS("orderStatus", KonversationConstants.ORDER_STATUS, "status", Kind.TEXT,
            KonversationConfiguration::getOrderStatus),
    PRODUCT_TYPE_ID("productTypeId", KonversationConstants.PRODUCT_TYPE_ID, "product_type_id", Kind.INTEGER,
            KonversationConfiguration::getProductTypeId),
    VENDOR_ID("vendorId", KonversationConstants.VENDOR_ID, "vendor_id", Kind.INTEGER,
            KonversationConfiguration::getVendorId),
    SHIPPING_METHOD("shippingMethod", KonversationConstants.SHIPPING_METHOD, "shipping_method", Kind.TEXT,
            KonversationConfiguration::getShippingMethod),
    PAYMENT_METHOD("paymentMethod", KonversationConstants.PAYMENT_METHOD, "payment_method", Kind.TEXT,
            KonversationConfiguration::getPaymentMethod),
    FIELD_VALUES(null, KonversationConstants.FIELD_VALUES, "data", Kind.ITEMS, configuration -> null),
    TEMPLATE_PARAMS(null, KonversationConstants.TEMPLATE_PARAMS, "template_params", Kind.OBJECT, configuration -> null);

    /** What a value is, which decides how it is read from a header, a body field or an option. */
    enum Kind {
        TEXT,
        INTEGER,
        BOOLEAN,
        /** Several texts: a List, a JSON array, or text separated by commas. */
        LIST,
        /** An Instant, a Date, unix seconds or ISO-8601 text. */
        INSTANT,
        /** Fields with values: a Map of names to values, or the request's {@code data} items. */
        ITEMS,
        /** A JSON object: a Map, a record or JSON text. */
        OBJECT
    }

    private final String option;
    private final String header;
    private final String bodyField;
    private final Kind kind;
    private final Function<KonversationConfiguration, Object> configured;

    KonversationInput(String option, String header, String bodyField, Kind kind,
                      Function<KonversationConfiguration, Object> configured) {
        this.option = option;
        this.header = header;
        this.bodyField = bodyField;
        this.kind = kind;
        this.configured = configured;
    }

    /** The option that gives the value, or null when only a header or the body does. */
    public String option() {
        return option;
    }

    public String header() {
        return header;
    }

    /** The body field a producer reads the value from, unless an operation takes it under its wire name. */
    public String bodyField() {
        return bodyField;
    }

    Kind kind() {
        return kind;
    }

    /** What the endpoint's options (the component's, with the endpoint's over them) give, or null. */
    Object configured(KonversationConfiguration configuration) {
        return configured.apply(configuration);
    }

    /** How the value is named in errors: its option, or its header when it has none. */
    String label() {
        return option != null ? option : header;
    }

    /** Where the value can be set, for the error of an operation that needs it. */
    String places(String field) {
        return "the " + header + " header, a '" + field + "' field in the body" + (option != null ? " or the "
                + option + " option" : "");
    }

    /**
     * The exchange's value, in the form {@link KonversationOperation} writes into requests: String, Integer, Boolean,
     * List of String, Instant, List of {@link KonversationFieldValue} or ObjectNode; null when none is given.
     *
     * @param  field                    the body field to read
     * @throws IllegalArgumentException naming the header, body field or option whose value does not parse
     */
    Given read(ExchangeValues values, String field, KonversationConfiguration configuration) {
        Object fromOptions = configured(configuration);
        return switch (kind) {
            case TEXT -> given(values.text(header, field, (String) fromOptions), values, field);
            case BOOLEAN -> given(values.bool(option, header, field, (Boolean) fromOptions), values, field);
            case INTEGER -> given(values.integer(option, header, field, (Integer) fromOptions, 0), values, field);
            default -> {
                Given raw = raw(values, field, fromOptions);
                yield raw == null ? null : new Given(convert(raw), raw.source());
            }
        };
    }

    /**
     * A value given in Java (by a typed client method, or as an option), converted as one from an exchange would be.
     *
     * @param source where it came from, for errors, e.g. {@code option limit}
     */
    Given of(Object value, String source) {
        if (!present(value)) {
            return null;
        }
        return new Given(convert(new Given(value, source)), source);
    }

    /** A value and where it came from, e.g. {@code header CamelKonversationLimit}. */
    record Given(Object value, String source) {
    }

    private Given given(Object value, ExchangeValues values, String field) {
        if (value == null) {
            return null;
        }
        return new Given(value, present(values.message().getHeader(header)) ? "header " + header
                : bodyValue(values, field) != null ? "body field '" + field + "'" : "option " + option);
    }

    private Given raw(ExchangeValues values, String field, Object fromOptions) {
        Object fromHeader = values.message().getHeader(header);
        if (present(fromHeader)) {
            return new Given(fromHeader, "header " + header);
        }
        JsonNode fromBody = bodyValue(values, field);
        if (fromBody != null) {
            return new Given(fromBody, "body field '" + field + "'");
        }
        return present(fromOptions) ? new Given(fromOptions, "option " + option) : null;
    }

    private static JsonNode bodyValue(ExchangeValues values, String field) {
        JsonNode body = field == null ? null : values.bodyObject();
        JsonNode value = body == null ? null : body.get(field);
        return value == null || value.isNull() || value.isTextual() && value.asText().isBlank() ? null : value;
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof CharSequence text && text.toString().isBlank());
    }

    private Object convert(Given given) {
        return switch (kind) {
            case LIST -> texts(given);
            case INSTANT -> instant(given);
            case ITEMS -> items(given);
            case OBJECT -> object(given);
            case INTEGER -> integer(given);
            case BOOLEAN -> bool(given);
            case TEXT -> given.value().toString();
        };
    }

    private static Boolean bool(Given given) {
        if (given.value() instanceof Boolean flag) {
            return flag;
        }
        String text = given.value().toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw invalid(given, "true or false");
    }

    private static Integer integer(Given given) {
        if (given.value() instanceof Integer number) {
            return number;
        }
        try {
            return Integer.valueOf(given.value().toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(given, "a whole number");
        }
    }

    private static List<String> texts(Given given) {
        List<String> texts = new ArrayList<>();
        Object value = given.value();
        if (value instanceof JsonNode node && node.isArray()) {
            node.forEach(element -> addText(texts, element.isValueNode() ? element.asText() : null, given));
        } else if (value instanceof Iterable<?> iterable && !(value instanceof JsonNode)) {
            iterable.forEach(element -> addText(texts, element == null ? null : element.toString(), given));
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                addText(texts, element == null ? null : element.toString(), given);
            }
        } else {
            String text = value instanceof JsonNode node ? node.asText() : value.toString();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    texts.add(part.trim());
                }
            }
        }
        return texts;
    }

    private static void addText(List<String> texts, String text, Given given) {
        if (text == null || text.isBlank()) {
            throw invalid(given, "a list of non-empty texts");
        }
        texts.add(text.trim());
    }

    private static Instant instant(Given given) {
        Object value = given.value();
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = value instanceof JsonNode node ? node.asText() : value.toString();
        // digits are unix seconds, as the API takes its times (the lenient parser would read 12 of them as millis)
        if (text.trim().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(text.trim()));
        }
        Instant parsed = FlexibleInstantDeserializer.parse(text);
        if (parsed == null) {
            throw invalid(given, "an ISO-8601 instant such as 2024-08-01T09:00:00Z or unix seconds");
        }
        return parsed;
    }

    /** A Map gives fields by name; {@code data} items give them by namespace or by name, as the API has them. */
    private static List<KonversationFieldValue> items(Given given) {
        Object value = given.value();
        List<KonversationFieldValue> items = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, fieldValue) -> items.add(KonversationFieldValue.byName(String.valueOf(name),
                    fieldValue)));
            return items;
        }
        JsonNode node = value instanceof JsonNode json ? json : ChatbotJson.mapper().valueToTree(value);
        if (!node.isArray()) {
            throw invalid(given, "a Map of field names to values, or a list of {var_ns or name, value} items");
        }
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw invalid(given, "a list of {var_ns or name, value} items");
            }
            items.add(ChatbotJson.mapper().convertValue(item, KonversationFieldValue.class));
        }
        return items;
    }

    private static ObjectNode object(Given given) {
        Object value = given.value();
        JsonNode node;
        try {
            node = value instanceof JsonNode json ? json
                    : value instanceof CharSequence text ? ChatbotJson.mapper().readTree(text.toString())
                    : ChatbotJson.mapper().valueToTree(value);
        } catch (Exception e) {
            throw invalid(given, "a JSON object");
        }
        if (!(node instanceof ObjectNode object)) {
            throw invalid(given, "a JSON object");
        }
        return object;
    }

    private static IllegalArgumentException invalid(Given given, String expected) {
        return new IllegalArgumentException(KonversationOperation.VENDOR + ": " + given.source() + " must be "
                                            + expected + ", not " + Texts.quote(given.value()));
    }
}
