package io.github.camelchatbots.component.engati;

/** The Engati calls, by the names used in {@code engati:<operation>} URIs. */
public enum EngatiOperation {
    users,
    conversations,
    triggerFlow,
    sendTemplate,
    broadcast
}
