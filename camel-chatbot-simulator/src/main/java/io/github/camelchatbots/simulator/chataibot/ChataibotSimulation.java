package io.github.camelchatbots.simulator.chataibot;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stateful fake of ChatAIBot's API, mounted under {@code /chataibot}: the API channel (start a conversation, send
 * the visitor's messages) with a small scripted bot per bot key, and knowledge-base sources that are processed on a
 * simulation clock. Tests arrange data and move time through the methods here, and assert on what clients sent via
 * {@link #requests()}, on the conversations via {@link #conversation(String)} and on the callbacks made to them via
 * {@link #callbackCalls()}.
 *
 * <p>ChatAIBot does not document where the bot's replies to API-channel messages go; {@link
 * #setReplyDelivery(ReplyDelivery)} chooses between the send-message answer and a callback.
 *
 * <p>The simulation clock stands still unless {@link #advanceTime(Duration)} moves it, so that a test decides when an
 * uploaded source has finished processing; the demo ({@link #seedDemo(long)}) lets it follow real time.
 */
public final class ChataibotSimulation implements VendorSimulation {

    public static final String NAME = "chataibot";

    /** The account token a client sends as {@code Authorization: Bearer <token>}. */
    public static final String DEFAULT_ACCESS_TOKEN = "sim-chataibot-account-token-0123456789";

    /** The account's id, the suffix of every {@code visitor_key}; digits only, so the key splits at its last "_". */
    public static final String DEFAULT_ACCOUNT_ID = "73105";

    /** How long an uploaded source stays {@code in-progress}, in simulation time, unless set otherwise. */
    public static final Duration DEFAULT_SOURCE_PROCESSING_TIME = Duration.ofSeconds(30);

    /** What a bot answers a message none of its keywords matches, unless set otherwise. */
    public static final String DEFAULT_FALLBACK_ANSWER = "Sorry, I didn't understand that. Could you rephrase?";

    /** The header {@link #registerCallback(String, String)} sends the secret in. */
    public static final String CALLBACK_SECRET_HEADER = "X-ChatAIBot-Secret";

    /** How long a callback may take to answer before the call counts as failed. */
    public static final Duration DEFAULT_CALLBACK_TIMEOUT = ChataibotCallbackCaller.DEFAULT_TIMEOUT;

    /** The deployed bot of the demo world. */
    public static final String DEMO_BOT_KEY = DemoData.BOT_KEY;

    /** The knowledge base of the demo world. */
    public static final int DEMO_KNOWLEDGE_BASE_ID = DemoData.KNOWLEDGE_BASE_ID;

    /**
     * A bot deployed on the API channel.
     *
     * @param userId    the bot user conversations are assigned to: the start answer's {@code assignee.id}
     * @param userEmail the start answer's {@code assignee.to}
     */
    public record Bot(String botKey, String userId, String userEmail) {
    }

    /** What a visitor told about themselves; each field {@code null} when never told. */
    public record Contact(String name, String email, String phone) {
    }

    /**
     * A message of a conversation.
     *
     * @param from {@code VISITOR} or {@code BOT}
     */
    public record Message(String id, String conversationId, String from, String text, Instant createdAt) {
    }

    /**
     * A conversation as the simulator keeps it.
     *
     * @param contact   the visitor's contact as known now, merged over all their conversations
     * @param variables the start request's {@code variables} ({@code system}, {@code contact}, {@code conversation}),
     *                  an empty object when it sent none
     * @param messages  the visitor's messages and the bot's replies, in order
     */
    public record ConversationView(String id, String botKey, String userExternalId, String visitorKey,
            Contact contact, JsonNode variables, Instant createdAt, List<Message> messages) {

        public ConversationView {
            messages = List.copyOf(messages);
        }
    }

    /**
     * A POST the simulator made to the callback URL with one bot reply.
     *
     * @param url          the callback URL, {@code null} when none was registered and nothing was sent
     * @param requestBody  the reply as sent
     * @param status       the HTTP status, 0 when there was no answer
     * @param responseBody the answer's body, {@code null} when there was no answer
     * @param error        what went wrong (no URL, no answer, timeout, a status other than 2xx), {@code null} when
     *                     nothing did
     */
    public record CallbackCall(String url, String conversationId, String messageId, String requestBody, int status,
            String responseBody, String error) {

        /** The reply sent, parsed. */
        public JsonNode request() {
            return ChataibotJson.parseObject(requestBody);
        }
    }

    /**
     * A knowledge-base source.
     *
     * @param field     the form field it was uploaded in
     * @param type      {@code file} or {@code text}
     * @param name      the file's name, or for a text its field's name
     * @param content   the file's or text's content, decoded as UTF-8
     * @param status    {@code in-progress}, {@code completed} or {@code failed}, as of the simulation clock's now
     * @param error     why it failed, {@code null} unless it did
     * @param readyAt   when processing ends
     */
    public record Source(int id, int knowledgeBaseId, String field, String type, String name, String content,
            String status, String error, Instant uploadedAt, Instant readyAt) {
    }

    private final SimulationClock clock = new SimulationClock();
    private final Ids ids = new Ids();
    private final ChataibotCallbackCaller callbacks = new ChataibotCallbackCaller();
    private final ChataibotPlatform platform = new ChataibotPlatform(clock, ids, callbacks);
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final RequestLog requests = new RequestLog();
    private final RateLimit rateLimit = new RateLimit();
    private final OkFalseAnswers okFalseAnswers = new OkFalseAnswers();
    private volatile String baseUrl;

    public ChataibotSimulation() {
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
        ChataibotApi api = new ChataibotApi(platform, accessTokens, rateLimit, okFalseAnswers);
        // No limiter for VendorEndpoint: it would leave requests hanging, whereas this one answers 429 (see RateLimit).
        server.createContext("/" + NAME,
                new VendorEndpoint(NAME, api.router(), faults, requests::add, ChataibotJson::error, null));
    }

    /**
     * Back to a fresh state: no bots, conversations, knowledge bases or callback, only the default access token and
     * account id, replies in the answer, the default processing time, no rate limit and no scheduled
     * {@code ok:false}, and a clock standing still at the real time.
     */
    @Override
    public void reset() {
        clock.reset();
        ids.reseed(0);
        platform.reset();
        callbacks.reset();
        requests.clear();
        rateLimit.off();
        okFalseAnswers.clear();
        // retainAll, not clear-and-add: a request during the reset must not see the default token missing.
        accessTokens.retainAll(Set.of(DEFAULT_ACCESS_TOKEN));
    }

    /** What a client sets as its ChatAIBot base URL, e.g. {@code http://127.0.0.1:8089/chataibot}. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("not registered with a running simulator");
        }
        return baseUrl;
    }

    public String accessToken() {
        return DEFAULT_ACCESS_TOKEN;
    }

    public void addAccessToken(String token) {
        accessTokens.add(Objects.requireNonNull(token));
    }

    public String accountId() {
        return platform.accountId();
    }

    /** Changes the suffix of the {@code visitor_key}s handed out from now on. */
    public void setAccountId(String accountId) {
        platform.accountId(accountId);
    }

    // ---- time

    public Instant now() {
        return clock.now();
    }

    /** Skips time ahead, e.g. past the processing time of the sources uploaded; it cannot go back. */
    public void advanceTime(Duration duration) {
        clock.advance(duration);
    }

    /** Lets the simulation clock run with the real one (the demo's mode), or stops it where it is (the default). */
    public void followRealTime(boolean follow) {
        clock.followRealTime(follow);
    }

    // ---- bots

    /**
     * Deploys a bot under this key on the API channel, with a bot user of its own, and returns it. Deploying a key
     * again starts its flow afresh: no rules, the default fallback.
     */
    public Bot registerBot(String botKey) {
        String userId = ids.objectId();
        return platform.registerBot(botKey, userId, "bot-" + userId.substring(0, 8) + "@bots.chataibot.example");
    }

    /** Deploys a bot whose conversations are assigned to the given bot user. */
    public Bot registerBot(String botKey, String botUserId, String botUserEmail) {
        return platform.registerBot(botKey, botUserId, botUserEmail);
    }

    /** @throws IllegalArgumentException when no bot is deployed under the key */
    public Bot bot(String botKey) {
        return platform.bot(botKey);
    }

    public List<Bot> bots() {
        return platform.bots();
    }

    /**
     * Adds a rule to the bot's flow: a visitor message containing {@code keyword} as a whole word or phrase
     * (case-insensitive) gets {@code answers}, one reply each. Rules are tried in the order they were added.
     */
    public void scriptAnswer(String botKey, String keyword, String... answers) {
        platform.scriptAnswer(botKey, keyword, List.of(answers));
    }

    /** What the bot answers when no rule matches; {@link #DEFAULT_FALLBACK_ANSWER} unless set. */
    public void setFallbackAnswer(String botKey, String... answers) {
        platform.fallbackAnswer(botKey, List.of(answers));
    }

    // ---- replies

    /** How the bot's replies reach the client from now on; {@link ReplyDelivery#IN_ANSWER} by default. */
    public void setReplyDelivery(ReplyDelivery delivery) {
        platform.delivery(delivery);
    }

    public ReplyDelivery replyDelivery() {
        return platform.delivery();
    }

    /** Where {@link ReplyDelivery#CALLBACK} POSTs the replies given from now on. */
    public void registerCallback(String url) {
        callbacks.register(url, null, null);
    }

    /** Like {@link #registerCallback(String)}, sending {@code secret} in {@link #CALLBACK_SECRET_HEADER}. */
    public void registerCallback(String url, String secret) {
        callbacks.register(url, CALLBACK_SECRET_HEADER, Objects.requireNonNull(secret));
    }

    /** Like {@link #registerCallback(String)}, sending {@code secret} in the header {@code headerName}. */
    public void registerCallback(String url, String headerName, String secret) {
        callbacks.register(url, Objects.requireNonNull(headerName), Objects.requireNonNull(secret));
    }

    /** The registered callback URL, {@code null} when there is none. */
    public String callbackUrl() {
        return callbacks.url();
    }

    public void setCallbackTimeout(Duration timeout) {
        callbacks.setTimeout(timeout);
    }

    /** The callback calls made so far, oldest first (the newest 10,000). */
    public List<CallbackCall> callbackCalls() {
        return callbacks.calls();
    }

    /**
     * Waits until at least {@code count} callback calls were made, at most {@code timeout}, and returns the calls
     * made by then: callbacks are asynchronous, so a test awaits them instead of sleeping.
     */
    public List<CallbackCall> awaitCallbackCalls(int count, Duration timeout) {
        try {
            return callbacks.await(count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return callbacks.calls();
        }
    }

    // ---- conversations

    /**
     * Starts a conversation as {@code POST /api/v1/conversations} does, without variables, and returns its id. The
     * bot's replies to {@code text} are delivered as set by {@link #setReplyDelivery(ReplyDelivery)}.
     */
    public String startConversation(String botKey, String userExternalId, String text) {
        return platform.start(botKey, Objects.requireNonNull(userExternalId), new Contact(null, null, null), null,
                Objects.requireNonNull(text), true).conversation().id();
    }

    /**
     * A visitor message, as {@code POST /api/v1/conversation/{id}/messages} handles it; returns the bot's replies
     * to it, which are delivered as set by {@link #setReplyDelivery(ReplyDelivery)} too.
     */
    public List<String> visitorSays(String conversationId, String text) {
        return platform.send(conversationId, Objects.requireNonNull(text), true).botReplies().stream()
                .map(Message::text)
                .toList();
    }

    /**
     * Ends a conversation as if ChatAIBot had deleted it: from now on it is unknown, so a visitor message to it is
     * answered 404 {@code Conversation not found}, as for an id that never existed. ChatAIBot documents no call that
     * closes or deletes a conversation, nor what it answers for one that ended; this is the simulator's choice, for
     * clients that must recover when a conversation they remember is gone.
     *
     * @throws IllegalArgumentException when there is no such conversation
     */
    public void deleteConversation(String id) {
        platform.deleteConversation(Objects.requireNonNull(id));
    }

    /** Every conversation's id, oldest first. */
    public List<String> conversationIds() {
        return platform.conversationIds();
    }

    /** @throws IllegalArgumentException when there is no such conversation */
    public ConversationView conversation(String id) {
        return platform.conversation(id);
    }

    // ---- knowledge bases

    public void registerKnowledgeBase(int knowledgeBaseId) {
        platform.registerKnowledgeBase(knowledgeBaseId);
    }

    public List<Integer> knowledgeBaseIds() {
        return platform.knowledgeBaseIds();
    }

    /** How long sources uploaded from now on stay {@code in-progress}, in simulation time; zero is allowed. */
    public void setSourceProcessingTime(Duration processingTime) {
        platform.processingTime(processingTime);
    }

    /** Sources uploaded from now on under exactly this name (a file's name, a text's field name) fail. */
    public void failSourcesNamed(String name) {
        platform.failSourcesNamed(name);
    }

    /** Sources uploaded from now on whose content contains {@code text} fail. */
    public void failSourcesContaining(String text) {
        platform.failSourcesContaining(text);
    }

    /** Uploads a text as the upload call does, and returns its source id. Empty contents fail, like any blank one. */
    public int uploadText(int knowledgeBaseId, String field, String text) {
        return platform.upload(knowledgeBaseId, field, ChataibotPlatform.TEXT, field, text).id();
    }

    /** Uploads a file as the upload call does, and returns its source id. */
    public int uploadFile(int knowledgeBaseId, String field, String filename, String content) {
        return platform.upload(knowledgeBaseId, field, ChataibotPlatform.FILE, filename, content).id();
    }

    /** Every source, oldest first, with its status as of now. */
    public List<Source> sources() {
        return platform.sources();
    }

    /** @throws IllegalArgumentException when there is no such source */
    public Source source(int id) {
        return platform.source(id);
    }

    // ---- failures, limits and recorded requests

    /**
     * The next {@code times} authorized requests are answered {@code {"ok":false,"message":message}} with HTTP 200
     * and not processed, for clients that must treat {@code "ok": false} as a failure whatever the status.
     */
    public void respondOkFalse(int times, String message) {
        okFalseAnswers.add(times, null, "message", Objects.requireNonNull(message));
    }

    /** Like {@link #respondOkFalse(int, String)}, only for vendor-relative paths matching {@code pathRegex}. */
    public void respondOkFalse(int times, String pathRegex, String message) {
        okFalseAnswers.add(times, Objects.requireNonNull(pathRegex), "message", Objects.requireNonNull(message));
    }

    /**
     * Like {@link #respondOkFalse(int, String, String)}, answering {@code {"ok":false,"error":error}} with HTTP 200:
     * the error envelope's field in a successful status, the other form clients must read. {@code pathRegex} may be
     * {@code null} for every path.
     */
    public void respondOkFalseWithError(int times, String pathRegex, String error) {
        okFalseAnswers.add(times, pathRegex, "error", Objects.requireNonNull(error));
    }

    /** Scheduled {@code ok:false} answers not given yet. */
    public int pendingOkFalseAnswers() {
        return okFalseAnswers.remaining();
    }

    /**
     * Answers 429 with {@code Retry-After} (whole seconds) once more than {@code requests} arrive within any real-time
     * {@code window}. Off by default: ChatAIBot documents no limit.
     */
    public void setRateLimit(int requests, Duration window) {
        rateLimit.set(requests, window);
    }

    public int rejectedByRateLimit() {
        return rateLimit.rejected();
    }

    /** The requests that reached this vendor, oldest first, refused and faulted ones included (the newest 10,000). */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    public int requestCount() {
        return (int) requests.total();
    }

    // ---- demo

    /**
     * The demo world, with its past in the two days before the start of the current UTC hour, and the clock following
     * real time from then on, so that sources uploaded to the demo finish processing by themselves.
     */
    @Override
    public void seedDemo(long seed) {
        seedDemo(seed, clock.now().truncatedTo(ChronoUnit.HOURS));
        clock.followRealTime(true);
    }

    /**
     * The demo world's bot {@link #DEMO_BOT_KEY} with scripted answers (greeting, opening hours, pricing, a fallback),
     * knowledge base {@link #DEMO_KNOWLEDGE_BASE_ID} with processed sources (one failed), and visitors'
     * conversations in the two days before {@code until}. Leaves the clock as it is: fully reproducible on a fresh
     * simulation.
     */
    public void seedDemo(long seed, Instant until) {
        ids.reseed(seed);
        DemoData.seed(platform, clock, seed, until);
    }

    /**
     * Each run is one step of the demo world: a visitor starts or continues a conversation with the demo bot, or a
     * new source is uploaded to the demo knowledge base. A clock that stands still is moved 10 seconds per step,
     * so that the processing of sources moves on; one following real time moves by itself.
     */
    @Override
    public Runnable demoActivity(long seed) {
        return new LiveDemo(platform, clock, seed);
    }

    @Override
    public List<String> connectionInfo() {
        List<String> lines = new ArrayList<>();
        lines.add("ChatAIBot simulator: baseUrl=" + baseUrl() + " accessToken=" + accessToken() + " accountId="
                + accountId());
        bots().forEach(bot -> lines.add("ChatAIBot bot: bot_key=" + bot.botKey()));
        knowledgeBaseIds().forEach(id -> lines.add("ChatAIBot knowledge base: knowledge_base_id=" + id));
        return lines;
    }
}
