package io.github.camelchatbots.simulator.chatbotcom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A conversation in progress: its chat archive and the contexts that let follow-up questions match. It lives as long
 * as its chat is not finished. Mutable; only touched while holding the {@link ChatbotcomPlatform} lock.
 */
final class Session {

    private record Context(Interaction interaction, int turnsLeft) {
    }

    final String sessionId;
    final Chat chat;
    /** By interaction id, oldest first. */
    private final Map<String, Context> contexts = new LinkedHashMap<>();

    Session(String sessionId, Chat chat) {
        this.sessionId = sessionId;
        this.chat = chat;
    }

    Set<String> activeContextNames() {
        return contexts.values().stream().map(c -> c.interaction().name()).collect(Collectors.toSet());
    }

    List<Interaction> contexts() {
        return contexts.values().stream().map(Context::interaction).toList();
    }

    void clearContexts() {
        contexts.clear();
    }

    /**
     * One turn passes for every context; the interaction that matched becomes the newest context for
     * {@code lifespan} turns. The fallback never becomes one: not understanding the user is no topic to follow up.
     */
    void afterTurn(Interaction matched, int lifespan) {
        contexts.replaceAll((id, context) -> new Context(context.interaction(), context.turnsLeft() - 1));
        contexts.values().removeIf(context -> context.turnsLeft() <= 0);
        if (!matched.fallback()) {
            contexts.remove(matched.id());
            contexts.put(matched.id(), new Context(matched, lifespan));
        }
    }
}
