package io.github.camelchatbots.simulator.ebbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.ebbot.EbbotSimulation.Message;
import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Response;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Ebbot's JSON shapes. Field order follows Ebbot's own examples, because people compare the simulator's output
 * with the documentation by eye.
 */
final class EbbotJson {

    static final String BOT_ID = "ebmsimbot";
    static final String COMPANY_ID = "ebcsimco";

    private static final DateTimeFormatter TRANSCRIPT_DATE =
            DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TRANSCRIPT_TIME =
            DateTimeFormatter.ofPattern("h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private EbbotJson() {
    }

    static Response chatList(List<Chat> chats) {
        String requestId = requestId();
        ObjectNode body = Json.object().put("success", true).put("request_id", requestId);
        ArrayNode data = body.putArray("data");
        chats.forEach(chat -> data.add(summary(chat)));
        return respond(200, body, requestId);
    }

    static Response transcript(List<Message> messages) {
        ObjectNode body = Json.object().put("success", true);
        ArrayNode data = body.putArray("data");
        for (Message message : messages) {
            data.addObject()
                    .put("date", TRANSCRIPT_DATE.format(message.at()))
                    .put("time", TRANSCRIPT_TIME.format(message.at()))
                    .put("sender", message.sender())
                    .put("text", message.text());
        }
        String requestId = requestId();
        body.put("request_id", requestId);
        return respond(200, body, requestId);
    }

    static Response webhookReply(String chatId, EbbotBot.Reply reply) {
        String requestId = requestId();
        ObjectNode body = Json.object().put("request_id", requestId).put("success", true);
        ObjectNode data = body.putObject("data").put("chatId", chatId).put("sandbox", false);
        data.putObject("scenario").put("id", scenarioId(reply.scenario())).put("name", reply.scenario());
        ArrayNode answers = data.putArray("answers");
        for (String text : reply.answers()) {
            ObjectNode answer = answers.addObject()
                    .put("id", UUID.randomUUID().toString())
                    .put("name", reply.scenario() + "ask")
                    .put("bot_id", BOT_ID)
                    .put("botId", BOT_ID)
                    .put("companyId", COMPANY_ID);
            answer.putObject("parameters");
            answer.putObject("db");
            answer.putObject("conversation");
            answer.putObject("customer_info");
            answer.put("chatId", chatId).put("sender", "bot").put("type", "text");
            answer.putObject("value").put("text", text);
        }
        return respond(200, body, requestId);
    }

    static Response error(int status, String message) {
        String requestId = requestId();
        ObjectNode body = Json.object().put("success", false).put("request_id", requestId).put("error", message);
        return respond(status, body, requestId);
    }

    private static ObjectNode summary(Chat chat) {
        String chatUserId = chat.chatUserId();
        ObjectNode node = Json.object()
                .put("id", chat.id())
                .put("botId", BOT_ID)
                .put("companyId", COMPANY_ID)
                .put("name", "Chat with " + chat.userName())
                .put("integration_type", "web")
                .put("type", "web")
                .put("status", chat.status())
                .put("statusTimestamp", Json.isoMillis(chat.statusTimestamp()))
                .put("chatUserId", chatUserId)
                .put("handled_by", chat.handledBy())
                .putNull("userId")
                .put("last_message", chat.lastMessage())
                .put("new_messages", 0)
                .put("language", "en")
                .put("createdAt", Json.isoMillis(chat.createdAt()))
                .put("updatedAt", Json.isoMillis(chat.updatedAt()));
        node.putObject("chat_user")
                .put("id", chatUserId)
                .putNull("image")
                // Ebbot sends the user info as a JSON document inside a string.
                .put("info", jsonString(Map.of("name", chat.userName())));
        return node;
    }

    /** Scenario ids are {@code <scenarioUuid>_<stateUuid>}; deriving them from the name keeps them stable. */
    private static String scenarioId(String scenario) {
        return UUID.nameUUIDFromBytes(("scenario:" + scenario).getBytes(StandardCharsets.UTF_8)) + "_"
                + UUID.nameUUIDFromBytes(("state:" + scenario).getBytes(StandardCharsets.UTF_8));
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static Response respond(int status, ObjectNode body, String requestId) {
        return Response.json(status, body).withHeader("x-request-id", requestId);
    }

    private static String jsonString(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
