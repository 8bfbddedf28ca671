package io.github.camelchatbots.component.chatbotcom.client;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomCreateUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQuery;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQueryResponse;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomResult;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomSegment;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomSessionAttributes;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomStory;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUpdateUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserDetails;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserFilter;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserPage;
import io.github.camelchatbots.support.error.ChatbotCall;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.VendorErrorModel;
import io.github.camelchatbots.support.json.ChatbotJson;

/**
 * ChatBot.com's REST API, typed. Every input is checked against the documented limits before it is sent. Where the
 * documentation shows one answer shape and other sources another (a created user as an array or an object, lists
 * bare or in {@code data}), both are read.
 */
public final class ChatbotcomClient {

    public static final VendorErrorModel ERRORS = new ChatbotcomErrorModel();

    private static final JavaType CHATS = listOf(ChatbotcomChat.class);
    private static final JavaType USERS = listOf(ChatbotcomUser.class);
    private static final JavaType SEGMENTS = listOf(ChatbotcomSegment.class);
    private static final JavaType STORIES = listOf(ChatbotcomStory.class);

    private final ChatbotApiClient api;

    public ChatbotcomClient(ChatbotApiClient api) {
        this.api = api;
    }

    public ChatbotApiClient api() {
        return api;
    }

    /** Without a userId, one is made up (a UUID, as ChatBot.com documents), unless default_email names the user. */
    public ChatbotcomResult createUser(ChatbotcomCreateUser user) {
        ChatbotcomLimits.check(user);
        if (user.userId() == null && user.attributes().get("default_email") == null) {
            user = new ChatbotcomCreateUser(UUID.randomUUID().toString(), user.segments(), user.attributes());
        }
        return result(api.post("users").body(user));
    }

    public ChatbotcomUserPage users(UserListing listing) {
        ChatbotcomLimits.check(listing);
        // nested parameters in the bracket form Node back ends read; ChatBot.com does not document the encoding
        ChatbotApiClient.Request request = api.get("users").query("limit", listing.limit())
                .query("after", listing.after()).query("sort.field", listing.sortField())
                .query("sort.order", listing.sortOrder()).query("match", listing.match());
        for (int index = 0; index < listing.filters().size(); index++) {
            ChatbotcomUserFilter filter = listing.filters().get(index);
            request.query("filters[" + index + "][attribute]", filter.attribute())
                    .query("filters[" + index + "][operator]", filter.operator())
                    .query("filters[" + index + "][value]", filter.value());
        }
        JsonNode root = request.execute();
        if (root.isArray()) {
            return requireIds(request.call(), root,
                    new ChatbotcomUserPage(api.convert(request.call(), root, USERS), null));
        }
        if (!root.path("data").isArray()) {
            throw malformed(request.call(), root, "expected the users in 'data'");
        }
        return requireIds(request.call(), root, api.convert(request.call(), root, ChatbotcomUserPage.class));
    }

    public ChatbotcomUserDetails user(String id) {
        ChatbotApiClient.Request request = api.get("users", id);
        JsonNode root = unwrap(request.execute());
        if (!root.isObject() || root.path("id").isMissingNode()) {
            throw malformed(request.call(), root, "expected a user with an 'id'");
        }
        return api.convert(request.call(), root, ChatbotcomUserDetails.class);
    }

    public ChatbotcomResult updateUser(String id, ChatbotcomUpdateUser update) {
        ChatbotcomLimits.check(update);
        return result(api.put("users", id).body(update));
    }

    public ChatbotcomResult banUser(String id, boolean banned) {
        return result(api.put("users", id, "ban").body(new Ban(banned)));
    }

