package io.github.camelchatbots.simulator.chataibot;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Bot;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Contact;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.ConversationView;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Message;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Source;
import io.github.camelchatbots.simulator.http.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simulated account: deployed bots and their scripts, conversations with their messages, visitors' contacts,
 * knowledge bases and their sources. One lock over all of it, so that the replies of one conversation are stored,
 * queued for the answer and handed to the callback caller in one order.
 */
final class ChataibotPlatform {

    static final String VISITOR = "VISITOR";
    static final String BOT = "BOT";
    static final String TEXT = "text";
    static final String FILE = "file";
    static final String IN_PROGRESS = "in-progress";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    /** The documented upload answer shows this id; any number would do, a realistic one reads better. */
    private static final int FIRST_SOURCE_ID = 330783;

    /** What a conversation start hands back. */
    record Started(ConversationView conversation, Bot bot) {
    }

    /**
     * What a visitor message hands back.
     *
     * @param botReplies     the bot's replies to this message
     * @param answerReplies  the replies for the answer, earlier ones included, {@code null} when replies do not go
     *                       in the answer
     */
    record Sent(String messageId, List<Message> botReplies, List<Message> answerReplies) {
    }

    private record BotState(Bot bot, BotScript script) {
    }

    /** A visitor's message and the bot's replies to it. */
    private record Turn(Message said, List<Message> replies) {
    }

    private static final class Conversation {
        private final String id;
        private final String botKey;
        private final String userExternalId;
        private final String visitorKey;
        private final ObjectNode variables;
        private final Instant createdAt;
        private final List<Message> messages = new ArrayList<>();
        /** Bot replies no send-message answer has carried yet. */
        private final List<Message> notYetAnswered = new ArrayList<>();

        private Conversation(String id, String botKey, String userExternalId, String visitorKey, ObjectNode variables,
                Instant createdAt) {
            this.id = id;
            this.botKey = botKey;
            this.userExternalId = userExternalId;
            this.visitorKey = visitorKey;
            this.variables = variables;
            this.createdAt = createdAt;
        }
    }

    /** @param failure why processing fails, decided at upload; {@code null} when it completes */
    private record SourceState(int id, int knowledgeBaseId, String field, String type, String name, String content,
            Instant uploadedAt, Instant readyAt, String failure) {
    }

    private final SimulationClock clock;
    private final Ids ids;
    private final ChataibotCallbackCaller callbacks;

    private final Map<String, BotState> bots = new LinkedHashMap<>();
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    /** By visitor key: a visitor who starts another conversation keeps what they told before. */
    private final Map<String, Contact> contacts = new HashMap<>();
    private final Set<Integer> knowledgeBases = new LinkedHashSet<>();
    private final Map<Integer, SourceState> sources = new LinkedHashMap<>();
    private final Set<String> failingNames = new LinkedHashSet<>();
    private final Set<String> failingContents = new LinkedHashSet<>();
    private String accountId;
    private ReplyDelivery delivery;
    private Duration processingTime;
    private int nextSourceId;

    ChataibotPlatform(SimulationClock clock, Ids ids, ChataibotCallbackCaller callbacks) {
        this.clock = clock;
        this.ids = ids;
        this.callbacks = callbacks;
        reset();
    }

    synchronized void reset() {
        bots.clear();
        conversations.clear();
        contacts.clear();
        knowledgeBases.clear();
        sources.clear();
        failingNames.clear();
        failingContents.clear();
        accountId = ChataibotSimulation.DEFAULT_ACCOUNT_ID;
        delivery = ReplyDelivery.IN_ANSWER;
        processingTime = ChataibotSimulation.DEFAULT_SOURCE_PROCESSING_TIME;
        nextSourceId = FIRST_SOURCE_ID;
    }

    // ---- account

    synchronized String accountId() {
        return accountId;
    }

    synchronized void accountId(String id) {
        accountId = Objects.requireNonNull(id);
    }

    synchronized ReplyDelivery delivery() {
        return delivery;
    }

