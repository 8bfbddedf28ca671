package io.github.camelchatbots.component.konversation.client;

import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationResult;
import io.github.camelchatbots.support.error.ChatbotCall;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.json.ChatbotJson;

/**
 * What an operation's answer is read into: the plain {@code {"status":"ok"}} of a write, one object (bare or under
 * {@code data}, as konversation sends both), or a page of a list with the paginator's {@code meta}.
 */
public final class KonversationAnswer {

    private enum Shape {
        OK, SINGLE, PAGE
    }

    private final Shape shape;
    private final Class<?> itemType;
    private final JavaType type;
    private final String requiredKey;

    private KonversationAnswer(Shape shape, Class<?> itemType, JavaType type, String requiredKey) {
        this.shape = shape;
        this.itemType = itemType;
        this.type = type;
        this.requiredKey = requiredKey;
    }

    /** {@code {"status":"ok"}}, as a {@link KonversationResult}. */
    public static KonversationAnswer ok() {
        return new KonversationAnswer(Shape.OK, KonversationResult.class,
                ChatbotJson.mapper().constructType(KonversationResult.class), null);
    }

    /**
     * One object.
     *
     * @param requiredKey a field without which the answer is malformed (the id of what was read), or null when a
     *                    write may be answered with no more than {@code {"status":"ok"}}
     */
    public static KonversationAnswer single(Class<?> type, String requiredKey) {
        return new KonversationAnswer(Shape.SINGLE, type, ChatbotJson.mapper().constructType(type), requiredKey);
    }

    /** A page of a list, as a {@link KonversationPage} of the items' record. */
    public static KonversationAnswer page(Class<?> itemType) {
        return new KonversationAnswer(Shape.PAGE, itemType, ChatbotJson.mapper().getTypeFactory()
                .constructParametricType(KonversationPage.class, itemType), null);
    }

    /** The record a single answer is, or a page's items are. */
    public Class<?> itemType() {
        return itemType;
    }

    public boolean isPage() {
        return shape == Shape.PAGE;
    }

    /** The Java type of what {@link #read} returns, e.g. {@code KonversationPage<KonversationTag>}. */
    public JavaType type() {
        return type;
    }

    Object read(ChatbotApiClient api, ChatbotCall call, JsonNode root) {
        return switch (shape) {
            case OK -> api.convert(call, root.isObject() ? root : ChatbotJson.mapper().createObjectNode(), type);
            case SINGLE -> {
                // konversation's spec shows these bare, its clients read them under data: both are read
                JsonNode object = root.path("data").isObject() ? root.get("data") : root;
                if (!object.isObject() || requiredKey != null && object.path(requiredKey).isMissingNode()) {
                    throw malformed(call, root, requiredKey != null ? "expected an object with '" + requiredKey + "'"
                            : "expected an object");
                }
                yield api.convert(call, object, type);
            }
            case PAGE -> {
                JsonNode data = root.isArray() ? root : root.get("data");
                if (data == null || !data.isArray()) {
                    throw malformed(call, root, "expected the list in 'data'");
                }
                KonversationPage<?> page = root.isArray()
                        ? new KonversationPage<>(api.convert(call, root, ChatbotJson.mapper().getTypeFactory()
                                .constructCollectionType(List.class, itemType)), null, null)
                        : api.convert(call, root, type);
                yield page;
            }
        };
    }

    private static ChatbotMalformedResponseException malformed(ChatbotCall call, JsonNode root, String problem) {
        return new ChatbotMalformedResponseException(call, 200, null, null, root.toString(), problem, null);
    }
}
