package io.github.camelchatbots.component.konversation.model;

import java.util.List;

/** The request of {@code createSubscribers}: up to 100 subscribers, each checked before any is created. */
public record KonversationNewSubscribers(List<KonversationNewSubscriber> users) {
}
