package io.github.camelchatbots.component.ebbot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The end user of a chat as Ebbot lists it. {@code info} is a JSON document in a string, as Ebbot sends it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EbbotChatUser(String id, String image, String info) {
}
