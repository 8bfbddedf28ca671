package io.github.camelchatbots.component.konversation;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelchatbots.component.konversation.KonversationCall.Batch;
import io.github.camelchatbots.component.konversation.KonversationCall.Check;
import io.github.camelchatbots.component.konversation.KonversationCall.Field;
import io.github.camelchatbots.component.konversation.KonversationCall.Route;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.producer.ExchangeValues;

import static io.github.camelchatbots.component.konversation.KonversationCall.flag;
import static io.github.camelchatbots.component.konversation.KonversationCall.get;
import static io.github.camelchatbots.component.konversation.KonversationCall.object;
import static io.github.camelchatbots.component.konversation.KonversationCall.path;
import static io.github.camelchatbots.component.konversation.KonversationCall.unixSeconds;
import static io.github.camelchatbots.component.konversation.KonversationCall.value;

/**
 * The fields and checks that several operations share, and konversation's documented limits: lists of 1 to 100 per
 * page, flow and shop lists of up to 100 pages and subscribers of up to 1000, batches of up to 20 tags or fields,
 * 100 subscribers per createSubscribers with up to 10 tags and 10 field values each.
 */
final class Fields {

    static final int MAX_LIMIT = 100;
    static final int MAX_BATCH = 20;
    static final int MAX_NEW_SUBSCRIBERS = 100;
    static final int MAX_NEW_SUBSCRIBER_TAGS = 10;
    static final int MAX_NEW_SUBSCRIBER_FIELDS = 10;

    private Fields() {
    }

    static Field limit() {
        return value(KonversationInput.LIMIT, "limit").between(1, MAX_LIMIT);
    }

    static Field page(int maxPage) {
        return value(KonversationInput.PAGE, "page").between(1, maxPage);
    }

    static Field search() {
        return value(KonversationInput.SEARCH, "name");
    }

    static Field userNs() {
        return value(KonversationInput.USER_NS, "user_ns").required();
    }

    static Field variant() {
        return value(KonversationInput.VARIANT_ID, "variant_id").required().between(1, Integer.MAX_VALUE);
    }

    static Field product() {
        return path(KonversationInput.PRODUCT_ID, "productId").between(1, Integer.MAX_VALUE);
    }

    static Field maxPerMinute() {
        return value(KonversationInput.MAX_PER_MINUTE, "max_per_minute").between(1, Integer.MAX_VALUE);
    }

    /** A field of the template's {@code content}. */
    static Field template(KonversationInput input) {
        return switch (input) {
            case TEMPLATE_NAMESPACE -> value(input, "content.namespace");
            case TEMPLATE_NAME -> value(input, "content.name");
            case TEMPLATE_LANG -> value(input, "content.lang");
            case TEMPLATE_PARAMS -> object(input, "content.params");
            default -> throw new IllegalArgumentException(input + " is no field of a template");
        };
    }

    /** The chat history of one subscriber, named by {@code who}. */
    static Route chat(Field who) {
        return get("subscriber/chat-messages", who, flag(KonversationInput.INCLUDE_BOT, "include_bot"),
                flag(KonversationInput.INCLUDE_NOTE, "include_note"),
                flag(KonversationInput.INCLUDE_SYSTEM, "include_system"), value(KonversationInput.MSG_TYPE, "msg_type"),
                unixSeconds(KonversationInput.START_TIME, "start_time"),
                unixSeconds(KonversationInput.END_TIME, "end_time"), limit(),
                value(KonversationInput.PAGE, "page").between(1, Integer.MAX_VALUE));
    }

    /** One of konversation's batch changes, of at most 20 items. */
    static Batch batch(String method, String onePath, String manyPath, KonversationInput byNs,
                       KonversationInput byName, String nsKey, String oneNameKey, String manyNameKey,
                       boolean withValue, String items, Field... common) {
        return new Batch(method, onePath, manyPath, byNs, byName, nsKey, oneNameKey, manyNameKey, withValue, MAX_BATCH,
                items, List.of(common));
    }

    /** {@code data} of {@code sendContent} for a text body: one text message. */
    static JsonNode textContent(String text) {
        ObjectNode data = ChatbotJson.mapper().createObjectNode().put("version", "v1");
        data.putObject("content").putArray("messages").addObject().put("type", "text").put("text", text);
        return data;
    }

    static Check requiredWith(String key, String needed, String problem) {
        return (operation, request) -> {
            if (KonversationCall.has(request, key) && !KonversationCall.has(request, needed)) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + ": " + problem);
            }
        };
    }

    static Check phoneOrEmail() {
        return (operation, request) -> {
            if (!KonversationCall.has(request, "phone") && !KonversationCall.has(request, "email")) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " needs a phone"
                                                   + " number or an e-mail address: set phone or email (header,"
                                                   + " body field or option)");
            }
        };
    }

    /** Every user is checked before the request goes, as konversation checks them all before creating any. */
    static Check newSubscribers() {
        return (operation, request) -> {
            JsonNode users = request.get("users");
            if (users == null || !users.isArray() || users.isEmpty()) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " needs its users"
                                                   + " as the body: a KonversationNewSubscribers, a List of"
                                                   + " KonversationNewSubscriber, or JSON");
            }
            if (users.size() > MAX_NEW_SUBSCRIBERS) {
                throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + " takes at most "
                                                   + MAX_NEW_SUBSCRIBERS + " users at once, not " + users.size());
            }
            for (int index = 0; index < users.size(); index++) {
                JsonNode user = users.get(index);
                String name = "users." + index;
                if (!(user instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + ": " + name
                                                       + " must be an object");
                }
                if (!KonversationCall.has(object, "phone") && !KonversationCall.has(object, "email")) {
                    throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + ": " + name
                                                       + " needs a phone number or an e-mail address");
                }
                atMost(operation, object, name, "tags", MAX_NEW_SUBSCRIBER_TAGS);
                atMost(operation, object, name, "user_fields", MAX_NEW_SUBSCRIBER_FIELDS);
            }
        };
    }

    private static void atMost(String operation, ObjectNode user, String name, String key, int max) {
        JsonNode list = user.get(key);
        if (list != null && list.isArray() && list.size() > max) {
            throw new IllegalArgumentException(KonversationOperation.VENDOR + ": " + operation + ": " + name + "."
                                               + key + " takes at most " + max + ", not " + list.size());
        }
    }

    /** A body that is a list (a Java collection or array, or JSON text of an array), or null. */
    static JsonNode listBody(ExchangeValues values) {
        Object body = values.message().getBody();
        if (body instanceof Collection<?> || body instanceof Object[]) {
            return ChatbotJson.mapper().valueToTree(body);
        }
        if (body instanceof JsonNode node) {
            return node.isArray() ? node : null;
        }
        if (body instanceof CharSequence || body instanceof byte[] || body instanceof InputStream) {
            String text = values.message().getBody(String.class);
            if (body instanceof InputStream) {
                values.message().setBody(text);
            }
            if (text != null && text.stripLeading().startsWith("[")) {
                try {
                    return ChatbotJson.mapper().readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(KonversationOperation.VENDOR + ": a body that starts with '['"
                                                       + " but is not valid JSON (" + e.getOriginalMessage() + ")", e);
                }
            }
        }
        return null;
    }

    /** The body's text when it is text and no JSON object, else null. */
    static String textBody(ExchangeValues values) {
        if (values.bodyObject() != null) {
            return null;
        }
        Object body = values.message().getBody();
        if (!(body instanceof CharSequence || body instanceof byte[])) {
            return null;
        }
        String text = values.message().getBody(String.class);
        return text == null || text.isBlank() ? null : text;
    }
}
