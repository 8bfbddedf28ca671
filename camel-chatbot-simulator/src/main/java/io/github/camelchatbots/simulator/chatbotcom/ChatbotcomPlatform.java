package io.github.camelchatbots.simulator.chatbotcom;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomBot.Match;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.ChatView;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Conversation;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Segment;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.SessionView;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.UserView;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookCall;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookEvent;
import io.github.camelchatbots.simulator.chatbotcom.QueryOutcome.Fulfillment;
import io.github.camelchatbots.simulator.chatbotcom.QueryRequest.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated ChatBot.com account: users, segments, stories, sessions and chat archives. One lock guards all of it,
 * because a single query touches every part; only webhook calls happen outside it, since they may take seconds.
 * Nothing mutable leaves this class: callers get snapshots.
 */
final class ChatbotcomPlatform {

    private static final String FALLBACK_ANSWER = "Sorry, I did not understand that. Could you rephrase?";

    /** A query between choosing the answer and writing it down, which the webhook call may sit in between. */
    private record Turn(QueryRequest request, Session session, String storyId, Match match, WebhookEvent event) {
    }

    /** One page of users and how many match the filters in total. */
    record UserPage(List<UserView> users, int count) {
    }

    private final SimulationClock clock;
    private final ChatbotcomWebhookCaller webhooks;
    private final ObjectIds ids = new ObjectIds();
    private final UserStore users = new UserStore();
    private final StoryBook stories = new StoryBook();
    private final ChatArchive chats = new ChatArchive();
    /** By session id; a session is over once its chat is finished, even while it is still in here. */
    private final Map<String, Session> sessions = new HashMap<>();

    ChatbotcomPlatform(SimulationClock clock, ChatbotcomWebhookCaller webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
        reset();
    }

    synchronized void reset() {
        ids.reset();
        users.clear();
        stories.clear();
        chats.clear();
        sessions.clear();
        DefaultStory.install(this);
    }

    synchronized String newId() {
        return ids.next(clock.now());
    }

    // ---- users and segments

    /** @param userId the client's own id for the user, or {@code null} for a random UUID */
    synchronized String createUser(String userId, Map<String, String> attributes, List<String> segmentIds) {
        segmentIds.forEach(users::segment);
        Instant now = clock.now();
        User user = users.add(new User(ids.next(now), userId != null ? userId : UUID.randomUUID().toString(), now));
        users.mergeAttributes(user, attributes);
        segmentIds.forEach(segmentId -> users.join(user, segmentId));
        return user.id;
    }

    synchronized void seeUser(String id) {
        users.see(users.get(id), clock.now());
    }

    synchronized UserView user(String id) {
        return view(users.get(id));
    }

    synchronized List<String> userIds() {
        return users.all().stream().map(user -> user.id).toList();
    }

    synchronized UserPage listUsers(UserQuery query) {
        UserStore.Page page = users.page(query);
        return new UserPage(page.users().stream().map(this::view).toList(), page.count());
    }

    /** The user, their chats and their session. */
    synchronized void deleteUser(String id) {
        User user = users.get(id);
        user.chats().forEach(this::removeChat);
        users.remove(user);
    }

    synchronized void seedUsers(int count, Instant from, Duration spacing) {
        SeededData.users(users, ids, count, from, spacing);
    }

    synchronized long usersVisitedByList() {
        return users.visited();
    }

    synchronized void updateUser(String id, Map<String, String> attributes) {
        users.mergeAttributes(users.get(id), attributes);
    }

    synchronized void banUser(String id, boolean banned) {
        users.get(id).ban(banned);
    }

    /** Into the session's parameters, which later queries show, and into its user's session attributes. */
    synchronized void updateSessionAttributes(String sessionId, Map<String, String> attributes) {
        Session session = activeSession(sessionId)
                .orElseThrow(() -> ApiError.notFound("session '" + sessionId + "' not found or expired"));
        session.chat.mergeAttributes(attributes);
        session.chat.user.mergeSessionAttributes(attributes);
    }

    synchronized String createSegment(String name) {
        Instant now = clock.now();
        return users.addSegment(new UserStore.Segment(ids.next(now), name, now)).id();
    }

    synchronized void addToSegment(String id, String segmentId) {
        users.join(users.get(id), users.segment(segmentId).id());
    }

    synchronized List<Segment> segments() {
        return users.segments().stream().map(this::view).toList();
    }

    // ---- stories

    synchronized String addStory(String name, String description, Instant createdAt) {
        String id = ids.next(createdAt);
        stories.add(new StoryBook.Story(id, name, description, createdAt));
        // Every ChatBot.com story answers something when nothing matches.
        addInteraction(new Interaction(null, id, "fallback", "", List.of(), List.of(), List.of(FALLBACK_ANSWER), null,
                null, true), createdAt);
        return id;
    }

