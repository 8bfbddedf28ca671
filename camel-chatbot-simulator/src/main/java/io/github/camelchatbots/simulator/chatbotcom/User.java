package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One end user of the bot. Mutable; only touched while holding the {@link ChatbotcomPlatform} lock, and changed
 * through the {@link UserStore}, whose indexes depend on it. What most users never have (session attributes,
 * segments, chats) is only allocated once they do, since benchmarks keep a hundred thousand and more of them.
 */
final class User {

    /** The attributes every user object lists, {@code null} when unset, in the order of ChatBot.com's examples. */
    static final List<String> DEFAULT_ATTRIBUTES = List.of("default_email", "default_name", "default_url",
            "default_avatar", "default_language", "default_timezone", "default_gender", "default_ip", "default_city",
            "default_region", "default_country", "default_referrer", "default_username");

    final String id;
    final String userId;
    final Instant createdAt;
    private Instant lastSeen;
    private boolean banned;
    /** Only the attributes that are set; {@link #attributesWithDefaults()} adds the unset defaults. */
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private Map<String, String> sessionAttributes;
    private Set<String> segmentIds;
    private List<Chat> chats;

    User(String id, String userId, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.createdAt = createdAt;
        this.lastSeen = createdAt;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** Only through {@link UserStore#see}, which moves the user in the lastSeen order. */
    void see(Instant at) {
        lastSeen = at;
    }

    boolean banned() {
        return banned;
    }

    void ban(boolean banned) {
        this.banned = banned;
    }

    String attribute(String name) {
        return attributes.get(name);
    }

    /** Only through {@link UserStore#mergeAttributes}, which knows that filters may then match differently. */
    void mergeAttributes(Map<String, String> changes) {
        AttributeRules.merge(attributes, changes);
    }

    void mergeSessionAttributes(Map<String, String> changes) {
        if (sessionAttributes == null) {
            sessionAttributes = new LinkedHashMap<>();
        }
        AttributeRules.merge(sessionAttributes, changes);
    }

    Map<String, String> attributesWithDefaults() {
        Map<String, String> all = new LinkedHashMap<>();
        DEFAULT_ATTRIBUTES.forEach(name -> all.put(name, attributes.get(name)));
        attributes.forEach(all::putIfAbsent);
        return all;
    }

    Map<String, String> setAttributes() {
        return new LinkedHashMap<>(attributes);
    }

    Map<String, String> sessionAttributes() {
        return sessionAttributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(sessionAttributes);
    }

    List<String> segmentIds() {
        return segmentIds == null ? List.of() : List.copyOf(segmentIds);
    }

    /** Only through {@link UserStore#join}, which counts the segment's members; false when already a member. */
    boolean joinSegment(String segmentId) {
        if (segmentIds == null) {
            segmentIds = new LinkedHashSet<>();
        }
        return segmentIds.add(segmentId);
    }

    List<Chat> chats() {
        return chats == null ? List.of() : List.copyOf(chats);
    }

    void addChat(Chat chat) {
        if (chats == null) {
            chats = new ArrayList<>(1);
        }
        chats.add(chat);
    }

    void removeChat(Chat chat) {
        if (chats != null) {
            chats.remove(chat);
        }
    }
}
