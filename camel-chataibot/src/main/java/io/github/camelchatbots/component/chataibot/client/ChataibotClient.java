package io.github.camelchatbots.component.chataibot.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chataibot.ChataibotReplyMapper;
import io.github.camelchatbots.component.chataibot.model.ChataibotConversationStart;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessage;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessageSent;
import io.github.camelchatbots.component.chataibot.model.ChataibotReply;
import io.github.camelchatbots.component.chataibot.model.ChataibotSource;
import io.github.camelchatbots.component.chataibot.model.ChataibotUploadedSources;
import io.github.camelchatbots.component.chataibot.model.ChataibotVariables;
import io.github.camelchatbots.support.error.ChatbotCall;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.VendorErrorModel;
import io.github.camelchatbots.support.json.ChatbotJson;

/**
 * ChatAIBot's API, typed: the API channel's two calls (start a conversation, send the visitor's message) and the
 * knowledge-base sources (upload, status). Requests are written exactly in the documented shape and field order;
 * an answer counts only with {@code "ok": true}.
 */
public final class ChataibotClient {

    public static final VendorErrorModel ERRORS = new ChataibotErrorModel();

    static final String CHANNEL = "API";
    static final String VISITOR = "VISITOR";

    private static final JavaType SOURCES = ChatbotJson.mapper().getTypeFactory()
            .constructCollectionType(List.class, ChataibotSource.class);

    private final ChatbotApiClient api;
    private final MultipartRequest uploads;
    private final ChataibotReplyMapper replyMapper;

    /**
     * @param uploads     sends the upload form; null for a client that does not upload
     * @param replyMapper reads the replies a send-message answer may carry
     */
    public ChataibotClient(ChatbotApiClient api, MultipartRequest uploads, ChataibotReplyMapper replyMapper) {
        this.api = api;
        this.uploads = uploads;
        this.replyMapper = replyMapper;
    }

    public ChatbotApiClient api() {
        return api;
    }

    /** {@code POST /api/v1/conversations}: opens a conversation for the visitor with their first message. */
    public ChataibotConversationStart startConversation(String botKey, String userExternalId, ChataibotMessage message,
                                                       ChataibotVariables variables) {
        ChatbotApiClient.Request request = api.post("api", "v1", "conversations")
                .body(new StartRequest(CHANNEL, message, variables, botKey, new Visitor(userExternalId, VISITOR)));
        JsonNode root = ok(request);
        JsonNode id = root.path("conversation").path("id");
        if (!id.isValueNode() || id.asText().isBlank()) {
            throw malformed(request.call(), root, "expected the new conversation's id in 'conversation.id'");
        }
        return api.convert(request.call(), root, ChataibotConversationStart.class);
    }

    /**
     * {@code POST /api/v1/conversation/{id}/messages}: the visitor's next message. The answer documents only
     * {@code message_id}; replies it carries in {@code replies} are read with the reply mapper.
     */
    public ChataibotMessageSent sendMessage(String conversationId, ChataibotMessage message) {
        ChatbotApiClient.Request request = api.post("api", "v1", "conversation", conversationId, "messages")
                .body(new SendRequest(message, new User(VISITOR)));
        JsonNode root = ok(request);
        JsonNode messageId = root.path("message_id");
        List<ChataibotReply> replies = new ArrayList<>();
        JsonNode inAnswer = root.path("replies");
        if (inAnswer.isArray()) {
            for (JsonNode entry : inAnswer) {
                ChataibotReply reply;
                try {
                    reply = replyMapper.toReply(entry);
                } catch (RuntimeException e) {
                    throw malformed(request.call(), root, "a reply in the answer cannot be read: " + e.getMessage());
                }
                if (reply == null) {
                    continue;
                }
                replies.add(reply.conversationId() != null ? reply : new ChataibotReply(conversationId,
                        reply.messageId(), reply.message(), reply.from(), reply.createdAt(), reply.other()));
            }
        }
        return new ChataibotMessageSent(conversationId, messageId.isValueNode() ? messageId.asText() : null, replies,
                null);
    }

    /**
     * {@code POST /api/v1/ai/knowledge-base/{id}/upload/sources}, a multipart form with one field per source.
     *
     * @throws IllegalStateException when this client was made without an upload sender
     */
    public ChataibotUploadedSources uploadSources(String knowledgeBaseId, List<MultipartRequest.Part> parts) {
        if (uploads == null) {
            throw new IllegalStateException("this ChatAIBot client does not upload");
        }
        String[] path = { "api", "v1", "ai", "knowledge-base", knowledgeBaseId, "upload", "sources" };
        JsonNode root = uploads.post(parts, path);
        ChatbotCall call = uploads.call(path);
        if (!ChataibotErrorModel.isOk(root)) {
            throw malformed(call, root, "expected an answer with \"ok\": true");
        }
        Map<String, List<ChataibotSource>> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            if (field.getValue().isArray()) {
                fields.put(field.getKey(), api.convert(call, field.getValue(), SOURCES));
            }
        });
        JsonNode knowledgeBase = root.path("knowledge_base_id");
        return new ChataibotUploadedSources(knowledgeBase.canConvertToLong() ? knowledgeBase.asLong() : null, fields);
    }

    /** {@code GET /api/v1/ai/status/sources?source_ids=1,2}: the sources ChatAIBot knows of these ids. */
    public List<ChataibotSource> sourceStatus(List<Long> sourceIds) {
        ChatbotApiClient.Request request = api.get("api", "v1", "ai", "status", "sources")
                .query("source_ids", sourceIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        JsonNode root = ok(request);
        JsonNode sources = root.path("sources");
        if (!sources.isArray()) {
            throw malformed(request.call(), root, "expected the sources in 'sources'");
        }
        return api.convert(request.call(), sources, SOURCES);
    }

    /**
     * The answer, which the API client has already refused unless it says {@code "ok": true}; an empty answer gets
     * this far, and is refused here.
     */
    private static JsonNode ok(ChatbotApiClient.Request request) {
        JsonNode root = request.execute();
        if (!ChataibotErrorModel.isOk(root)) {
            throw malformed(request.call(), root, "expected an answer with \"ok\": true");
        }
        return root;
    }

    private static ChatbotMalformedResponseException malformed(ChatbotCall call, JsonNode root, String problem) {
        return new ChatbotMalformedResponseException(call, 200, null, null, root.isMissingNode() ? "" : root.toString(),
                problem, null);
    }

    /** The documented start request, in the documented order. */
    @JsonPropertyOrder({ "channel", "message", "variables", "bot_key", "from" })
    private record StartRequest(String channel, ChataibotMessage message, ChataibotVariables variables,
                                @JsonProperty("bot_key") String botKey, Visitor from) {
    }

    @JsonPropertyOrder({ "user_external_id", "type" })
    private record Visitor(@JsonProperty("user_external_id") String userExternalId, String type) {
    }

    private record SendRequest(ChataibotMessage message, User user) {
    }

    private record User(String type) {
    }
}
