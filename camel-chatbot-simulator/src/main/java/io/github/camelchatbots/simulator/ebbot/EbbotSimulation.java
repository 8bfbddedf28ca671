package io.github.camelchatbots.simulator.ebbot;

import com.sun.net.httpserver.HttpServer;

import io.github.camelchatbots.simulator.FaultInjector;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.RequestLog;
import io.github.camelchatbots.simulator.VendorEndpoint;
import io.github.camelchatbots.simulator.VendorSimulation;
import io.github.camelchatbots.simulator.http.SlidingWindowLimiter;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.IntConsumer;

/**
 * A stateful fake of Ebbot's Chats API and incoming webhooks, mounted under {@code /ebbot}. Tests arrange data through
 * the methods here and assert on what clients sent via {@link #requests()} and the rate-limit counters.
 */
public final class EbbotSimulation implements VendorSimulation {

    public static final String NAME = "ebbot";

    /** Ebbot keys are {@code <public-key>.<secret-key>}. */
    public static final String DEFAULT_API_KEY = "simpublic.simsecret-0123456789";

    /** Ebbot's documented limit for the Chats API. */
    public static final int DEFAULT_RATE_LIMIT = 20;
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofMinutes(1);
    public static final Duration DEFAULT_HANG_TIMEOUT = Duration.ofMinutes(5);

    private static final Set<String> SENDERS = Set.of("user", "bot", "agent", "system");

    /** One line of a chat transcript. */
    public record Message(String sender, String text, Instant at) {
    }

    /** Millisecond ticks: Ebbot's timestamps have millisecond precision, so everything stored here has too. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final ChatStore chats = new ChatStore();
    private final ListFaults listFaults = new ListFaults();
    private final EbbotBot bot = new EbbotBot();
    private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> webhooks = new CopyOnWriteArraySet<>();
    private final RequestLog requests = new RequestLog();
    private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(
            path -> path.startsWith("/api/chats/"), DEFAULT_RATE_LIMIT, DEFAULT_RATE_WINDOW, DEFAULT_HANG_TIMEOUT);
    private volatile String baseUrl;

    public EbbotSimulation() {
        apiKeys.add(DEFAULT_API_KEY);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void register(HttpServer server, FaultInjector faults) {
        InetSocketAddress address = server.getAddress();
        baseUrl = "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/" + NAME;
        EbbotApi api = new EbbotApi(chats, listFaults, bot, apiKeys, webhooks, clock);
        server.createContext("/" + NAME,
                new VendorEndpoint(NAME, api.router(), faults, requests::add, EbbotJson::error, limiter));
    }

    @Override
    public void reset() {
        listFaults.clear();
        chats.clear();
        bot.clear();
        webhooks.clear();
        requests.clear();
        limiter.reset();
        // retainAll, not clear-and-add: a request during the reset must not see the default key missing.
        apiKeys.retainAll(Set.of(DEFAULT_API_KEY));
    }

    /** What a client sets as its Ebbot base URL, e.g. {@code http://127.0.0.1:8089/ebbot}. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("not registered with a running simulator");
        }
        return baseUrl;
    }

    public String apiKey() {
        return DEFAULT_API_KEY;
    }

    public void addApiKey(String key) {
        apiKeys.add(Objects.requireNonNull(key));
    }

    public String createChat(Instant createdAt) {
        return createChat(createdAt, null);
    }

    /** @param chatUserName the visitor's name; {@code null} gives an anonymous visitor a generated name */
    public String createChat(Instant createdAt, String chatUserName) {
        return chats.open(Objects.requireNonNull(createdAt), chatUserName, UUID.randomUUID());
    }

    /** @param sender {@code user}, {@code bot}, {@code agent} or {@code system} */
    public void addMessage(String chatId, String sender, String text, Instant at) {
        if (!SENDERS.contains(sender)) {
            throw new IllegalArgumentException("sender must be one of " + SENDERS + ", was " + sender);
        }
        Message message = new Message(sender, Objects.requireNonNull(text), at.truncatedTo(ChronoUnit.MILLIS));
        chats.update(chatId, chat -> chat.withMessage(message));
    }

    public void closeChat(String chatId) {
        setStatus(chatId, "closed");
    }

    public void setStatus(String chatId, String status) {
        Instant now = clock.instant();
        chats.update(chatId, chat -> chat.withStatus(Objects.requireNonNull(status), now));
    }

    /**
     * Deletes the chat, as Ebbot does when a chat is removed: the list no longer shows it and its transcript answers
     * 404 {@code Chat not found}.
     *
     * @throws java.util.NoSuchElementException when there is no such chat
     */
    public void deleteChat(String chatId) {
        chats.delete(chatId);
    }

