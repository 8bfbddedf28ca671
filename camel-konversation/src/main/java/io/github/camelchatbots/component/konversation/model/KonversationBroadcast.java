package io.github.camelchatbots.component.konversation.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The request of {@code broadcast}: a sub flow to up to 200 subscribers ({@code userNsList}, namespaces separated by
 * commas), or to the subscribers with any of up to 10 {@code tags} but none of {@code excludeTags} and with every
 * given user field value (up to 10).
 *
 * @param type          EMAIL, SMS, WHATSAPP_TEMPLATE or FACEBOOK_NOTIFICATION
 * @param scheduledTime unix seconds; at once when null
 * @param maxPerMinute  konversation's default is 60
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationBroadcast(String userNsList, List<String> tags, List<String> excludeTags, String subFlowNs,
                                    String type, String name, Long scheduledTime, Integer maxPerMinute,
                                    String messageTag, List<KonversationFieldValue> userFields) {
}
