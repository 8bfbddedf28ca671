package io.github.camelchatbots.simulator.ebbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.ebbot.EbbotSimulation.Message;
import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Request;
import io.github.camelchatbots.simulator.http.Response;
import io.github.camelchatbots.simulator.http.Router;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Ebbot's HTTP endpoints: the Chats API (list and transcript) and incoming webhooks. */
final class EbbotApi {

    private static final int DEFAULT_PAGE = 1;
    private static final int DEFAULT_LIMIT = 15;
    private static final int MAX_LIMIT = 100;

    private final ChatStore chats;
    private final ListFaults listFaults;
    private final EbbotBot bot;
    private final Set<String> apiKeys;
    private final Set<String> webhooks;
    private final Clock clock;

    EbbotApi(ChatStore chats, ListFaults listFaults, EbbotBot bot, Set<String> apiKeys, Set<String> webhooks,
            Clock clock) {
        this.chats = chats;
        this.listFaults = listFaults;
        this.bot = bot;
        this.apiKeys = apiKeys;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    Router router() {
        return new Router(EbbotJson::error)
                .get("/api/chats/company_chats", authenticated(this::listChats))
                .get("/api/chats/company_chats/([^/]+)/transcript", authenticated(this::transcript))
                // No API key here: the webhook id in the URL is the secret.
                .post("/api/webhooks/([^/]+)", this::incomingWebhook);
    }

    private Router.Handler authenticated(Router.Handler handler) {
        return request -> {
            String key = request.header("x-api-key");
            boolean known = key != null && apiKeys.contains(key);
            return known ? handler.handle(request) : EbbotJson.error(401, "Unauthorized");
        };
    }

    private Response listChats(Request request) {
        Integer page = positiveInt(request.queryParam("page"), DEFAULT_PAGE);
        Integer limit = positiveInt(request.queryParam("limit"), DEFAULT_LIMIT);
        if (page == null || limit == null || limit > MAX_LIMIT) {
            return EbbotJson.error(400, "Invalid page or limit");
        }
        ListFaults.Answer answer = listFaults.claim(page);
        List<Chat> found = chats.page(answer.page(), limit);
        return EbbotJson.chatList(found.subList(0, Math.min(found.size(), answer.maxItems())));
    }

    private Response transcript(Request request) {
        return chats.find(request.pathParam(0))
                .map(chat -> EbbotJson.transcript(chat.messages()))
                .orElseGet(() -> EbbotJson.error(404, "Chat not found"));
    }

    private Response incomingWebhook(Request request) {
        if (!webhooks.contains(request.pathParam(0))) {
            return EbbotJson.error(404, "Webhook not found");
        }
        Optional<JsonNode> body = parse(request.body());
        JsonNode value = body.map(json -> json.get("value")).orElse(null);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return EbbotJson.error(400, "Invalid request body");
        }
        JsonNode chatIdNode = body.get().get("chatId");
        Instant now = clock.instant();
        String chatId;
        if (chatIdNode == null || chatIdNode.isNull()) {
            chatId = chats.open(now, null, UUID.randomUUID());
        } else if (chats.find(chatIdNode.asText()).isPresent()) {
            chatId = chatIdNode.asText();
        } else {
            return EbbotJson.error(404, "Chat not found");
        }
        String text = value.asText();
        EbbotBot.Reply reply = bot.reply(text);
        chats.update(chatId, chat -> {
            Chat updated = chat.withMessage(new Message("user", text, now));
            for (String answer : reply.answers()) {
                updated = updated.withMessage(new Message("bot", answer, now));
            }
            return updated;
        });
        return EbbotJson.webhookReply(chatId, reply);
    }

    /** The parsed value, the default when the parameter is absent, or {@code null} when it is not a positive int. */
    private static Integer positiveInt(String raw, int defaultValue) {
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            return value >= 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