    /** Adds {@code spec} under a new id, which it returns; {@code spec}'s own id is ignored. */
    synchronized String addInteraction(Interaction spec, Instant createdAt) {
        if (stories.story(spec.storyId()).isEmpty()) {
            throw new IllegalArgumentException("no story with id " + spec.storyId());
        }
        if (stories.interaction(spec.storyId(), spec.name()).isPresent()) {
            // Contexts are required by name, so a name must say which interaction it means.
            throw new IllegalArgumentException("story " + spec.storyId() + " already has an interaction named "
                    + spec.name());
        }
        Interaction interaction = spec.withId(ids.next(createdAt));
        stories.add(interaction);
        return interaction.id();
    }

    synchronized String interactionId(String storyId, String name) {
        return stories.interaction(storyId, name)
                .orElseThrow(() -> new IllegalArgumentException("story " + storyId + " has no interaction " + name))
                .id();
    }

    synchronized void bindWebhook(String interactionId, String url) {
        Interaction interaction = stories.interaction(interactionId)
                .orElseThrow(() -> new IllegalArgumentException("no interaction with id " + interactionId));
        stories.add(interaction.withWebhookUrl(url));
    }

    synchronized String defaultStoryId() {
        return stories.first().id();
    }

    synchronized List<StoryBook.Story> stories() {
        return stories.stories();
    }

    // ---- sessions and chat archives

    /** Newest first, only those created before {@code before}. */
    synchronized List<ChatView> chats(Instant before, int limit) {
        return chats.newestBefore(before, limit).stream().map(this::view).toList();
    }

    synchronized void seedChats(int count, Instant from, Duration spacing, int messagesPerChat) {
        SeededData.chats(users, chats, ids, stories.first().id(), count, from, spacing, messagesPerChat);
    }

    synchronized long chatsVisitedByList() {
        return chats.visited();
    }

    synchronized List<String> chatIds() {
        return chats.newestFirstIds();
    }

    synchronized ChatView chat(String id) {
        return view(chats.find(id).orElseThrow(() -> ApiError.notFound("chat '" + id + "' not found")));
    }

    /** Ends the chat and its session: the next query with the same session id starts a new chat. */
    synchronized void finishChat(String id) {
        chats.find(id).orElseThrow(() -> new IllegalArgumentException("no chat with id " + id)).finish();
    }

    synchronized void deleteChat(String id) {
        removeChat(chats.find(id).orElseThrow(() -> new IllegalArgumentException("no chat with id " + id)));
    }

