package io.github.camelchatbots.component.konversation.model;

import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The request of {@code sendWhatsAppTemplate}: to a subscriber by namespace, or by WhatsApp number ({@code userId}),
 * then optionally creating the subscriber ({@code createIfNotFound} yes or no, with {@code contact}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationTemplate(String userNs, String userId, String createIfNotFound, Contact contact,
                                   Content content) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Contact(String firstName, String lastName, String userName) {
    }

    /**
     * @param lang   the language code, e.g. en_US
     * @param params e.g. {@code BODY_{{1}}}, {@code HEADER_IMAGE}, {@code QUICK_REPLY_1} (a sub flow namespace),
     *               {@code URL_1}
     */
    public record Content(String namespace, String name, String lang, Map<String, String> params) {
    }
}
