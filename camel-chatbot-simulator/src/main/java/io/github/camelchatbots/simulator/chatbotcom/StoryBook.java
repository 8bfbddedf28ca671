package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's stories and their interactions. Not thread-safe: guarded by the {@link ChatbotcomPlatform} lock. */
final class StoryBook {

    record Story(String id, String name, String description, Instant createdAt) {
    }

    private final Map<String, Story> stories = new LinkedHashMap<>();
    /** In the order they were added, which is also the order ties between equally good matches are decided in. */
    private final Map<String, Interaction> interactions = new LinkedHashMap<>();

    void add(Story story) {
        stories.put(story.id(), story);
    }

    void add(Interaction interaction) {
        interactions.put(interaction.id(), interaction);
    }

    Optional<Story> story(String id) {
        return Optional.ofNullable(stories.get(id));
    }

    /** The story a session uses unless the query names another: the one installed first. */
    Story first() {
        return stories.values().iterator().next();
    }

    List<Story> stories() {
        return List.copyOf(stories.values());
    }

    List<Interaction> interactions(String storyId) {
        return interactions.values().stream().filter(i -> i.storyId().equals(storyId)).toList();
    }

    Optional<Interaction> interaction(String id) {
        return Optional.ofNullable(interactions.get(id));
    }

    Optional<Interaction> interaction(String storyId, String name) {
        return interactions(storyId).stream().filter(i -> i.name().equals(name)).findFirst();
    }

    void clear() {
        stories.clear();
        interactions.clear();
    }
}
