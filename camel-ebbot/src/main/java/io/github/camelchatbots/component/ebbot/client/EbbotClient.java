package io.github.camelchatbots.component.ebbot.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotMessage;
import io.github.camelchatbots.component.ebbot.model.EbbotMessageRequest;
import io.github.camelchatbots.component.ebbot.model.EbbotMessageResponse;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.support.error.ChatbotCall;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.http.Authentication;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.VendorErrorModel;
import io.github.camelchatbots.support.json.ChatbotJson;

/**
 * Ebbot's Chats API and incoming webhooks, typed. Paths are Ebbot's documented ones; the list's answer shape is not
 * documented, so both the usual envelope and a bare array are accepted.
 */
public final class EbbotClient {

    public static final VendorErrorModel ERRORS = new EbbotErrorModel();

    private static final JavaType CHAT_LIST = ChatbotJson.mapper().getTypeFactory()
            .constructCollectionType(List.class, EbbotChat.class);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    private static final DateTimeFormatter US_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm[:ss] a").toFormatter(Locale.US);

    private final ChatbotApiClient api;
    private final ZoneId timeZone;

    /** @param timeZone the zone Ebbot's transcript dates and times are read in */
    public EbbotClient(ChatbotApiClient api, ZoneId timeZone) {
        this.api = api;
        this.timeZone = timeZone;
    }

    public ChatbotApiClient api() {
        return api;
    }

    /** One page of chats, newest first as Ebbot lists them. */
    public List<EbbotChat> chats(int page, int limit) {
        ChatbotApiClient.Request request = api.get("api", "chats", "company_chats").query("page", page)
                .query("limit", limit);
        JsonNode root = request.execute();
        JsonNode data = root.isArray() ? root : root.get("data");
        if (data == null || !data.isArray()) {
            throw malformed(request.call(), root, "expected a list of chats in 'data'");
        }
        List<EbbotChat> chats = api.convert(request.call(), data, CHAT_LIST);
        for (EbbotChat chat : chats) {
            if (chat.id() == null || chat.id().isBlank()) {
                throw malformed(request.call(), root, "a chat without 'id'");
            }
        }
        return chats;
    }

    /** A chat's whole transcript. */
    public EbbotTranscript transcript(String chatId) {
        ChatbotApiClient.Request request = api.get("api", "chats", "company_chats", chatId, "transcript");
        JsonNode root = request.execute();
        JsonNode data = root.isArray() ? root : root.get("data");
        if (data == null || !data.isArray()) {
            throw malformed(request.call(), root, "expected the transcript's messages in 'data'");
        }
        List<EbbotMessage> messages = new ArrayList<>(data.size());
        for (JsonNode line : data) {
            String date = text(line, "date");
            String time = text(line, "time");
            messages.add(new EbbotMessage(chatId, messages.size(), date, time, text(line, "sender"),
                    text(line, "text"), timestamp(date, time)));
        }
        return new EbbotTranscript(chatId, null, messages, text(root, "request_id"));
    }

    /**
     * Sends a message through an incoming webhook and returns the bot's answers. The webhook id is the secret, so
     * no API key is sent with it.
     */
    public EbbotMessageResponse sendMessage(String webhookId, EbbotMessageRequest message) {
        ChatbotApiClient.Request request = api.post("api", "webhooks", webhookId).body(message)
                .authentication(Authentication.none()).describedAs("/api/webhooks/{webhookId}");
        JsonNode root = request.execute();
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw malformed(request.call(), root, "expected the bot's answer in 'data'");
        }
        return api.convert(request.call(), data, EbbotMessageResponse.class)
                .withRequestId(text(root, "request_id"));
    }

    /** Ebbot's transcript date ({@code 8/12/2024}) and time ({@code 9:15:08 AM}); ISO forms are read too. */
    Instant timestamp(String date, String time) {
        if (date == null || time == null) {
            return null;
        }
        try {
            LocalDate day = date.contains("/") ? LocalDate.parse(date.trim(), US_DATE) : LocalDate.parse(date.trim());
            LocalTime clock = time.matches("(?i).*[ap]\\.?m\\.?\\s*$") ? LocalTime.parse(time.trim(), US_TIME)
                    : LocalTime.parse(time.trim());
            return day.atTime(clock).atZone(timeZone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ChatbotMalformedResponseException malformed(ChatbotCall call, JsonNode root, String problem) {
        return new ChatbotMalformedResponseException(call, 200, null, text(root, "request_id"), root.toString(),
                problem, null);
    }
}
