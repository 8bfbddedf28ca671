package io.github.camelchatbots.simulator.engati;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.engati.EngatiSimulation.Message;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.User;
import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Response;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Engati's JSON: every answer is the envelope {@code {"status":{"code","desc","message"},"responseObject":...}}.
 * Engati's client code reads {@code status.message}, its docs name the codes' {@code desc}; both are sent.
 */
final class EngatiJson {

    private static final DateTimeFormatter ENGATI_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ");
    private static final DateTimeFormatter ISO_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private EngatiJson() {
    }

    static Response envelope(int httpStatus, EngatiStatus status, String message, JsonNode responseObject) {
        ObjectNode body = Json.object();
        body.putObject("status").put("code", status.code()).put("desc", status.name()).put("message", message);
        body.set("responseObject", responseObject == null ? JsonNodeFactory.instance.nullNode() : responseObject);
        return Response.json(httpStatus, body);
    }

    static Response success(JsonNode responseObject) {
        return envelope(200, EngatiStatus.SUCCESS, EngatiStatus.SUCCESS.name(), responseObject);
    }

    /** The envelope of a generic error: an unknown path, a wrong method, an injected HTTP fault. */
    static Response error(int httpStatus, String message) {
        return envelope(httpStatus, EngatiStatus.FAILURE, message, null);
    }

    static Response users(List<User> users, WireOptions options) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        users.forEach(user -> list.add(user(user, options)));
        return switch (options.usersShape) {
            case USERS_OBJECT -> success(Json.object().set("users", list));
            case DATA_OBJECT -> success(Json.object().set("data", list));
            case RESPONSE_OBJECT_LIST -> success(list);
            case BARE_ARRAY -> Response.json(200, list);
        };
    }

    static Response conversation(List<Message> messages, WireOptions options) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        messages.forEach(message -> list.add(message(message, options)));
        String key = switch (options.conversationsKey) {
            case CONVERSATIONS -> "conversations";
            case MESSAGES -> "messages";
        };
        return success(Json.object().set(key, list));
    }

    private static ObjectNode user(User user, WireOptions options) {
        ObjectNode node = Json.object()
                .put("user_id", user.userId())
                .put("channel_user_id", user.channelUserId())
                .put("channel", user.channel())
                .put("name", user.name());
        ObjectNode attributes = node.putObject("attributes");
        user.attributes().forEach(attributes::put);
        node.set("created_at", timestamp(user.createdAt(), options));
        return node;
    }

    private static ObjectNode message(Message message, WireOptions options) {
        ObjectNode node = Json.object();
        if (options.messageIdIncluded) {
            node.put("message_id", message.messageId());
        }
        node.put("sender", message.sender());
        String textField = switch (options.textField) {
            case TEXT -> "text";
            case RESPONSE -> "response";
            case MESSAGE -> "message";
        };
        node.put(textField, message.text());
        node.set("timestamp", timestamp(message.at(), options));
        return node.put("message_type", "text");
    }

    private static JsonNode timestamp(Instant at, WireOptions options) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (options.timestampFormat) {
            case ENGATI -> nodes.textNode(ENGATI_TIMESTAMP.format(at.atOffset(options.timestampOffset)));
            case ISO_8601 -> nodes.textNode(ISO_TIMESTAMP.format(at.atOffset(options.timestampOffset)));
            case EPOCH_MILLIS -> nodes.numberNode(at.toEpochMilli());
        };
    }
}