    synchronized void delivery(ReplyDelivery mode) {
        delivery = Objects.requireNonNull(mode);
    }

    // ---- bots

    synchronized Bot registerBot(String botKey, String userId, String userEmail) {
        Bot bot = new Bot(Objects.requireNonNull(botKey), Objects.requireNonNull(userId),
                Objects.requireNonNull(userEmail));
        bots.put(botKey, new BotState(bot, new BotScript(List.of(ChataibotSimulation.DEFAULT_FALLBACK_ANSWER))));
        return bot;
    }

    synchronized boolean hasBot(String botKey) {
        return bots.containsKey(botKey);
    }

    synchronized Bot bot(String botKey) {
        return botState(botKey).bot();
    }

    synchronized List<Bot> bots() {
        return bots.values().stream().map(BotState::bot).toList();
    }

    synchronized void scriptAnswer(String botKey, String keyword, List<String> answers) {
        botState(botKey).script().add(Objects.requireNonNull(keyword), answers);
    }

    synchronized void fallbackAnswer(String botKey, List<String> answers) {
        botState(botKey).script().fallback(answers);
    }

    // ---- conversations

    /**
     * Opens a conversation and lets the bot answer its first message. The replies are delivered like any others,
     * except that they cannot go in this answer, whose documented shape has no room for them.
     *
     * @param contact  what the request's {@code variables.contact} said; its {@code null}s leave known values as they
     *                 are
     * @param deliver  {@code false} while the demo writes its past, whose replies nobody is waiting for
     */
    synchronized Started start(String botKey, String userExternalId, Contact contact, ObjectNode variables,
            String text, boolean deliver) {
        BotState bot = bots.get(botKey);
        if (bot == null) {
            throw ApiError.badRequest("bot_key " + botKey + " is not a deployed bot");
        }
        String visitorKey = userExternalId + "_" + accountId;
        contacts.merge(visitorKey, contact, ChataibotPlatform::merged);
        Conversation conversation = new Conversation(ids.objectId(), botKey, userExternalId, visitorKey,
                variables == null ? Json.object() : variables.deepCopy(), clock.stamp());
        conversations.put(conversation.id, conversation);
        converse(conversation, text, deliver);
        return new Started(view(conversation), bot.bot());
    }

    synchronized Sent send(String conversationId, String text, boolean deliver) {
        Conversation conversation = conversations.get(conversationId);
        if (conversation == null) {
            throw ApiError.notFound("Conversation not found");
        }
        Turn turn = converse(conversation, text, deliver);
        if (!deliver || !delivery.inAnswer()) {
            return new Sent(turn.said().id(), turn.replies(), null);
        }
        List<Message> forAnswer = List.copyOf(conversation.notYetAnswered);
        conversation.notYetAnswered.clear();
        return new Sent(turn.said().id(), turn.replies(), forAnswer);
    }

    synchronized void deleteConversation(String id) {
        if (conversations.remove(id) == null) {
            throw new IllegalArgumentException("no conversation with id " + id);
        }
    }

    synchronized boolean hasConversation(String conversationId) {
        return conversations.containsKey(conversationId);
    }

    synchronized List<String> conversationIds() {
        return List.copyOf(conversations.keySet());
    }

    synchronized ConversationView conversation(String id) {
        Conversation conversation = conversations.get(id);
        if (conversation == null) {
            throw new IllegalArgumentException("no conversation with id " + id);
        }
        return view(conversation);
    }

    /** Stores the visitor's message and the bot's replies, hands the replies on, and returns them. */
    private Turn converse(Conversation conversation, String text, boolean deliver) {
        Message said = new Message(ids.messageId(), conversation.id, VISITOR, text, clock.stamp());
        conversation.messages.add(said);
        List<Message> replies = new ArrayList<>();
        for (String answer : bots.get(conversation.botKey).script().answer(text)) {
            Message reply = new Message(ids.messageId(), conversation.id, BOT, answer, clock.stamp());
            conversation.messages.add(reply);
            replies.add(reply);
            if (deliver && delivery.inAnswer()) {
                conversation.notYetAnswered.add(reply);
            }
            if (deliver && delivery.byCallback()) {
                callbacks.deliver(reply);
            }
        }
        return new Turn(said, List.copyOf(replies));
    }

