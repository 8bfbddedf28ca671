package io.github.camelchatbots.simulator.engati;

import io.github.camelchatbots.simulator.engati.EngatiSimulation.Message;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.User;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One Engati bot of one customer: its users with their attributes and conversations, and the flows an API trigger
 * can start. Tests reach the default bot through {@link EngatiSimulation}'s shortcuts and any other through
 * {@link EngatiSimulation#bot(String)}.
 */
public final class EngatiBot {

    static final Pattern BOT_KEY = Pattern.compile("[0-9a-f]{16}");
    static final Pattern FLOW_KEY = Pattern.compile("[0-9A-F]{32}");

    private static final Set<String> SENDERS = Set.of("user", "bot", "agent");

    /**
     * Orders a user's messages by time, then by arrival, so that several messages within one millisecond keep the
     * order they were added in and a date range is a sub-map rather than a scan.
     */
    private record MessageKey(long epochMilli, long sequence) implements Comparable<MessageKey> {

        @Override
        public int compareTo(MessageKey other) {
            int byTime = Long.compare(epochMilli, other.epochMilli);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** A user as stored; {@link #view()} is what leaves the bot. */
    private static final class StoredUser {

        private final String userId;
        private final String channelUserId;
        private final String channel;
        private final Instant createdAt;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final NavigableMap<MessageKey, Message> messages = new TreeMap<>();
        private String name;

        StoredUser(String userId, String channelUserId, String channel, String name, Instant createdAt) {
            this.userId = userId;
            this.channelUserId = channelUserId;
            this.channel = channel;
            this.name = name;
            this.createdAt = createdAt;
        }

        User view() {
            return new User(userId, channelUserId, channel, name, attributes, createdAt);
        }
    }

    private final String botKey;
    private final long customerId;
    private final Clock clock;
    /** By channel user id, in the order the users were created, which is the order the users API lists them in. */
    private final Map<String, StoredUser> users = new LinkedHashMap<>();
    private final Map<String, List<String>> flows = new LinkedHashMap<>();
    private long nextSequence;
    private volatile boolean whatsappConfigured = true;

    EngatiBot(String botKey, long customerId, Clock clock) {
        this.botKey = botKey;
        this.customerId = customerId;
        this.clock = clock;
    }

    public String botKey() {
        return botKey;
    }

    public long customerId() {
        return customerId;
    }

    /** Adds a user of the bot created now; see {@link #addUser(String, String, String, Map, Instant)}. */
    public User addUser(String channelUserId, String channel, String name, Map<String, String> attributes) {
        return addUser(channelUserId, channel, name, attributes, clock.instant());
    }

    /**
     * Adds a user of the bot.
     *
     * @param channelUserId the user's id on the channel; for WhatsApp the phone number's digits, country code first
     * @param channel       e.g. {@code whatsapp} or {@code web}
     * @throws IllegalArgumentException when the bot already has a user with this channel user id
     */
    public synchronized User addUser(String channelUserId, String channel, String name, Map<String, String> attributes,
            Instant createdAt) {
        Objects.requireNonNull(channelUserId, "channelUserId");
        if (users.containsKey(channelUserId)) {
            throw new IllegalArgumentException("bot " + botKey + " already has a user " + channelUserId);
        }
        StoredUser user = new StoredUser(userId(channelUserId), channelUserId, Objects.requireNonNull(channel),
                name, createdAt.truncatedTo(ChronoUnit.MILLIS));
        user.attributes.putAll(attributes);
        users.put(channelUserId, user);
        return user.view();
    }

    /** Sets one attribute of a user, or removes it when {@code value} is {@code null}; returns the changed user. */
    public synchronized User setAttribute(String channelUserId, String attribute, String value) {
        StoredUser user = stored(channelUserId);
        if (value == null) {
            user.attributes.remove(attribute);
        } else {
            user.attributes.put(Objects.requireNonNull(attribute), value);
        }
        return user.view();
    }

    public synchronized Optional<User> user(String channelUserId) {
        return Optional.ofNullable(users.get(channelUserId)).map(StoredUser::view);
    }

    /** Every user, oldest first. */
    public synchronized List<User> users() {
        return users.values().stream().map(StoredUser::view).toList();
    }

    /**
     * Appends a message to a user's conversation. Several messages may share one millisecond; they keep the order
     * they were added in.
     *
     * @param sender {@code user}, {@code bot} or {@code agent}
     * @param at     stored to the millisecond, the precision of the conversations API's dates
     */
    public synchronized Message addMessage(String channelUserId, String sender, String text, Instant at) {
        if (!SENDERS.contains(sender)) {
            throw new IllegalArgumentException("sender must be one of " + SENDERS + ", was " + sender);
        }
        return append(stored(channelUserId), sender, Objects.requireNonNull(text), at);
    }

    /** A user's whole conversation, oldest first; empty for an unknown user, as the API answers. */
    public synchronized List<Message> messages(String channelUserId) {
        StoredUser user = users.get(channelUserId);
        return user == null ? List.of() : List.copyOf(user.messages.values());
    }

    /**
     * Registers a flow an API trigger can start; running it adds {@code botMessages} to the user's conversation.
     *
     * @param flowKey 32 uppercase hexadecimal characters, as the flow builder shows them
     */
    public synchronized void registerFlow(String flowKey, String... botMessages) {
        if (flowKey == null || !FLOW_KEY.matcher(flowKey).matches()) {
            throw new IllegalArgumentException("a flow key is 32 uppercase hexadecimal characters, was " + flowKey);
        }
        flows.put(flowKey, List.of(botMessages));
    }

    /**
     * Whether the bot has its WhatsApp (360dialog) API key configured in Engati; without one, template sends and
     * broadcasts answer 2004 API_KEY_NOT_FOUND. Configured unless a test says otherwise.
     */
    public void setWhatsappConfigured(boolean configured) {
        whatsappConfigured = configured;
    }

    public boolean whatsappConfigured() {
        return whatsappConfigured;
    }

    /** The registered flows' keys, in registration order. */
    public synchronized List<String> flowKeys() {
        return List.copyOf(flows.keySet());
    }

    synchronized boolean hasFlow(String flowKey) {
        return flows.containsKey(flowKey);
    }

    /** The users whose attribute equals the value exactly, oldest first. */
    synchronized List<User> usersWith(String attribute, String value) {
        return users.values().stream()
                .filter(user -> value.equals(user.attributes.get(attribute)))
                .map(StoredUser::view)
                .toList();
    }

    /**
     * One page of a user's messages dated from {@code fromMilli} to {@code toMilli}, both inclusive, oldest first.
     * Only the skipped messages of the range are walked, never the whole conversation.
     */
    synchronized List<Message> page(String channelUserId, long fromMilli, long toMilli, long offset, int size) {
        StoredUser user = users.get(channelUserId);
        if (user == null) {
            return List.of();
        }
        Iterable<Message> range = user.messages.subMap(new MessageKey(fromMilli, Long.MIN_VALUE), true,
                new MessageKey(toMilli, Long.MAX_VALUE), true).values();
        List<Message> page = new ArrayList<>(Math.min(size, 64));
        long skipped = 0;
        for (Message message : range) {
            if (skipped < offset) {
                skipped++;
            } else if (page.size() < size) {
                page.add(message);
            } else {
                break;
            }
        }
        return page;
    }

    /**
     * Runs a flow as the API trigger does: finds the user by channel user id or creates them, stores every attribute
     * as given, and appends the flow's messages to their conversation.
     *
     * @param attributes everything the trigger sent except {@code user.phone_no}
     */
    synchronized User runFlow(String flowKey, String channelUserId, Map<String, String> attributes, Instant at) {
        List<String> botMessages = flows.get(flowKey);
        if (botMessages == null) {
            throw new IllegalArgumentException("bot " + botKey + " has no flow " + flowKey);
        }
        StoredUser user = users.get(channelUserId);
        String givenName = attributes.get("user.user_name");
        if (user == null) {
            String channel = attributes.getOrDefault("user.channel", attributes.getOrDefault("channel", "whatsapp"));
            // Engati stores the phone number as the name of a user the trigger names no name for.
            user = new StoredUser(userId(channelUserId), channelUserId, channel.toLowerCase(Locale.ROOT),
                    givenName != null ? givenName : channelUserId, at.truncatedTo(ChronoUnit.MILLIS));
            users.put(channelUserId, user);
        } else if (givenName != null) {
            user.name = givenName;
        }
        user.attributes.putAll(attributes);
        for (String text : botMessages) {
            append(user, "bot", text, at);
        }
        return user.view();
    }

    synchronized void clear() {
        users.clear();
        flows.clear();
        nextSequence = 0;
        whatsappConfigured = true;
    }

    private StoredUser stored(String channelUserId) {
        StoredUser user = users.get(channelUserId);
        if (user == null) {
            throw new IllegalArgumentException("bot " + botKey + " has no user " + channelUserId
                    + "; add it with addUser first");
        }
        return user;
    }

    private Message append(StoredUser user, String sender, String text, Instant at) {
        long sequence = nextSequence++;
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        Message message = new Message(messageId(sequence), sender, text, millis);
        user.messages.put(new MessageKey(millis.toEpochMilli(), sequence), message);
        return message;
    }

    /** Derived, not random, so that the demo data's ids are the same for the same seed. */
    private String userId(String channelUserId) {
        return UUID.nameUUIDFromBytes(("engati-user:" + botKey + ":" + channelUserId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    private String messageId(long sequence) {
        return UUID.nameUUIDFromBytes(("engati-message:" + botKey + ":" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
