package io.github.camelchatbots.simulator.chatbotcom;

import java.util.List;

/**
 * One step of a story: what starts it (triggers, example phrases the user may say), what the bot answers, and
 * optionally the context it needs and the webhook it calls.
 *
 * @param requiredContext the name of an interaction that must have matched within its lifespan, or {@code null}
 * @param webhookUrl      the URL of a registered webhook to call when it matches, or {@code null}
 * @param fallback        the story's answer when nothing else matches
 */
record Interaction(String id, String storyId, String name, String action, List<String> triggers,
        List<String> userSays, List<String> responses, String requiredContext, String webhookUrl, boolean fallback) {

    Interaction {
        triggers = List.copyOf(triggers);
        userSays = List.copyOf(userSays);
        responses = List.copyOf(responses);
    }

    Interaction withId(String newId) {
        return new Interaction(newId, storyId, name, action, triggers, userSays, responses, requiredContext,
                webhookUrl, fallback);
    }

    Interaction withWebhookUrl(String url) {
        return new Interaction(id, storyId, name, action, triggers, userSays, responses, requiredContext, url,
                fallback);
    }
}
