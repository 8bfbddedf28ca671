package io.github.camelchatbots.simulator.chataibot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Bot;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Contact;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.ConversationView;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Message;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Source;
import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Response;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * ChatAIBot's JSON shapes. Field order follows ChatAIBot's own examples, because people compare the simulator's output
 * with the documentation by eye; the shapes the documentation does not show (replies, callbacks) follow the same
 * conventions: snake_case, {@code created_at} in the documented format.
 */
final class ChataibotJson {

    /** {@code 2025-02-10 20:21:03.913000}: UTC, a space instead of the {@code T}, microseconds, no zone. */
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private ChataibotJson() {
    }

    static String createdAt(Instant instant) {
        return CREATED_AT.format(instant);
    }

    /** Every error: {@code {"ok":false,"error":"..."}}, the success envelope's {@code ok} turned false. */
    static Response error(int status, String message) {
        return Response.json(status, Json.object().put("ok", false).put("error", message));
    }

    /**
     * The refusal some APIs of this kind give inside a 200.
     *
     * @param field {@code message}, or {@code error} as in the error envelope
     */
    static Response okFalse(String field, String message) {
        return Response.json(200, Json.object().put("ok", false).put(field, message));
    }

    static ObjectNode conversationStarted(ConversationView conversation, Bot bot) {
        ObjectNode body = Json.object().put("ok", true);
        ObjectNode started = body.putObject("conversation")
                .put("id", conversation.id())
                .put("created_at", createdAt(conversation.createdAt()));
        started.putObject("assignee").put("id", bot.userId()).put("to", bot.userEmail());
        Contact contact = conversation.contact();
        body.putObject("contact")
                .put("name", contact.name())
                .put("email", contact.email())
                .put("phone", contact.phone())
                .put("visitor_key", conversation.visitorKey());
        return body;
    }

    /** @param replies the bot's replies to add as {@code "replies"}, or {@code null} for the documented shape only */
    static ObjectNode messageAccepted(String messageId, List<Message> replies) {
        ObjectNode body = Json.object().put("ok", true).put("message_id", messageId);
        if (replies != null) {
            ArrayNode array = body.putArray("replies");
            for (Message reply : replies) {
                ObjectNode node = array.addObject()
                        .put("message_id", reply.id())
                        .put("conversation_id", reply.conversationId())
                        .put("created_at", createdAt(reply.createdAt()));
                putMessage(node, reply);
            }
        }
        return body;
    }

    /** What the callback receives for one reply. */
    static String callbackBody(Message reply) {
        ObjectNode body = Json.object()
                .put("conversation_id", reply.conversationId())
                .put("message_id", reply.id());
        putMessage(body, reply);
        body.put("created_at", createdAt(reply.createdAt()));
        return write(body);
    }

    /** The sources grouped under the form field each came from, in the order the fields first appeared. */
    static ObjectNode uploaded(int knowledgeBaseId, List<Source> sources) {
        ObjectNode body = Json.object();
        for (Source source : sources) {
            ArrayNode group = body.has(source.field()) ? (ArrayNode) body.get(source.field())
                    : body.putArray(source.field());
            // Just uploaded, so in progress whatever the processing time: the status call tells what became of it.
            group.addObject()
                    .put("id", source.id())
                    .put("type", source.type())
                    .put("name", source.name())
                    .put("status", ChataibotPlatform.IN_PROGRESS)
                    .putNull("errors");
        }
        return body.put("knowledge_base_id", knowledgeBaseId).put("ok", true);
    }

    static ObjectNode sourceStatuses(List<Source> sources) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("sources");
        for (Source source : sources) {
            array.addObject()
                    .put("id", source.id())
                    .put("name", source.name())
                    .put("status", source.status())
                    .put("knowledge_base_id", source.knowledgeBaseId());
        }
        return body.put("ok", true);
    }

    /** The parsed object, or {@code null} when the text is not a JSON object. */
    static JsonNode parseObject(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void putMessage(ObjectNode node, Message message) {
        ObjectNode content = node.putObject("message").put("type", "text");
        content.putObject("data").put("body", message.text());
        node.putObject("from").put("type", message.from());
    }

    private static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