    /**
     * A vendor glitch: the next {@code times} list requests for {@code page} get only the first {@code items} chats
     * of that page (0 for none), whatever their {@code limit}. A later call for the same page replaces this one.
     */
    public void answerPageShort(int page, int items, int times) {
        listFaults.answerShort(page, items, times);
    }

    /**
     * A stale cache: the next {@code times} list requests for {@code page} are answered with the chats of
     * {@code otherPage} (at the request's {@code limit}). Together with {@link #answerPageShort} on the same page,
     * they get the other page's chats, cut short. A later call for the same page replaces this one.
     */
    public void answerPageWith(int page, int otherPage, int times) {
        listFaults.answerWith(page, otherPage, times);
    }

    /**
     * Runs {@code hook} on the server thread before each list page is computed (after its parameters are checked,
     * before any glitch applies), given the requested page number, so that a test can add or delete chats between
     * two pages of a client's scan: e.g. {@code page -> { if (page == 2) { createChat(Instant.now()); } }}. A hook
     * that throws makes the request answer 500. {@code null} removes it, and so does {@link #reset()}.
     */
    public void beforeListPage(IntConsumer hook) {
        listFaults.beforeListPage(hook);
    }

    /** All chat ids in the order the list endpoint returns them: newest first. */
    public List<String> chatIds() {
        return chats.newestFirst().stream().map(Chat::id).toList();
    }

    public List<Message> transcript(String chatId) {
        return chats.get(chatId).messages();
    }

    /** Creates an incoming webhook; its id is the secret part of {@code <baseUrl>/api/webhooks/<id>}. */
    public String createIncomingWebhook() {
        String id = UUID.randomUUID().toString();
        webhooks.add(id);
        return id;
    }

    /** Ids of the incoming webhooks, oldest first. */
    public List<String> webhookIds() {
        return List.copyOf(webhooks);
    }

    /**
     * Adds a bot rule: a user message containing {@code keyword} (case-insensitive) runs {@code scenarioName} and gets
     * {@code answers}. Rules are tried in the order they were added.
     */
    public void scriptAnswer(String keywordLowerCase, String scenarioName, String... answers) {
        bot.script(keywordLowerCase, scenarioName, List.of(answers));
    }

    /**
     * Adds about 25 realistic support chats spread over the last week, deterministic for the seed within the same
     * UTC hour (the data is anchored at the start of the current hour so it always looks recent).
     */
    public void seedDemoData(long seed) {
        seedDemoData(seed, clock.instant().truncatedTo(ChronoUnit.HOURS));
    }

    /** Like {@link #seedDemoData(long)}, but every timestamp lies before {@code until}: fully reproducible. */
    public void seedDemoData(long seed, Instant until) {
        DemoData.seed(chats, seed, until);
    }

    /**
     * Adds {@code count} chats for benchmarks, quickly (150,000 in a second or two) and cheaply in memory: anonymous
     * visitors, the first chat created at {@code from} and each next one {@code spacing} later, each with
     * {@code messagesPerChat} lines of the same user-and-bot exchange a second apart, and closed a second after the
     * last line when {@code closed}.
     */
    public void seedChats(int count, Instant from, Duration spacing, int messagesPerChat, boolean closed) {
        SeededChats.seed(chats, count, Objects.requireNonNull(from), Objects.requireNonNull(spacing), messagesPerChat,
                closed);
    }

    public void setRateLimit(int requests, Duration window) {
        limiter.setLimit(requests, window);
    }

    public void setHangTimeout(Duration timeout) {
        limiter.setHangTimeout(timeout);
    }

    /** Accepted requests to {@code /api/chats/**}, whether answered normally or by an injected fault. */
    public int requestCount() {
        return limiter.accepted();
    }

    /** Requests to {@code /api/chats/**} that arrived over the rate limit and were left hanging. */
    public int rejectedByRateLimit() {
        return limiter.rejected();
    }

    /** The most accepted {@code /api/chats/**} requests seen within one sliding window of the configured length. */
    public int maxRequestsInAnyWindow() {
        return limiter.maxInWindow();
    }

    /** Every request that reached this vendor, in arrival order. */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /** How many chats list pages have stepped over or taken, ever: what tests of the list's cost count. */
    long chatsVisitedByList() {
        return chats.visited();
    }

    @Override
    public void seedDemo(long seed) {
        seedDemoData(seed);
        DemoData.scriptAnswers(bot);
        webhooks.add(DemoData.webhookId(seed));
    }

    @Override
    public Runnable demoActivity(long seed) {
        return new LiveDemo(chats, seed, clock);
    }

    @Override
    public List<String> connectionInfo() {
        List<String> lines = new ArrayList<>();
        lines.add("Ebbot simulator: baseUrl=" + baseUrl() + " apiKey=" + apiKey());
        webhooks.forEach(id -> lines.add("Ebbot incoming webhook: POST " + baseUrl() + "/api/webhooks/" + id));
        return lines;
    }
}
