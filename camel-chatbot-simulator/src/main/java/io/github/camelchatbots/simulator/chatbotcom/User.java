package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One end user of the bot. Mutable; only touched while holding the {@link ChatbotcomPlatform} lock. */
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
    private final Map<String, String> sessionAttributes = new LinkedHashMap<>();
    private final Set<String> segmentIds = new LinkedHashSet<>();
    private final List<Chat> chats = new ArrayList<>();

    User(String id, String userId, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.createdAt = createdAt;
        this.lastSeen = createdAt;
    }

    Instant lastSeen() {
        return lastSeen;
    }

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

    void mergeAttributes(Map<String, String> changes) {
        AttributeRules.merge(attributes, changes);
    }

    void mergeSessionAttributes(Map<String, String> changes) {
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
        return new LinkedHashMap<>(sessionAttributes);
    }

    List<String> segmentIds() {
        return List.copyOf(segmentIds);
    }

    boolean inSegment(String segmentId) {
        return segmentIds.contains(segmentId);
    }

    void joinSegment(String segmentId) {
        segmentIds.add(segmentId);
    }

    List<Chat> chats() {
        return List.copyOf(chats);
    }

    void addChat(Chat chat) {
        chats.add(chat);
    }
}
