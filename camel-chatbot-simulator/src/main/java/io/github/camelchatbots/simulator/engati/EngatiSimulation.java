package io.github.camelchatbots.simulator.engati;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.github.camelchatbots.simulator.FaultInjector;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.RequestLog;
import io.github.camelchatbots.simulator.VendorEndpoint;
import io.github.camelchatbots.simulator.VendorSimulation;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stateful fake of Engati's APIs, mounted under {@code /engati}: matching users, a user's conversation, API
 * triggers v1 and v2, WhatsApp template messages and external broadcasts. Tests arrange bots, users, messages and
 * flows through the methods here (those without a bot key act on the default bot), switch the undocumented parts of
 * the answers, and assert on what clients made Engati do via {@link #flowTriggers()}, {@link #templateSends()},
 * {@link #broadcasts()} and {@link #requests()}.
 */
public final class EngatiSimulation implements VendorSimulation {

    public static final String NAME = "engati";

    /** The key of Engati's own curl sample; sent as {@code Authorization: Basic <key>}, exactly as issued. */
    public static final String DEFAULT_API_KEY = "e52ba556-bdd0-4e88-a0c4-c41b02414ef4-IUXaiZ4";
    public static final long DEFAULT_CUSTOMER_ID = 10294;
    public static final String DEFAULT_BOT_KEY = "1a1c9bfa5e0f41ed";
    public static final long DEFAULT_MAX_AUDIENCE_FILE_BYTES = WireOptions.DEFAULT_MAX_AUDIENCE_FILE_BYTES;

    /** Where the users API puts the list; Engati shows its answer only as an image. */
    public enum UsersShape {
        /** {@code "responseObject":{"users":[...]}}, the default. */
        USERS_OBJECT,
        /** {@code "responseObject":{"data":[...]}}. */
        DATA_OBJECT,
        /** {@code "responseObject":[...]}. */
        RESPONSE_OBJECT_LIST,
        /** The whole body a bare array {@code [...]}, without the envelope. */
        BARE_ARRAY
    }

    /** The key of the conversations API's list: {@code "responseObject":{"conversations":[...]}} by default. */
    public enum ConversationsKey {
        CONVERSATIONS,
        MESSAGES
    }

    /** Which field of a message carries its text; client code reads {@code response} or {@code text}. */
    public enum TextField {
        TEXT,
        RESPONSE,
        MESSAGE
    }

    /** How message timestamps and users' {@code created_at} are written. */
    public enum TimestampFormat {
        /** {@code 2024-01-01 10:00:00.000+0530}, at the offset set by {@link #setTimestampOffset}; the default. */
        ENGATI,
        /** {@code 2024-01-01T10:00:00.000+05:30}, at the same offset ({@code Z} for UTC). */
        ISO_8601,
        /** A JSON number of UTC epoch milliseconds. */
        EPOCH_MILLIS
    }

    /** The order within a page; paging itself always runs over the messages oldest first. */
    public enum PageOrder {
        OLDEST_FIRST,
        NEWEST_FIRST
    }

    /**
     * A user of a bot.
     *
     * @param userId        Engati's own id of the user (32 hex digits, derived from bot and channel user id)
     * @param channelUserId the id on the channel; for WhatsApp the phone number's digits, country code first
     */
    public record User(String userId, String channelUserId, String channel, String name,
            Map<String, String> attributes, Instant createdAt) {

        public User {
            attributes = frozen(attributes);
        }
    }

    /** @param sender {@code user}, {@code bot} or {@code agent} */
    public record Message(String messageId, String sender, String text, Instant at) {
    }

    /**
     * An API trigger that ran a flow.
     *
     * @param version       1 (query parameters) or 2 (JSON body)
     * @param attributes    everything the trigger sent, {@code user.phone_no} included, in the order sent
     * @param channelUserId the user the flow ran for: the phone number's digits
     */
    public record FlowTrigger(String botKey, int version, String flowKey, Map<String, String> attributes,
            String channelUserId, Instant at) {

        public FlowTrigger {
            attributes = frozen(attributes);
        }
    }

    /**
     * A conversations request as the route understood it, for {@link #beforeConversationPage}.
     *
     * @param startDate  epoch milliseconds, or {@code null} when the request gave none
     * @param endDate    epoch milliseconds: the request's, or the time it arrived
     * @param pageNumber the request's, or the first page
     */
    public record ConversationRequest(String botKey, String channelUserId, Long startDate, long endDate,
            int pageNumber, int pageSize) {
    }

    /** @param phoneNumber as the client sent it, with or without {@code +} */
    public record TemplateSend(String botKey, String phoneNumber, JsonNode payload, String messageId, Instant at) {
    }

    /**
     * An external broadcast that was accepted.
     *
     * @param name   the {@code broadcast_id} query parameter
     * @param header the CSV's header, {@code user.phone_number} first
     * @param rows   one per recipient, the fields as strings in the header's order
     */
    public record Broadcast(String botKey, String name, List<String> header, List<List<String>> rows,
            JsonNode payload, Instant at) {

        public Broadcast {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Millisecond ticks: the conversations API's dates are epoch milliseconds, so everything stored is too. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final Accounts accounts = new Accounts(clock);
    private final WireOptions options = new WireOptions();
    private final InjectedFailures failures = new InjectedFailures();
    private final ConversationFaults conversationFaults = new ConversationFaults();
    private final RateLimit rateLimit = new RateLimit();
    private final Activity activity = new Activity();
    private final RequestLog requests = new RequestLog();
    private volatile String baseUrl;

    public EngatiSimulation() {
        accounts.addApiKey(DEFAULT_API_KEY, DEFAULT_CUSTOMER_ID, List.of(DEFAULT_BOT_KEY));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void register(HttpServer server, FaultInjector faults) {
        InetSocketAddress address = server.getAddress();
        baseUrl = "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/" + NAME;
        EngatiApi api = new EngatiApi(accounts, options, failures, conversationFaults, rateLimit, activity, clock);
        // No limiter for VendorEndpoint: it would leave requests hanging, whereas this one answers 429.
        server.createContext("/" + NAME,
                new VendorEndpoint(NAME, api.router(), faults, requests::add, EngatiJson::error, null));
    }

    /**
     * Back to a fresh state: only the default key, customer and (empty) bot with WhatsApp configured, no flows, no
     * recorded activity, every answer switch at its default, no injected failures or conversation glitches, no hook
     * and no rate limit.
     */
    @Override
    public void reset() {
        accounts.reset(DEFAULT_API_KEY, DEFAULT_CUSTOMER_ID, DEFAULT_BOT_KEY);
        options.reset();
        failures.clear();
        conversationFaults.clear();
        rateLimit.off();
        activity.clear();
        requests.clear();
    }

    /** What a client sets as its Engati base URL, e.g. {@code http://127.0.0.1:8089/engati}. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("not registered with a running simulator");
        }
        return baseUrl;
    }

    public String apiKey() {
        return DEFAULT_API_KEY;
    }

    public long customerId() {
        return DEFAULT_CUSTOMER_ID;
    }

    public String botKey() {
        return DEFAULT_BOT_KEY;
    }

    // ---- keys and bots

    /**
     * Issues a key for a customer and some of its bots, creating the bots that do not exist yet. Requests with the
     * key to another customer answer 403; to a bot not listed here, status 2003 BOT_NOT_FOUND.
     *
     * @param key     a UUID, a dash and 7 alphanumerics, e.g. {@code 2082e8f4-0011-479b-9edb-74293c62d91b-GkoUziQ}
     * @param botKeys 16 lowercase hexadecimal characters each
     * @throws IllegalArgumentException for a malformed key or bot key, or a bot of another customer
     */
    public void addApiKey(String key, long customerId, String... botKeys) {
        accounts.addApiKey(key, customerId, List.of(botKeys));
    }

    /** The default bot, {@link #DEFAULT_BOT_KEY} of customer {@link #DEFAULT_CUSTOMER_ID}. */
    public EngatiBot bot() {
        return bot(DEFAULT_BOT_KEY);
    }

    /** @throws IllegalArgumentException when no key was issued for the bot */
    public EngatiBot bot(String botKey) {
        EngatiBot bot = accounts.bot(botKey);
        if (bot == null) {
            throw new IllegalArgumentException("no bot " + botKey + "; issue a key for it with addApiKey");
        }
        return bot;
    }

    // ---- the default bot's users, conversations and flows

    /** Adds a user of the default bot; see {@link EngatiBot#addUser(String, String, String, Map)}. */
    public User addUser(String channelUserId, String channel, String name, Map<String, String> attributes) {
        return bot().addUser(channelUserId, channel, name, attributes);
    }

    /** Sets (or with {@code null} removes) an attribute of a user of the default bot. */
    public User setAttribute(String channelUserId, String attribute, String value) {
        return bot().setAttribute(channelUserId, attribute, value);
    }

    public Optional<User> user(String channelUserId) {
        return bot().user(channelUserId);
    }

    public List<User> users() {
        return bot().users();
    }

    /** Appends to the conversation of a user of the default bot; several messages may share one millisecond. */
    public Message addMessage(String channelUserId, String sender, String text, Instant at) {
        return bot().addMessage(channelUserId, sender, text, at);
    }

    /** The conversation of a user of the default bot, oldest first. */
    public List<Message> messages(String channelUserId) {
        return bot().messages(channelUserId);
    }

    /** Registers a flow of the default bot; running it adds {@code botMessages} to the user's conversation. */
    public void registerFlow(String flowKey, String... botMessages) {
        bot().registerFlow(flowKey, botMessages);
    }

    // ---- switches for what Engati does not document

    public void setUsersShape(UsersShape shape) {
        options.usersShape = Objects.requireNonNull(shape);
    }

    public void setConversationsKey(ConversationsKey key) {
        options.conversationsKey = Objects.requireNonNull(key);
    }

    public void setMessageTextField(TextField field) {
        options.textField = Objects.requireNonNull(field);
    }

    public void setTimestampFormat(TimestampFormat format) {
        options.timestampFormat = Objects.requireNonNull(format);
    }

    /** The offset the text timestamp formats are written at; +05:30 by default. */
    public void setTimestampOffset(ZoneOffset offset) {
        options.timestampOffset = Objects.requireNonNull(offset);
    }

    /** Whether messages carry {@code message_id}; they do by default. */
    public void setMessageIdIncluded(boolean included) {
        options.messageIdIncluded = included;
    }

    public void setPageOrder(PageOrder order) {
        options.pageOrder = Objects.requireNonNull(order);
    }

    /** Makes {@code page_number} count from 0 instead of 1. */
    public void setPageNumbersStartAtZero(boolean fromZero) {
        options.firstPageNumber = fromZero ? 0 : 1;
    }

    /** A broadcast's {@code target_audience} larger than this fails with 2006 FILE_UPLOAD_FAILED; 5 MB by default. */
    public void setMaxAudienceFileSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the maximum file size must be positive, was " + bytes);
        }
        options.maxAudienceFileBytes = bytes;
    }

    /**
     * Whether the default bot has its WhatsApp (360dialog) API key configured in Engati; it has by default. Without
     * one, template sends and broadcasts answer 2004 API_KEY_NOT_FOUND inside an HTTP 200.
     */
    public void setWhatsappConfigured(boolean configured) {
        bot().setWhatsappConfigured(configured);
    }

    // ---- failures and limits

    /** {@link #failNextWith(int, String, int, String)} for requests to any path. */
    public void failNextWith(int statusCode, String message, int times) {
        failNextWith(statusCode, message, times, ".*");
    }

    /**
     * Makes the next {@code times} requests whose vendor-relative path matches {@code pathRegex} entirely, and which
     * the key may make, answer HTTP 200 with this envelope code and message, e.g.
     * {@code failNextWith(2000, "Internal failure", 2, "/whatsapp-api/.*")}.
     *
     * @param statusCode one of Engati's codes other than 1000, see {@link EngatiStatus}
     */
    public void failNextWith(int statusCode, String message, int times, String pathRegex) {
        failures.add(EngatiStatus.of(statusCode), Objects.requireNonNull(message), times, pathRegex);
    }

    /**
     * Makes the next {@code times} conversations requests answer at most {@code items} of their page's messages, as
     * a replica that lags behind would: a client that takes a short page for the end of the history loses messages.
     */
    public void answerNextConversationPagesShort(int items, int times) {
        conversationFaults.answerShort(items, times);
    }

    /** Makes the next {@code times} conversations requests answer their page's messages in a shuffled order. */
    public void answerNextConversationPagesShuffled(int times) {
        conversationFaults.answerShuffled(times);
    }

    /**
     * Runs {@code hook} on the server thread before each conversations page is read (after the request passed its
     * checks), so that a test can add messages between two pages of a client's scan; {@code null} removes it.
     */
    public void beforeConversationPage(Consumer<ConversationRequest> hook) {
        conversationFaults.beforePage(hook);
    }

    /** Conversation glitches arranged and not yet answered. */
    public int pendingConversationFaults() {
        return conversationFaults.pending();
    }

    /** Injected envelope failures still to be answered. */
    public int pendingFailures() {
        return failures.remaining();
    }

    /**
     * Answers 429 with {@code Retry-After} (whole seconds) once more than {@code requests} requests arrive within any
     * {@code window}. Off by default: Engati documents no limit.
     */
    public void setRateLimit(int requests, Duration window) {
        rateLimit.set(requests, window);
    }

    /** Requests answered 429 by the rate limit. */
    public int rejectedByRateLimit() {
        return rateLimit.rejected();
    }

    // ---- what clients did

    /** The flows API triggers ran, oldest first. */
    public List<FlowTrigger> flowTriggers() {
        return activity.triggers();
    }

    /** The template messages accepted, oldest first. */
    public List<TemplateSend> templateSends() {
        return activity.templates();
    }

    /** The external broadcasts accepted, oldest first. */
    public List<Broadcast> broadcasts() {
        return activity.broadcasts();
    }

    /** Every request that reached this vendor (the newest {@link RequestLog#DEFAULT_CAPACITY}), oldest first. */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    public long requestCount() {
        return requests.total();
    }

    // ---- demo

    /**
     * Fills the default bot with about 10 users with attributes ({@code c1}, {@code lead_status}, {@code feedback},
     * ...), three days of their conversations before the start of the current UTC hour, and a lead flow;
     * deterministic for the seed within that hour.
     */
    @Override
    public void seedDemo(long seed) {
        seedDemo(seed, clock.instant().truncatedTo(ChronoUnit.HOURS));
    }

    /** Like {@link #seedDemo(long)}, but every timestamp lies before {@code until}: fully reproducible. */
    public void seedDemo(long seed, Instant until) {
        DemoData.seed(bot(), seed, until);
    }

    @Override
    public Runnable demoActivity(long seed) {
        return new LiveDemo(bot(), seed, clock);
    }

    @Override
    public List<String> connectionInfo() {
        List<String> lines = new ArrayList<>();
        lines.add("Engati simulator: baseUrl=" + baseUrl() + " apiKey=" + apiKey() + " customerId=" + customerId()
                + " botKey=" + botKey());
        String bot = baseUrl() + "/bot-api/v2.0/customer/" + customerId() + "/bot/" + botKey();
        bot().flowKeys().forEach(flowKey -> lines.add("Engati API trigger: POST " + bot + "/flow/" + flowKey));
        return lines;
    }

    /** Unmodifiable and in insertion order, which {@link Map#copyOf} would not keep. */
    private static Map<String, String> frozen(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
