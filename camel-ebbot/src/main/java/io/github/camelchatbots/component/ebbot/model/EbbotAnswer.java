package io.github.camelchatbots.component.ebbot.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of the bot to a webhook message. Its {@code value} depends on {@code type} ({@code text}, {@code url}
 * with buttons, ...) and is kept as JSON; {@link #text()} reads the text a person would see.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EbbotAnswer(
        String id,
        String name,
        @JsonAlias("bot_id") String botId,
        String companyId,
        String chatId,
        String sender,
        String type,
        JsonNode value,
        Map<String, Object> parameters,
        @JsonProperty("customer_info") Map<String, Object> customerInfo) {

    /** The answer's text: {@code value} itself when it is text, else its {@code text} or {@code description}. */
    @JsonIgnore
    public String text() {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        for (String field : new String[] { "text", "description", "label" }) {
            JsonNode candidate = value.get(field);
            if (candidate != null && candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return null;
    }
}