    synchronized void expireSession(String sessionId) {
        activeSession(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no active session " + sessionId))
                .chat.finish();
    }

    synchronized List<SessionView> sessions() {
        Instant now = clock.now();
        return sessions.values().stream()
                .filter(session -> !session.chat.finished(now))
                .map(session -> new SessionView(session.sessionId, session.chat.user.id, session.chat.id,
                        session.chat.activeUntil(), session.contexts().stream().map(Interaction::name).toList(),
                        session.chat.attributes()))
                .toList();
    }

    /**
     * Answers one message as the bot, calling the matched interaction's webhook if it has one. The webhook's
     * failure does not fail the query: its part of the answer is just missing, as with ChatBot.com.
     */
    QueryOutcome query(QueryRequest request) {
        Turn turn = begin(request);
        WebhookCall call = turn.event() == null ? null
                : webhooks.deliver(turn.match().interaction().webhookUrl(), turn.event());
        return finish(turn, call);
    }

    private synchronized Turn begin(QueryRequest request) {
        Instant now = clock.now();
        Session existing = activeSession(request.sessionId()).orElse(null);
        String storyId;
        if (request.storyId() != null) {
            storyId = stories.story(request.storyId())
                    .orElseThrow(() -> ApiError.notFound("story '" + request.storyId() + "' not found"))
                    .id();
        } else {
            storyId = existing != null ? existing.chat.storyId : stories.first().id();
        }
        List<Interaction> story = stories.interactions(storyId);
        // Looked up before anything changes, so that an unknown goto leaves no trace.
        Interaction target = request.kind() != Kind.GOTO ? null : story.stream()
                .filter(interaction -> interaction.id().equals(request.input()))
                .findFirst()
                .orElseThrow(() -> ApiError.notFound(
                        "interaction '" + request.input() + "' not found in story '" + storyId + "'"));

        Session session = existing != null ? existing : openSession(request, storyId, now);
        Chat chat = session.chat;
        users.see(chat.user, now);
        chat.keepAlive(now);
        if (request.reset()) {
            session.clearContexts();
        }
        chat.mergeAttributes(request.parameters());
        Match match = switch (request.kind()) {
            case TRIGGER -> ChatbotcomBot.byTrigger(story, request.input());
            case GOTO -> new Match(target, 1, List.of("goto '" + target.name() + "'"));
            case QUERY -> ChatbotcomBot.byText(story, session.activeContextNames(), request.input(),
                    request.confidence());
        };
        // Triggers and gotos are not something the user said, so only a text query is archived as the user's.
        String messageId = request.kind() == Kind.QUERY ? chat.add("user", request.input(), now)
                : chat.newMessageId();
        session.afterTurn(match.interaction(), request.lifespan());
        WebhookEvent event = match.interaction().webhookUrl() == null ? null
                : new WebhookEvent(chat.id, messageId, chat.user.id, chat.user.userId, match.interaction().id(),
                        match.interaction().name(), chat.user.setAttributes(), chat.attributes());
        return new Turn(request, session, storyId, match, event);
    }

    private synchronized QueryOutcome finish(Turn turn, WebhookCall call) {
        Chat chat = turn.session().chat;
        List<String> debug = new ArrayList<>(turn.match().trace());
        List<Fulfillment> fulfillment = new ArrayList<>();
        turn.match().interaction().responses().forEach(
                text -> fulfillment.add(new Fulfillment("text", QueryOutcome.DEFAULT_DELAY_MILLIS, text)));
        if (call != null) {
            debug.add(call.error() == null ? "webhook " + call.url() + " answered " + call.status()
                    : "webhook " + call.url() + " failed: " + call.error());
            JsonNode reply = call.error() == null ? ChatbotcomJson.parseObject(call.replyBody()) : null;
            if (reply != null) {
                fulfillment.addAll(ChatbotcomJson.webhookResponses(reply));
                Map<String, String> attributes = ChatbotcomJson.webhookAttributes(reply);
                chat.mergeAttributes(attributes);
                chat.user.mergeSessionAttributes(attributes);
            }
        }
        Instant now = clock.now();
        fulfillment.forEach(item -> chat.add("bot", item.message(), now));

        Map<String, String> sessionParameters = new LinkedHashMap<>();
        User.DEFAULT_ATTRIBUTES.forEach(name -> sessionParameters.put(name, chat.user.attribute(name)));
        sessionParameters.putAll(chat.attributes());
        QueryRequest request = turn.request();
        return new QueryOutcome(request.sessionId(), request.input(), request.confidence(), turn.match().score(),
                request.lifespan(), turn.storyId(), turn.match().interaction(), request.parameters(),
                sessionParameters, turn.session().contexts(), fulfillment, request.debug() ? debug : null, now);
    }

    /**
     * A new chat, and the user it belongs to: one whose userId is the session id. A visitor whose session timed out
     * comes back as that same user, since userIds are unique.
     */
    private Session openSession(QueryRequest request, String storyId, Instant now) {
        User user = users.findByUserId(request.sessionId()).orElse(null);
        if (user == null) {
            user = users.add(new User(ids.next(now), request.sessionId(), now));
            users.mergeAttributes(user,
                    Map.of("default_name", request.parameters().getOrDefault("default_name", "Visitor")));
        }
        Chat chat = new Chat(ids.next(now), storyId, user, now);
        chats.add(chat);
        user.addChat(chat);
        Session session = new Session(request.sessionId(), chat);
        sessions.put(session.sessionId, session);
        return session;
    }

    private void removeChat(Chat chat) {
        chats.remove(chat);
        chat.user.removeChat(chat);
        // A chat's session id is its user's userId (see openSession); dropping the session makes the next query with
        // it start a new chat instead of writing to the deleted one.
        Session session = sessions.get(chat.user.userId);
        if (session != null && session.chat == chat) {
            sessions.remove(session.sessionId);
        }
    }

    private Optional<Session> activeSession(String sessionId) {
        Instant now = clock.now();
        return Optional.ofNullable(sessions.get(sessionId)).filter(session -> !session.chat.finished(now));
    }

    private UserView view(User user) {
        List<Segment> segments = user.segmentIds().stream().map(users::segment).map(this::view).toList();
        List<Conversation> conversations = user.chats().stream()
                .map(chat -> new Conversation(chat.id, chat.createdAt, chat.firstUserMessage()))
                .toList();
        return new UserView(user.id, user.userId, user.banned(), user.attributesWithDefaults(),
                user.sessionAttributes(), segments, conversations, user.createdAt, user.lastSeen());
    }

    private Segment view(UserStore.Segment segment) {
        return new Segment(segment.id(), segment.name(), users.members(segment.id()), segment.createdAt());
    }

    private ChatView view(Chat chat) {
        return new ChatView(chat.id, chat.storyId, chat.user.id, chat.user.attribute("default_name"), chat.createdAt,
                chat.updatedAt(), chat.finished(clock.now()), chat.attributes(), chat.messages());
    }
}
