package io.github.camelchatbots.simulator.chatbotcom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.ChatView;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Conversation;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Message;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Segment;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.UserView;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Webhook;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookEvent;
import io.github.camelchatbots.simulator.chatbotcom.QueryOutcome.Fulfillment;
import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Response;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ChatBot.com's JSON shapes. Field order follows ChatBot.com's own examples, because people compare the simulator's
 * output with the documentation by eye.
 */
final class ChatbotcomJson {

    /** The users API prints its times with a space instead of the {@code T}, unlike the rest of the API. */
    private static final DateTimeFormatter USER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ChatbotcomJson() {
    }

    private static String userTime(Instant instant) {
        return USER_TIME.format(instant);
    }

    static Response error(int status, String message, Instant now) {
        ObjectNode body = Json.object().put("timestamp", Json.isoMillis(now));
        body.putObject("status").put("code", status).put("type", "error").put("message", message);
        return Response.json(status, body);
    }

    /** The envelope of a successful change; {@code id} is that of what was created, if anything. */
    static ObjectNode success(String id, Instant now) {
        ObjectNode body = Json.object();
        if (id != null) {
            body.put("id", id);
        }
        body.put("timestamp", Json.isoMillis(now));
        body.putObject("status").put("code", 200).put("type", "success");
        return body;
    }

