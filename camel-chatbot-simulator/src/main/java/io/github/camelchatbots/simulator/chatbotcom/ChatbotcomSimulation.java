package io.github.camelchatbots.simulator.chatbotcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.github.camelchatbots.simulator.FaultInjector;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.RequestLog;
import io.github.camelchatbots.simulator.VendorEndpoint;
import io.github.camelchatbots.simulator.VendorSimulation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stateful fake of ChatBot.com's API, mounted under {@code /chatbotcom}: users and segments, chat with bot (a small
 * scripted bot with contexts and webhooks), chat archives and stories. Tests arrange data and move time through the
 * methods here, and assert on what clients sent via {@link #requests()} and on the webhook calls made to them via
 * {@link #webhookCalls()}.
 *
 * <p>All time comes from a simulation clock that runs with the real one but can be skipped ahead with
 * {@link #advanceTime(Duration)}: sessions end after 10 minutes without a query, and chats are then finished.
 */
public final class ChatbotcomSimulation implements VendorSimulation {

    public static final String NAME = "chatbotcom";

    public static final String DEFAULT_ACCESS_TOKEN = "sim-chatbotcom-developer-token-0123456789";

    /**
     * A user as {@code GET /users/{id}} shows it.
     *
     * @param id         ChatBot.com's id for the user (24 hex digits)
     * @param userId     the client's id for the user; for users a query created, the session id
     * @param attributes the 13 {@code default_*} attributes, {@code null} when unset, then the custom ones
     */
    public record UserView(String id, String userId, boolean banned, Map<String, String> attributes,
            Map<String, String> sessionAttributes, List<Segment> segments, List<Conversation> conversations,
            Instant createdAt, Instant lastSeen) {

        public UserView {
            attributes = frozen(attributes);
            sessionAttributes = frozen(sessionAttributes);
            segments = List.copyOf(segments);
            conversations = List.copyOf(conversations);
        }
    }

    /** @param users how many users are in the segment */
    public record Segment(String id, String name, int users, Instant createdAt) {
    }

    /** One of a user's chats; {@code firstMessage} is the first thing the user said, or {@code null}. */
    public record Conversation(String chatId, Instant date, String firstMessage) {
    }

    /**
     * A chat archive as {@code GET /v2/chats/{chatId}} shows it.
     *
     * @param userId     ChatBot.com's id of the chat's user
     * @param attributes the session's parameters
     */
    public record ChatView(String id, String storyId, String userId, String userName, Instant createdAt,
            Instant updatedAt, boolean finished, Map<String, String> attributes, List<Message> messages) {

        public ChatView {
            attributes = frozen(attributes);
            messages = List.copyOf(messages);
        }
    }

    /** @param author {@code user} or {@code bot} */
    public record Message(String id, String author, String text, Instant createdAt) {
    }

    /**
     * A session that has not ended yet.
     *
     * @param expiresAt  when it ends unless another query comes first
     * @param contexts   names of the interactions whose contexts are active, oldest first
     * @param parameters the session parameters (query parameters, session attributes, webhook attributes)
     */
    public record SessionView(String sessionId, String userId, String chatId, Instant expiresAt, List<String> contexts,
            Map<String, String> parameters) {

        public SessionView {
            contexts = List.copyOf(contexts);
            parameters = frozen(parameters);
        }
    }

    /** A webhook that passed the verification handshake. */
    public record Webhook(String id, String name, String url, String token) {
    }

    /**
     * The result of registering a webhook.
     *
     * @param status    the webhook's HTTP status, 0 when it did not answer
     * @param body      the webhook's answer, {@code null} when it did not answer
     * @param webhookId the new webhook's id when verified, else {@code null}
     * @param error     why it was not verified, {@code null} when it was
     */
    public record WebhookVerification(boolean verified, int status, String body, String webhookId, String error) {
    }

    /**
     * A call the simulator made to a webhook: {@code GET <url>?challenge=...&token=...} to verify it, or
     * {@code POST <url>?token=...} with an event.
     *
     * @param url         the webhook's URL, before the query parameters were added
     * @param requestBody the event sent, {@code null} for verifications and calls that never went out
     * @param status      the HTTP status, 0 when there was no answer
     * @param replyBody   the answer's body, {@code null} when there was no answer
     * @param error       what went wrong (no answer, timeout, a status other than 2xx, a reply that is not JSON, a
     *                    failed verification), {@code null} when nothing did
     */
    public record WebhookCall(String method, String url, String token, String requestBody, int status,
            String replyBody, String error) {

        /** The event sent, parsed; {@code null} when none was. */
        public JsonNode request() {
            return ChatbotcomJson.parseObject(requestBody);
        }

        /** The reply parsed as a JSON object, {@code null} when it is not one. */
        public JsonNode reply() {
            return ChatbotcomJson.parseObject(replyBody);
        }
    }

    /**
     * The data of a webhook event: ChatBot.com's v2 webhook body without the {@code node}'s webhook id and name,
     * which come from the webhook it is sent to.
     *
     * @param userId     ChatBot.com's id of the user
     * @param externalId the client's id of the user ({@code userId} in the users API)
     * @param nodeId     the interaction whose webhook node was reached
     */
    public record WebhookEvent(String chatId, String messageId, String userId, String externalId, String nodeId,
            String nodeName, Map<String, String> userAttributes, Map<String, String> attributes) {

        public WebhookEvent {
            userAttributes = frozen(userAttributes);
            attributes = frozen(attributes);
        }
    }

    /**
     * Describes an interaction to add to a story; start one with {@link #interaction(String, String)} and finish
     * with {@link #add()}.
     */
    public final class InteractionBuilder {

        private final String storyId;
        private final String name;
        private String action = "";
        private List<String> triggers = List.of();
        private List<String> userSays = List.of();
        private List<String> responses = List.of();
        private String requiredContext;
        private String webhookUrl;

        private InteractionBuilder(String storyId, String name) {
            this.storyId = Objects.requireNonNull(storyId);
            this.name = Objects.requireNonNull(name);
        }

        /** Names a {@code trigger} in a query can start the interaction with. */
        public InteractionBuilder triggers(String... names) {
            triggers = List.of(names);
            return this;
        }

        /** Example phrases a {@code query} is scored against. */
        public InteractionBuilder userSays(String... phrases) {
            userSays = List.of(phrases);
            return this;
        }

        /** The bot's text messages, in order. */
        public InteractionBuilder responses(String... messages) {
            responses = List.of(messages);
            return this;
        }

        public InteractionBuilder action(String actionName) {
            action = Objects.requireNonNull(actionName);
            return this;
        }

        /** The interaction only matches a query while the named interaction's context is active. */
        public InteractionBuilder requiredContext(String interactionName) {
            requiredContext = interactionName;
            return this;
        }

        /** Calls the webhook registered with this URL when the interaction matches. */
        public InteractionBuilder webhookUrl(String url) {
            webhookUrl = url;
            return this;
        }

        /** Calls this registered webhook when the interaction matches. */
        public InteractionBuilder webhook(String webhookId) {
            return webhookUrl(registeredWebhook(webhookId).url());
        }

        /** Adds the interaction and returns its id. */
        public String add() {
            return platform.addInteraction(new Interaction(null, storyId, name, action, triggers, userSays, responses,
                    requiredContext, webhookUrl, false), clock.now());
        }
    }

    private final SimulationClock clock = new SimulationClock();
    private final ChatbotcomWebhookCaller webhooks = new ChatbotcomWebhookCaller();
    private final ChatbotcomPlatform platform = new ChatbotcomPlatform(clock, webhooks);
    private final ChatListFaults chatListFaults = new ChatListFaults();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final RequestLog requests = new RequestLog();
    private final RateLimit rateLimit = new RateLimit();
    private final AtomicBoolean createUserAnswersArray = new AtomicBoolean();
    private volatile String baseUrl;

    public ChatbotcomSimulation() {
        accessTokens.add(DEFAULT_ACCESS_TOKEN);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void register(HttpServer server, FaultInjector faults) {
        InetSocketAddress address = server.getAddress();
        baseUrl = "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/" + NAME;
        ChatbotcomApi api = new ChatbotcomApi(platform, chatListFaults, accessTokens, rateLimit, clock,
                createUserAnswersArray::get);
        // No limiter for VendorEndpoint: it would leave requests hanging, whereas this one answers 429 (see RateLimit).
        server.createContext("/" + NAME,
                new VendorEndpoint(NAME, api.router(), faults, requests::add, api::error, null));
    }

    /**
     * Back to a fresh state: only the default story ("Support bot"), no users, chats or webhooks, only the default
     * access token, no rate limit, the real time, create user answering with an object, and no chat list glitch or
     * hook.
     */
    @Override
    public void reset() {
        chatListFaults.clear();
        clock.reset();
        platform.reset();
        webhooks.reset();
        requests.clear();
        rateLimit.off();
        createUserAnswersArray.set(false);
        // retainAll, not clear-and-add: a request during the reset must not see the default token missing.
        accessTokens.retainAll(Set.of(DEFAULT_ACCESS_TOKEN));
    }

    /** What a client sets as its ChatBot.com base URL, e.g. {@code http://127.0.0.1:8089/chatbotcom}. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("not registered with a running simulator");
        }
        return baseUrl;
    }

    /** The developer access token a client sends as {@code Authorization: Bearer <token>}. */
    public String accessToken() {
        return DEFAULT_ACCESS_TOKEN;
    }

    public void addAccessToken(String token) {
        accessTokens.add(Objects.requireNonNull(token));
    }

    // ---- time

    /** The simulation's current time. */
    public Instant now() {
        return clock.now();
    }

    /** Skips time ahead, e.g. past the 10-minute session timeout; it cannot go back. */
    public void advanceTime(Duration duration) {
        clock.advance(duration);
    }

    // ---- users and segments

    /**
     * Creates a user the way {@code POST /users} does and returns its id.
     *
     * @param userId     the client's id for the user, or {@code null} for a random UUID
     * @param attributes 1 to 99 attributes under the documented rules
     * @throws IllegalArgumentException with the API's message when a rule is broken or the userId exists
     */
    public String createUser(String userId, Map<String, String> attributes) {
        if (userId != null && (userId.isEmpty() || userId.length() > 256)) {
            throw new IllegalArgumentException("userId must be a string of 1 to 256 characters");
        }
        AttributeRules.checkAttributes("attributes", attributes);
        return platform.createUser(userId, attributes, List.of());
    }

    /** The user was active now: their {@code lastSeen} moves, and with it their place in the lastSeen order. */
    public void seeUser(String id) {
        platform.seeUser(id);
    }

    /** @throws IllegalArgumentException when there is no such user */
    public UserView user(String id) {
        return platform.user(id);
    }

    /** Every user's id, oldest first. */
    public List<String> userIds() {
        return platform.userIds();
    }

    /**
     * Adds {@code count} users for benchmarks, quickly (150,000 in about a second) and cheaply in memory: the first
     * created at {@code from}, each next one {@code spacing} later, last seen when created, with a random
     * {@code userId} and the attributes {@code default_name} "User 1", "User 2", ... and {@code default_email}
     * "user1@example.com", ... (counted within the call).
     */
    public void seedUsers(int count, Instant from, Duration spacing) {
        platform.seedUsers(count, Objects.requireNonNull(from), Objects.requireNonNull(spacing));
    }

    /**
     * Deletes the user with their chat archives and session: {@code GET /users/{id}} and their chats then answer 404,
     * the lists no longer show them, and a users page {@code after} them is refused as for any unknown user.
     *
     * @throws IllegalArgumentException when there is no such user
     */
    public void deleteUser(String id) {
        platform.deleteUser(id);
    }

    /** Creates a segment and returns its id. */
    public String createSegment(String name) {
        return platform.createSegment(Objects.requireNonNull(name));
    }

    /** @param id the user's id, as {@link #createUser} returns it (not their {@code userId}) */
    public void addToSegment(String id, String segmentId) {
        platform.addToSegment(id, segmentId);
    }

    /**
     * Makes {@code POST /users} answer with the form ChatBot.com's documentation shows, an array holding the
     * envelope, instead of the envelope itself.
     */
    public void respondToCreateUserWithArray(boolean array) {
        createUserAnswersArray.set(array);
    }

    // ---- stories

    /** The "Support bot" story every reset installs, whose ids are the same after every reset. */
    public String defaultStoryId() {
        return platform.defaultStoryId();
    }

    /** Adds a story, with a fallback interaction, and returns its id. */
    public String addStory(String name) {
        return addStory(name, "");
    }

    public String addStory(String name, String description) {
        return platform.addStory(Objects.requireNonNull(name), Objects.requireNonNull(description), clock.now());
    }

    /** Adds an interaction that answers {@code responses} to queries like {@code userSays}, and returns its id. */
    public String addInteraction(String storyId, String name, List<String> userSays, List<String> responses) {
        return interaction(storyId, name).userSays(userSays.toArray(String[]::new))
                .responses(responses.toArray(String[]::new))
                .add();
    }

    /** Starts describing an interaction with triggers, a required context, an action or a webhook. */
    public InteractionBuilder interaction(String storyId, String name) {
        return new InteractionBuilder(storyId, name);
    }

    /** The id of a story's interaction, e.g. of the default story's {@code "refund"} or {@code "fallback"}. */
    public String interactionId(String storyId, String name) {
        return platform.interactionId(storyId, name);
    }

    /** From now on the interaction calls this registered webhook whenever it matches. */
    public void bindWebhook(String interactionId, String webhookId) {
        platform.bindWebhook(interactionId, registeredWebhook(webhookId).url());
    }

    // ---- sessions and chats

    /**
     * A visitor's message to the bot, exactly as {@code POST /query} with only {@code sessionId} and {@code query}
     * would handle it (new session and chat if needed, contexts, webhooks, archive); returns the bot's messages.
     */
    public List<String> query(String sessionId, String text) {
        if (sessionId.length() < 10 || sessionId.length() > 64) {
            throw new IllegalArgumentException("sessionId must be a string of 10 to 64 characters");
        }
        if (text.isEmpty() || text.length() > 256) {
            throw new IllegalArgumentException("query must be a string of 1 to 256 characters");
        }
        return platform.query(QueryRequest.of(sessionId, QueryRequest.Kind.QUERY, text, Map.of())).fulfillment()
                .stream()
                .map(QueryOutcome.Fulfillment::message)
                .toList();
    }

    /** The sessions that have not ended. */
    public List<SessionView> sessions() {
        return platform.sessions();
    }

    /** Ends the session now, as 10 minutes of silence would: its chat is finished, the next query starts a new one. */
    public void expireSession(String sessionId) {
        platform.expireSession(sessionId);
    }

    /**
     * Adds {@code count} finished chat archives for benchmarks, quickly and cheaply in memory: the first created at
     * {@code from}, each next one {@code spacing} later, each the only chat of a new visitor (so {@code count} users
     * too, named "Visitor", with a random {@code userId}), on the default story, with {@code messagesPerChat} messages
     * a second apart, the visitor's and the bot's in turn, the visitor last seen at their last message.
     */
    public void seedChats(int count, Instant from, Duration spacing, int messagesPerChat) {
        platform.seedChats(count, Objects.requireNonNull(from), Objects.requireNonNull(spacing), messagesPerChat);
    }

    /** Every chat's id in the archive's order: newest first. */
    public List<String> chatIds() {
        return platform.chatIds();
    }

    /** @throws IllegalArgumentException when there is no such chat */
    public ChatView chat(String id) {
        return platform.chat(id);
    }

    /**
     * Deletes the chat archive: {@code GET /v2/chats/{chatId}} answers 404, the list and its user's conversations no
     * longer show it, and its session ends, so the next query with that session id starts a new chat.
     *
     * @throws IllegalArgumentException when there is no such chat
     */
    public void deleteChat(String id) {
        platform.deleteChat(id);
    }

    /**
     * A vendor glitch: the next {@code times} requests to {@code GET /v2/chats}, whichever page they ask for, get
     * only the first {@code items} chats of their page (0 for none). A later call replaces this one.
     */
    public void answerNextChatListsShort(int items, int times) {
        chatListFaults.answerShort(items, times);
    }

    /**
     * A stale cache: the next {@code times} requests to {@code GET /v2/chats} are answered exactly as the request
     * before them was, whatever their {@code after}, so a client following the cursor gets the same chats again. A
     * request with no answer before it since the last reset is answered as usual and uses up none of the times.
     * Together with {@link #answerNextChatListsShort} the repeated answer is cut short too. A later call replaces
     * this one.
     */
    public void answerNextChatListsWithPrevious(int times) {
        chatListFaults.answerWithPrevious(times);
    }

    /**
     * Runs {@code hook} on the server thread before each {@code GET /v2/chats} request is answered (after its
     * {@code after} is checked, before any glitch applies), so that a test can start, finish or delete chats between
     * two pages of a client's scan, e.g. by counting the requests. A hook that throws makes the request answer 500.
     * {@code null} removes it, and so does {@link #reset()}.
     */
    public void beforeChatList(Runnable hook) {
        chatListFaults.beforeChatList(hook);
    }

    /** Marks the chat finished and ends its session. */
    public void finishChat(String id) {
        platform.finishChat(id);
    }

    // ---- webhooks

    /** {@link #registerWebhook(String, String, String)} with the name {@code "webhook"}. */
    public WebhookVerification registerWebhook(String url, String verificationToken) {
        return registerWebhook("webhook", url, verificationToken);
    }

    /**
     * Verifies a client's webhook as ChatBot.com does when one is created: {@code GET <url>?challenge=..&token=..}
     * must answer 200 with exactly the challenge. Only a verified webhook is kept, under the returned id.
     */
    public WebhookVerification registerWebhook(String name, String url, String verificationToken) {
        return webhooks.register(platform.newId(), Objects.requireNonNull(name), Objects.requireNonNull(url),
                Objects.requireNonNull(verificationToken));
    }

    /** The verified webhooks, oldest first. */
    public List<Webhook> webhooks() {
        return webhooks.webhooks();
    }

    /** POSTs an event to a registered webhook, waiting at most the webhook timeout (10 s unless set otherwise). */
    public WebhookCall sendEvent(String webhookId, WebhookEvent event) {
        return webhooks.send(webhookId, Objects.requireNonNull(event));
    }

    /** Every call made to a webhook, verifications included, oldest first. */
    public List<WebhookCall> webhookCalls() {
        return webhooks.calls();
    }

    /** How long a webhook may take to answer; ChatBot.com allows 10 s. */
    public void setWebhookTimeout(Duration timeout) {
        webhooks.setTimeout(timeout);
    }

    // ---- limits and recorded requests

    /**
     * Answers 429 with {@code Retry-After} (whole seconds) once more than {@code limit} requests arrive within any
     * {@code window} of simulation time. Off by default: ChatBot.com documents no limit.
     */
    public void setRateLimit(int limit, Duration window) {
        rateLimit.set(limit, window);
    }

    /** Requests answered 429 by the rate limit. */
    public int rejectedByRateLimit() {
        return rateLimit.rejected();
    }

    /** Every request that reached this vendor, in arrival order, including those rejected or faulted. */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    public int requestCount() {
        return (int) requests.total();
    }

    /** How many users list pages have stepped over, taken or counted, ever: what tests of the list's cost count. */
    long usersVisitedByList() {
        return platform.usersVisitedByList();
    }

    /** How many chat archives list pages have taken, ever. */
    long chatsVisitedByList() {
        return platform.chatsVisitedByList();
    }

    // ---- demo

    /**
     * Adds 20 users, two segments ("Leads", "Customers") and 15 finished chats, played through the bot over the
     * three days before the start of the current UTC hour; deterministic for the seed within that hour.
     */
    @Override
    public void seedDemo(long seed) {
        seedDemo(seed, clock.now().truncatedTo(ChronoUnit.HOURS));
    }

    /**
     * Like {@link #seedDemo(long)}, but over the three days before {@code until}, which must not be in the future:
     * fully reproducible on a fresh simulation.
     */
    public void seedDemo(long seed, Instant until) {
        DemoData.seed(platform, clock, seed, until);
    }

    @Override
    public Runnable demoActivity(long seed) {
        return new LiveDemo(platform, seed);
    }

    @Override
    public List<String> connectionInfo() {
        return List.of("ChatBot.com simulator: baseUrl=" + baseUrl() + " accessToken=" + accessToken());
    }

    private Webhook registeredWebhook(String webhookId) {
        return webhooks.webhooks().stream()
                .filter(webhook -> webhook.id().equals(webhookId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no verified webhook with id " + webhookId));
    }

    /** Unmodifiable, in order, and unlike {@link Map#copyOf} it keeps the {@code null}s of unset attributes. */
    private static Map<String, String> frozen(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
