package io.github.camelchatbots.component.engati.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelchatbots.component.engati.model.EngatiConversationPage;
import io.github.camelchatbots.component.engati.model.EngatiMessage;
import io.github.camelchatbots.component.engati.model.EngatiResult;
import io.github.camelchatbots.component.engati.model.EngatiStatus;
import io.github.camelchatbots.component.engati.model.EngatiTemplate;
import io.github.camelchatbots.component.engati.model.EngatiTemplateResult;
import io.github.camelchatbots.component.engati.model.EngatiUser;
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.error.ChatbotCall;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.VendorErrorModel;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Engati's APIs for one bot, typed. Every input is checked before it is sent, and every answer is read through
 * Engati's envelope ({@link #ERRORS}). Engati shows most answers only as images, so where the payload's shape is
 * inferred the lists are found wherever plausible clients have met them, and every field is kept.
 */
public final class EngatiClient {

    public static final VendorErrorModel ERRORS = new EngatiErrorModel();
    /** The attribute of an API trigger that names the user, for WhatsApp the phone number with country code. */
    public static final String PHONE_ATTRIBUTE = "user.phone_no";

    private static final List<String> USER_LISTS = List.of("users", "data", "content");
    private static final List<String> MESSAGE_LISTS = List.of("conversations", "messages", "data", "content");
    private static final ContentType CSV = ContentType.create("text/csv", StandardCharsets.UTF_8);

    private final ChatbotApiClient api;
    private final MultipartPost multipart;
    private final String customerId;
    private final String botKey;

    /**
     * @param multipart how the broadcast's multipart body is sent, with the same credential and HTTP client as
     *                  {@code api}
     */
    public EngatiClient(ChatbotApiClient api, MultipartPost multipart, String customerId, String botKey) {
        this.api = api;
        this.multipart = multipart;
        this.customerId = EngatiIds.customerId("customerId", customerId);
        this.botKey = EngatiIds.botKey("botKey", botKey);
    }

    public ChatbotApiClient api() {
        return api;
    }

    /** The users whose attribute {@code attributeName} equals {@code attributeValue}. */
    public List<EngatiUser> users(String attributeName, String attributeValue) {
        require("attributeName", attributeName);
        require("attributeValue", attributeValue);
        ChatbotApiClient.Request request = api.get(botApi("v1.0", "users"))
                .query("attribute_name", attributeName).query("attribute_value", attributeValue);
        JsonNode payload = request.payload();
        Found list = find(request.call(), payload, USER_LISTS, "users");
        List<EngatiUser> users = new ArrayList<>(list.items().size());
        for (JsonNode item : list.items()) {
            if (!item.isObject()) {
                throw malformed(request.call(), payload, "a user that is not a JSON object: " + item);
            }
            users.add(api.convert(request.call(), item, EngatiUser.class));
        }
        return users;
    }

