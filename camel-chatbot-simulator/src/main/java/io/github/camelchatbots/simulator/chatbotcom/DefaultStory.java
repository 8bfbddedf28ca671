package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.List;

/** The story every fresh simulation has: a small support bot, enough for greetings, a follow-up and a fallback. */
final class DefaultStory {

    static final String NAME = "Support bot";

    /** Fixed, so that the story's and its interactions' ids are the same after every reset. */
    static final Instant CREATED_AT = Instant.parse("2024-01-08T09:00:00Z");

    private DefaultStory() {
    }

    static void install(ChatbotcomPlatform platform) {
        String story = platform.addStory(NAME, "Answers the most common support questions", CREATED_AT);
        add(platform, story, "welcome", List.of("welcome"), List.of(), null,
                "Hi! I'm the support bot. How can I help you today?");
        add(platform, story, "greeting", List.of(), List.of("hello", "hi", "good morning"), null,
                "Hello! What can I do for you?");
        add(platform, story, "opening hours", List.of(),
                List.of("when are you open", "opening hours", "what are your opening hours"), null,
                "We are open Monday to Friday, 9:00 to 17:00 (UTC).");
        add(platform, story, "refund", List.of(), List.of("I want a refund", "refund my order"), null,
                "I'm sorry to hear that. What is your order number?");
        add(platform, story, "refund details", List.of(), List.of("order number", "my order number is"), "refund",
                "Thank you! Your refund is on its way; you will get a confirmation by e-mail within two days.");
    }

    private static void add(ChatbotcomPlatform platform, String story, String name, List<String> triggers,
            List<String> userSays, String requiredContext, String response) {
        platform.addInteraction(new Interaction(null, story, name, "", triggers, userSays, List.of(response),
                requiredContext, null, false), CREATED_AT);
    }
}