    static ObjectNode users(List<UserView> users, int count) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        users.forEach(user -> data.add(user(user)));
        body.put("count", count);
        return body;
    }

    static ObjectNode user(UserView user) {
        ObjectNode node = userHead(user);
        node.put("conversations", user.conversations().size());
        return userTail(node, user);
    }

    static ObjectNode userDetails(UserView user) {
        ObjectNode node = userHead(user);
        putStrings(node.putObject("sessionAttributes"), user.sessionAttributes());
        ArrayNode conversations = node.putArray("conversations");
        for (Conversation conversation : user.conversations()) {
            conversations.addObject()
                    .put("id", conversation.chatId())
                    .put("date", userTime(conversation.date()))
                    .put("firstMessage", conversation.firstMessage());
        }
        ArrayNode segments = node.putArray("segments");
        user.segments().forEach(segment -> segments.addObject().put("id", segment.id()).put("name", segment.name()));
        return userTail(node, user);
    }

    static ArrayNode segments(List<Segment> segments) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Segment segment : segments) {
            array.addObject()
                    .put("id", segment.id())
                    .put("name", segment.name())
                    .put("users", segment.users())
                    .put("createdAt", userTime(segment.createdAt()));
        }
        return array;
    }

    static ObjectNode queryResult(QueryOutcome outcome) {
        ObjectNode body = Json.object();
        ObjectNode result = body.putObject("result")
                .put("source", "custom")
                .put("resolvedQuery", outcome.resolvedQuery())
                .put("confidence", number(outcome.confidence()))
                .put("score", number(outcome.score()))
                .put("lifespan", outcome.lifespan())
                .put("incomplete", false)
                .put("storyId", outcome.storyId());
        interaction(result.putObject("interaction"), outcome.interaction());
        putStrings(result.putObject("parameters"), outcome.parameters());
        putStrings(result.putObject("sessionParameters"), outcome.sessionParameters());
        ArrayNode contexts = result.putArray("contexts");
        outcome.contexts().forEach(context -> interaction(contexts.addObject(), context).putObject("parameters"));
        ArrayNode fulfillment = result.putArray("fulfillment");
        for (Fulfillment item : outcome.fulfillment()) {
            fulfillment.addObject().put("type", item.type()).put("delay", item.delay()).put("message", item.message());
        }
        if (outcome.debug() != null) {
            ArrayNode debug = result.putArray("debug");
            outcome.debug().forEach(debug::add);
        }
        body.put("sessionId", outcome.sessionId()).put("timestamp", Json.isoMillis(outcome.timestamp()));
        body.putObject("status").put("code", 200).put("type", "success");
        return body;
    }

    static ArrayNode chats(List<ChatView> chats) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        chats.forEach(chat -> array.add(chatSummary(chat)));
        return array;
    }

    static ObjectNode chat(ChatView chat) {
        ObjectNode node = chatSummary(chat);
        putStrings(node.putObject("attributes"), chat.attributes());
        ArrayNode messages = node.putArray("messages");
        for (Message message : chat.messages()) {
            messages.addObject()
                    .put("id", message.id())
                    .put("author", message.author())
                    .put("type", "text")
                    .put("message", message.text())
                    .put("createdAt", Json.isoMillis(message.createdAt()));
        }
        return node;
    }

    static ArrayNode stories(List<StoryBook.Story> stories) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (StoryBook.Story story : stories) {
            ObjectNode node = array.addObject()
                    .put("id", story.id())
                    .put("name", story.name())
                    .put("description", story.description())
                    .put("version", 2)
                    .put("published", true);
            node.putArray("integrations").add("widget");
            node.putArray("metrics");
        }
        return array;
    }

    /** The v2 webhook body ChatBot.com POSTs when a webhook node is reached. */
    static String webhookEvent(WebhookEvent event, Webhook webhook) {
        ObjectNode body = Json.object()
                .put("chatId", event.chatId())
                .put("messageId", event.messageId())
                .put("userId", event.userId())
                .put("externalId", event.externalId());
        body.putObject("node")
                .put("id", event.nodeId())
                .put("name", event.nodeName())
                .put("type", "WEBHOOK")
                .put("webhookId", webhook.id())
                .put("webhookName", webhook.name());
        putStrings(body.putObject("userAttributes"), event.userAttributes());
        putStrings(body.putObject("attributes"), event.attributes());
        return write(body);
    }

    /** The messages of a webhook reply, {@code {"responses":[{"type","delay","message"}]}}, for the fulfillment. */
    static List<Fulfillment> webhookResponses(JsonNode reply) {
        List<Fulfillment> responses = new ArrayList<>();
        for (JsonNode response : reply.path("responses")) {
            JsonNode message = response.path("message");
            if (message.isTextual()) {
                responses.add(new Fulfillment(response.path("type").asText("text"),
                        response.path("delay").asInt(QueryOutcome.DEFAULT_DELAY_MILLIS), message.textValue()));
            }
        }
        return responses;
    }

    /** The attributes a webhook reply sets; a {@code null} unsets one, and numbers or booleans count as text. */
    static Map<String, String> webhookAttributes(JsonNode reply) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = reply.path("attributes").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            String text = value.isValueNode() ? value.asText() : value.toString();
            attributes.put(entry.getKey(), value.isNull() ? null : text);
        }
        return attributes;
    }

    /** The object in {@code text}, or {@code null} when it is not a JSON object. */
    static JsonNode parseObject(String text) {
        try {
            JsonNode json = text == null ? null : Json.MAPPER.readTree(text);
            return json != null && json.isObject() ? json : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(JsonNode json) {
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode userHead(UserView user) {
        ObjectNode node = Json.object()
                .put("id", user.id())
                .put("userId", user.userId())
                .put("banned", user.banned());
        putStrings(node.putObject("attributes"), user.attributes());
        return node;
    }

    private static ObjectNode userTail(ObjectNode node, UserView user) {
        return node.put("createdAt", userTime(user.createdAt())).put("lastSeen", userTime(user.lastSeen()));
    }

    private static ObjectNode interaction(ObjectNode node, Interaction interaction) {
        return node.put("id", interaction.id()).put("name", interaction.name()).put("action", interaction.action());
    }

    private static void putStrings(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    /** 1 rather than 1.0, as in ChatBot.com's examples. */
    private static BigDecimal number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros();
    }

    private static ObjectNode chatSummary(ChatView chat) {
        ObjectNode node = Json.object().put("id", chat.id()).put("storyId", chat.storyId());
        node.putObject("user").put("id", chat.userId()).put("name", chat.userName()).putNull("avatar");
        return node.put("source", "api")
                .put("createdAt", Json.isoMillis(chat.createdAt()))
                .put("updatedAt", Json.isoMillis(chat.updatedAt()))
                .put("finished", chat.finished())
                .put("messagesCount", chat.messages().size());
    }
}