    /**
     * One page of a user's chat history, messages dated from {@code startDate} to {@code endDate}.
     *
     * @param startDate  null for the whole history
     * @param endDate    null for up to now
     * @param pageNumber the page in Engati's own numbering; null for its first page
     * @param pageSize   messages per page; null for Engati's default (500)
     */
    public EngatiConversationPage conversations(String channelUserId, Instant startDate, Instant endDate,
                                                Integer pageNumber, Integer pageSize) {
        String user = EngatiIds.channelUserId("channelUserId", channelUserId);
        if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": startDate " + startDate
                                               + " must not be after endDate " + endDate);
        }
        if (pageNumber != null && pageNumber < 0) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": pageNumber must not be negative, not "
                                               + pageNumber);
        }
        if (pageSize != null && pageSize < 1) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": pageSize must be at least 1, not " + pageSize);
        }
        ChatbotApiClient.Request request = api.get(botApi("v1.0", "channel-user", user, "conversations"))
                .query("start_date", startDate == null ? null : startDate.toEpochMilli())
                .query("end_date", endDate == null ? null : endDate.toEpochMilli())
                .query("page_number", pageNumber)
                .query("page_size", pageSize);
        JsonNode payload = request.payload();
        Found list = find(request.call(), payload, MESSAGE_LISTS, "messages");
        List<EngatiMessage> messages = new ArrayList<>(list.items().size());
        for (JsonNode item : list.items()) {
            if (!item.isObject()) {
                throw malformed(request.call(), payload, "a message that is not a JSON object: " + item);
            }
            EngatiMessage message = api.convert(request.call(), item, EngatiMessage.class);
            messages.add(message.channelUserId() == null ? message.withChannelUserId(user) : message);
        }
        return new EngatiConversationPage(user, pageNumber, pageSize, messages, list.metadata());
    }

    /**
     * Runs a flow for a user, as an API trigger does: v2 sends the attributes as one flat JSON object, v1 as query
     * parameters. The user is named by {@link #PHONE_ATTRIBUTE} for WhatsApp; Engati creates the user when needed.
     *
     * @param attributes keys as given ({@code user.channel}, {@code user.phone_no}, ...), values text, numbers or
     *                   booleans
     */
    public EngatiResult triggerFlow(String flowKey, Map<String, ?> attributes, boolean queryParameters) {
        String flow = EngatiIds.flowKey("flowKey", flowKey);
        Map<String, Object> flat = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(EngatiIds.VENDOR + ": a triggerFlow attribute has no name");
            }
            boolean container = value instanceof JsonNode node ? node.isContainerNode()
                    : value instanceof Map<?, ?> || value instanceof Iterable<?> || value instanceof Object[];
            if (container) {
                throw new IllegalArgumentException(EngatiIds.VENDOR + ": triggerFlow attribute " + Texts.quote(key)
                                                   + " must be text, a number or a boolean: Engati takes one flat"
                                                   + " object, with dotted names such as user.phone_no");
            }
            flat.put(key, value instanceof JsonNode node ? (node.isNull() ? null : node.isTextual() ? node.asText()
                    : node) : value);
        });
        ChatbotApiClient.Request request;
        if (queryParameters) {
            ChatbotApiClient.Request v1 = api.post(botApi("v1.0", "flow", flow));
            flat.forEach((key, value) -> v1.query(key, value == null ? null : value.toString()));
            request = v1;
        } else {
            request = api.post(botApi("v2.0", "flow", flow)).body(flat);
        }
        return result(request.call(), request.execute());
    }

    /** Sends one WhatsApp template message; the answer carries WhatsApp's message id. */
    public EngatiTemplateResult sendTemplate(String phoneNumber, EngatiTemplate template) {
        String phone = EngatiIds.phoneNumber("phoneNumber", phoneNumber);
        checkTemplate(template);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phoneNumber", phone);
        body.put("payload", template);
        ChatbotApiClient.Request request = api.post(whatsappApi("template")).body(body);
        JsonNode answer = request.execute();
        JsonNode payload = ERRORS.payload(answer);
        Map<String, Object> rest = new LinkedHashMap<>();
        String messageId = null;
        if (payload.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (messageId == null && (field.getKey().equals("message_id") || field.getKey().equals("messageId"))
                    && field.getValue().isValueNode() && !field.getValue().isNull()) {
                    messageId = field.getValue().asText();
                } else {
                    rest.put(field.getKey(), ChatbotJson.mapper().convertValue(field.getValue(), Object.class));
                }
            }
        }
        // the message went out even when the answer names no id: failing now would invite sending it again
        return new EngatiTemplateResult(messageId, status(request.call(), answer), rest);
    }

    /**
     * Starts an external broadcast of a template to the recipients of a CSV file. Engati delivers it later (5 to 15
     * minutes) and reports nothing per message.
     *
     * @param broadcastId the broadcast's name
     */
    public EngatiResult broadcast(String broadcastId, EngatiTemplate template, AudienceFile audience) {
        require("broadcastId", broadcastId);
        checkTemplate(template);
        if (audience.size() == 0) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": the broadcast's recipients file "
                                               + Texts.quote(audience.fileName()) + " is empty");
        }
        String payload;
        try {
            payload = ChatbotJson.mapper().writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": the template cannot be written as JSON: "
                                               + e.getOriginalMessage(), e);
        }
        // as curl --form sends it: no charset on the form itself, part headers only where a file needs them
        HttpEntity form = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setContentType(ContentType.create("multipart/form-data", (java.nio.charset.Charset) null))
                .setCharset(StandardCharsets.UTF_8)
                .addBinaryBody("target_audience", audience.content(), CSV, audience.fileName())
                .addTextBody("template_payload", payload, ContentType.APPLICATION_JSON)
                .build();
        String[] path = whatsappApi("external", "broadcast");
        JsonNode answer = multipart.post(List.of(Map.entry("broadcast_id", broadcastId)), form, path);
        return result(multipart.call(path), answer);
    }

    private EngatiResult result(ChatbotCall call, JsonNode answer) {
        JsonNode payload = answer.isMissingNode() ? NullNode.getInstance() : ERRORS.payload(answer);
        return new EngatiResult(status(call, answer), payload.isMissingNode() ? NullNode.getInstance() : payload);
    }

    private EngatiStatus status(ChatbotCall call, JsonNode answer) {
        JsonNode status = answer.isObject() ? answer.get("status") : null;
        if (status == null || !status.isObject()) {
            return null;
        }
        return api.convert(call, status, EngatiStatus.class);
    }

    /** What WhatsApp needs to find the template: its name and language code. */
    private static void checkTemplate(EngatiTemplate template) {
        if (template == null) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": a template is required (name and language)");
        }
        if (template.name() == null || template.name().isBlank()) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": the template's name is required");
        }
        if (template.language() == null || template.language().code() == null
            || template.language().code().isBlank()) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": the template's language code is required, e.g."
                                               + " en_US");
        }
    }

    private String[] botApi(String version, String... rest) {
        return path("bot-api", version, rest);
    }

    private String[] whatsappApi(String... rest) {
        return path("whatsapp-api", "v1.0", rest);
    }

    private String[] path(String api, String version, String... rest) {
        List<String> segments = new ArrayList<>(List.of(api, version, "customer", customerId, "bot", botKey));
        segments.addAll(List.of(rest));
        return segments.toArray(String[]::new);
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": " + name + " is required");
        }
    }

    /** A list found in an answer, and every other field beside it. */
    private record Found(List<JsonNode> items, Map<String, Object> metadata) {
    }

    /**
     * The list in a payload: the payload itself, or under one of {@code keys} (one level deeper too, as in a page
     * object), or the only list of an object. An empty or null payload is an empty list.
     */
    private static Found find(ChatbotCall call, JsonNode payload, List<String> keys, String what) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        JsonNode list = find(payload, keys, metadata, 0);
        if (list == null) {
            if (payload == null || payload.isNull() || payload.isMissingNode()
                || payload.isObject() && payload.isEmpty()) {
                return new Found(List.of(), metadata);
            }
            throw malformed(call, payload, "expected the " + what + " as a list, in responseObject or under one of "
                                           + keys);
        }
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        return new Found(items, metadata);
    }

    private static JsonNode find(JsonNode node, List<String> keys, Map<String, Object> metadata, int depth) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node;
        }
        if (!node.isObject() || depth > 1) {
            return null;
        }
        String listKey = null;
        JsonNode list = null;
        for (String key : keys) {
            JsonNode candidate = node.get(key);
            if (candidate != null && candidate.isArray()) {
                listKey = key;
                list = candidate;
                break;
            }
        }
        if (list == null) {
            for (String key : keys) {
                JsonNode candidate = node.get(key);
                if (candidate != null && candidate.isObject()) {
                    JsonNode inner = find(candidate, keys, metadata, depth + 1);
                    if (inner != null) {
                        listKey = key;
                        list = inner;
                        break;
                    }
                }
            }
        }
        if (list == null) {
            for (String key : keys) {
                if (node.has(key) && node.get(key).isNull()) {
                    // a list Engati leaves null: none
                    listKey = key;
                    list = ChatbotJson.mapper().createArrayNode();
                    break;
                }
            }
        }
        if (list == null) {
            List<String> arrays = new ArrayList<>();
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isArray()) {
                    arrays.add(field.getKey());
                }
            });
            if (arrays.size() == 1) {
                listKey = arrays.get(0);
                list = node.get(listKey);
            }
        }
        if (list != null) {
            ObjectNode rest = ((ObjectNode) node).deepCopy();
            rest.remove(listKey);
            rest.fields().forEachRemaining(field -> metadata.putIfAbsent(field.getKey(),
                    ChatbotJson.mapper().convertValue(field.getValue(), Object.class)));
        }
        return list;
    }

    private static ChatbotMalformedResponseException malformed(ChatbotCall call, JsonNode root, String problem) {
        return new ChatbotMalformedResponseException(call, 200, null, null, root.toString(), problem, null);
    }
}