    /** @param path where the account's API takes session attributes; ChatBot.com does not document it */
    public ChatbotcomResult updateSessionAttributes(String path, ChatbotcomSessionAttributes update) {
        ChatbotcomLimits.check(update);
        String[] segments = Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty())
                .toArray(String[]::new);
        return result(api.put(segments).body(update));
    }

    public ChatbotcomQueryResponse query(ChatbotcomQuery query) {
        ChatbotcomLimits.check(query);
        ChatbotApiClient.Request request = api.post("query").body(query);
        JsonNode root = request.execute();
        if (!root.path("result").isObject()) {
            throw malformed(request.call(), root, "expected the bot's answer in 'result'");
        }
        return api.convert(request.call(), root, ChatbotcomQueryResponse.class);
    }

    /**
     * Chat archives, newest first.
     *
     * @param after epoch milliseconds: only archives created before it (the {@code createdAt} of the last archive
     *              of the previous page), or null for the newest
     */
    public List<ChatbotcomChat> chats(Long after) {
        ChatbotApiClient.Request request = api.get("v2", "chats").query("after", after);
        JsonNode root = request.execute();
        JsonNode list = root.isArray() ? root : root.has("data") ? root.get("data") : root.get("chats");
        if (list == null || !list.isArray()) {
            throw malformed(request.call(), root, "expected a list of chat archives");
        }
        List<ChatbotcomChat> chats = api.convert(request.call(), list, CHATS);
        for (ChatbotcomChat chat : chats) {
            if (chat.id() == null || chat.createdAt() == null) {
                throw malformed(request.call(), root, "a chat archive without 'id' or 'createdAt'");
            }
        }
        return chats;
    }

    public ChatbotcomChat chat(String chatId) {
        ChatbotApiClient.Request request = api.get("v2", "chats", chatId);
        JsonNode root = unwrap(request.execute());
        if (!root.isObject() || root.path("id").isMissingNode()) {
            throw malformed(request.call(), root, "expected a chat archive with an 'id'");
        }
        return api.convert(request.call(), root, ChatbotcomChat.class);
    }

    public List<ChatbotcomSegment> segments() {
        ChatbotApiClient.Request request = api.get("users", "segments");
        return api.convert(request.call(), list(request, "segments"), SEGMENTS);
    }

    public List<ChatbotcomStory> stories() {
        ChatbotApiClient.Request request = api.get("v2", "stories");
        return api.convert(request.call(), list(request, "stories"), STORIES);
    }

    private record Ban(boolean banned) {
    }

    /** The seed documents a write's answer as a one-element array; other sources as the object itself. */
    private ChatbotcomResult result(ChatbotApiClient.Request request) {
        JsonNode root = request.execute();
        JsonNode result = root.isArray() ? (root.isEmpty() ? null : root.get(0)) : root;
        if (result == null || !result.isObject()) {
            throw malformed(request.call(), root, "expected a result object");
        }
        return api.convert(request.call(), result, ChatbotcomResult.class);
    }

    private static JsonNode list(ChatbotApiClient.Request request, String what) {
        JsonNode root = request.execute();
        JsonNode list = root.isArray() ? root : root.get("data");
        if (list == null || !list.isArray()) {
            throw malformed(request.call(), root, "expected a list of " + what);
        }
        return list;
    }

    /** A single resource, bare or wrapped in {@code data}. */
    private static JsonNode unwrap(JsonNode root) {
        return root.path("data").isObject() ? root.get("data") : root;
    }

    private static ChatbotcomUserPage requireIds(ChatbotCall call, JsonNode root, ChatbotcomUserPage page) {
        page.data().forEach(user -> {
            if (user.id() == null || user.id().isBlank()) {
                throw malformed(call, root, "a user without 'id'");
            }
        });
        return page;
    }

    private static JavaType listOf(Class<?> type) {
        return ChatbotJson.mapper().getTypeFactory().constructCollectionType(List.class, type);
    }

    private static ChatbotMalformedResponseException malformed(ChatbotCall call, JsonNode root, String problem) {
        return new ChatbotMalformedResponseException(call, 200, null, null, root.toString(), problem, null);
    }
}
