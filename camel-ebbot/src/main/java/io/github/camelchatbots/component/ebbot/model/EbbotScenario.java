package io.github.camelchatbots.component.ebbot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The scenario the bot ran to answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EbbotScenario(String id, String name) {
}