    private ConversationView view(Conversation conversation) {
        Contact contact = contacts.getOrDefault(conversation.visitorKey, new Contact(null, null, null));
        return new ConversationView(conversation.id, conversation.botKey, conversation.userExternalId,
                conversation.visitorKey, contact, conversation.variables.deepCopy(), conversation.createdAt,
                conversation.messages);
    }

    private static Contact merged(Contact known, Contact told) {
        return new Contact(told.name() != null ? told.name() : known.name(),
                told.email() != null ? told.email() : known.email(),
                told.phone() != null ? told.phone() : known.phone());
    }

    private BotState botState(String botKey) {
        BotState bot = bots.get(botKey);
        if (bot == null) {
            throw new IllegalArgumentException("no deployed bot with bot_key " + botKey + "; registerBot it first");
        }
        return bot;
    }

    // ---- knowledge bases

    synchronized void registerKnowledgeBase(int id) {
        if (id < 1) {
            throw new IllegalArgumentException("a knowledge base id is a positive number, was " + id);
        }
        knowledgeBases.add(id);
    }

    synchronized List<Integer> knowledgeBaseIds() {
        return List.copyOf(knowledgeBases);
    }

    synchronized boolean hasKnowledgeBase(int id) {
        return knowledgeBases.contains(id);
    }

    synchronized void processingTime(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("the processing time must not be negative, was " + time);
        }
        processingTime = time;
    }

    synchronized void failSourcesNamed(String name) {
        failingNames.add(Objects.requireNonNull(name));
    }

    synchronized void failSourcesContaining(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("every content contains the empty text; give a marker");
        }
        failingContents.add(text);
    }

    /**
     * Adds a source that starts processing now. Whether it will fail is decided here, by the marks set so far, so
     * that a source that completed never turns failed later.
     *
     * @param type {@link #TEXT} or {@link #FILE}
     */
    synchronized Source upload(int knowledgeBaseId, String field, String type, String name, String content) {
        if (!knowledgeBases.contains(knowledgeBaseId)) {
            throw ApiError.notFound("Knowledge base not found");
        }
        Instant now = clock.now();
        SourceState source = new SourceState(nextSourceId++, knowledgeBaseId, field, type, name, content, now,
                now.plus(processingTime), failure(name, content));
        sources.put(source.id(), source);
        return view(source, now);
    }

    synchronized List<Source> sources() {
        Instant now = clock.now();
        return sources.values().stream().map(source -> view(source, now)).toList();
    }

    /** The sources with these ids, each once, in the order asked; ids nobody uploaded are left out. */
    synchronized List<Source> sources(List<Integer> sourceIds) {
        Instant now = clock.now();
        return new LinkedHashSet<>(sourceIds).stream()
                .map(sources::get)
                .filter(Objects::nonNull)
                .map(source -> view(source, now))
                .toList();
    }

    synchronized Source source(int id) {
        SourceState source = sources.get(id);
        if (source == null) {
            throw new IllegalArgumentException("no source with id " + id);
        }
        return view(source, clock.now());
    }

    private String failure(String name, String content) {
        if (failingNames.contains(name)) {
            return "the source " + name + " cannot be processed";
        }
        for (String marker : failingContents) {
            if (content.contains(marker)) {
                return "the content of " + name + " cannot be processed";
            }
        }
        return content.isBlank() ? "the source " + name + " is empty" : null;
    }

    private static Source view(SourceState source, Instant now) {
        boolean done = !now.isBefore(source.readyAt());
        String status = !done ? IN_PROGRESS : source.failure() == null ? COMPLETED : FAILED;
        return new Source(source.id(), source.knowledgeBaseId(), source.field(), source.type(), source.name(),
                source.content(), status, done ? source.failure() : null, source.uploadedAt(), source.readyAt());
    }
}
