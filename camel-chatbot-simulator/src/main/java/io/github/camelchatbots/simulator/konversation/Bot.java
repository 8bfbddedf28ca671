package io.github.camelchatbots.simulator.konversation;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Broadcast;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.CartItem;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ChatMessage;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SentTemplate;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlow;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlowSend;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One bot (a UChat "flow") with everything an API token bound to it can reach: tags, user and bot fields, sub flows,
 * segments, subscribers with their chat histories, and the shop. Namespaces carry the flow id, e.g.
 * {@code f131667u12} for a user, so a namespace of another bot simply names nothing here.
 *
 * <p>One lock, the bot itself, guards all of it: the API holds it for a whole request, so that a request that fails
 * validation halfway changes nothing and concurrent requests see each other's changes whole.
 */
final class Bot {

    /** Recorded sends, templates and broadcasts kept for assertions, as many as the request log keeps requests. */
    static final int RECORD_CAPACITY = 10_000;

    record Segment(String segmentNs, String name, Set<String> members) {
    }

    /** A broadcast's message to one recipient, delivered once the clock reaches {@code due}. */
    private record Delivery(Instant due, long sequence, String userNs, String subFlowNs) {
    }

    final long flowId;
    private final SimulationClock clock;
    private final Map<String, Tag> tags = new LinkedHashMap<>();
    private final Map<String, FieldDefinition> userFields = new LinkedHashMap<>();
    private final Map<String, FieldDefinition> botFields = new LinkedHashMap<>();
    private final Map<String, SubFlow> subFlows = new LinkedHashMap<>();
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private final Map<String, String> eventNsByName = new LinkedHashMap<>();
    private final Map<String, Integer> labelIdsByName = new LinkedHashMap<>();
    private final SubscriberStore subscribers = new SubscriberStore();
    private final Shop shop = new Shop();
    private final Deque<SubFlowSend> subFlowSends = new ArrayDeque<>();
    private final Deque<SentTemplate> templates = new ArrayDeque<>();
    private final Deque<Broadcast> broadcasts = new ArrayDeque<>();
    private final PriorityQueue<Delivery> deliveries =
            new PriorityQueue<>(Comparator.comparing(Delivery::due).thenComparingLong(Delivery::sequence));
    private int nextTag;
    private int nextField;
    private int nextSubFlow;
    private int nextUser;
    private int nextSegment;
    private int nextEvent;
    private int nextMessage;
    private long nextDelivery;

    Bot(long flowId, SimulationClock clock) {
        this.flowId = flowId;
        this.clock = clock;
    }

    synchronized void clear() {
        tags.clear();
        userFields.clear();
        botFields.clear();
        subFlows.clear();
        segments.clear();
        eventNsByName.clear();
        labelIdsByName.clear();
        subscribers.clear();
        shop.clear();
        subFlowSends.clear();
        templates.clear();
        broadcasts.clear();
        deliveries.clear();
        nextTag = 0;
        nextField = 0;
        nextSubFlow = 0;
        nextUser = 0;
        nextSegment = 0;
        nextEvent = 0;
        nextMessage = 0;
        nextDelivery = 0;
    }

    Instant now() {
        return clock.now();
    }

    /** {@code f<flowId><kind><n>}, the platform's namespace format. */
    private String ns(String kind, int n) {
        return "f" + flowId + kind + n;
    }

    // ---- tags

    /** Creating a tag that exists answers the existing one: clients rely on create-tag being idempotent. */
    synchronized Tag createTag(String name) {
        Objects.requireNonNull(name);
        return findTagByName(name).orElseGet(() -> {
            Tag tag = new Tag(ns("t", ++nextTag), name);
            tags.put(tag.tagNs(), tag);
            return tag;
        });
    }

    synchronized Tag tag(String tagNs, String field) {
        Tag tag = tags.get(tagNs);
        if (tag == null) {
            throw ApiError.unknown(field);
        }
        return tag;
    }

    synchronized Tag tagByName(String name, String field) {
        return findTagByName(name).orElseThrow(() -> ApiError.unknown(field));
    }

    private Optional<Tag> findTagByName(String name) {
        return tags.values().stream().filter(tag -> tag.name().equals(name)).findFirst();
    }

    synchronized List<Tag> tags() {
        return List.copyOf(tags.values());
    }

    /** The tag goes from every subscriber too, as deleting it on the platform does. */
    synchronized void deleteTag(Tag tag) {
        tags.remove(tag.tagNs());
        for (Subscriber subscriber : subscribers.inOrder()) {
            subscriber.tagNs.remove(tag.tagNs());
        }
    }

    synchronized void addTag(Subscriber subscriber, Tag tag) {
        subscriber.tagNs.add(tag.tagNs());
    }

    synchronized void removeTag(Subscriber subscriber, Tag tag) {
        subscriber.tagNs.remove(tag.tagNs());
    }

    // ---- user and bot fields (one namespace sequence, "v", for both, as on the platform)

    synchronized FieldDefinition createUserField(String name, FieldType type, String description, String value) {
        return createField(userFields, name, type, description, value, false);
    }

    synchronized FieldDefinition createBotField(String name, FieldType type, String description, String value,
            boolean templateField) {
        return createField(botFields, name, type, description, value, templateField);
    }

    private FieldDefinition createField(Map<String, FieldDefinition> fields, String name, FieldType type,
            String description, String value, boolean templateField) {
        if (findByName(fields, name).isPresent()) {
            throw ApiError.taken("name");
        }
        FieldDefinition field = new FieldDefinition(ns("v", ++nextField), name, type, description,
                value == null ? "" : type.check(value, "value", name), templateField);
        fields.put(field.varNs, field);
        return field;
    }

    synchronized FieldDefinition userField(String varNs, String field) {
        return find(userFields, varNs, field);
    }

    synchronized FieldDefinition userFieldByName(String name, String field) {
        return findByName(userFields, name).orElseThrow(() -> ApiError.unknown(field));
    }

    synchronized FieldDefinition botField(String varNs, String field) {
        return find(botFields, varNs, field);
    }

    synchronized FieldDefinition botFieldByName(String name, String field) {
        return findByName(botFields, name).orElseThrow(() -> ApiError.unknown(field));
    }

    synchronized List<FieldDefinition> userFields() {
        return List.copyOf(userFields.values());
    }

    synchronized List<FieldDefinition> botFields() {
        return List.copyOf(botFields.values());
    }

    synchronized void updateUserField(FieldDefinition field, String name, String displayType) {
        if (name != null && !name.equals(field.name)) {
            if (findByName(userFields, name).isPresent()) {
                throw ApiError.taken("name");
            }
            field.name = name;
        }
        if (displayType != null) {
            field.displayType = displayType;
        }
    }

    /** Subscribers lose their values of the field with it. */
    synchronized void deleteUserField(FieldDefinition field) {
        userFields.remove(field.varNs);
        for (Subscriber subscriber : subscribers.inOrder()) {
            subscriber.fieldValues.remove(field.varNs);
        }
    }

    synchronized void deleteBotField(FieldDefinition field) {
        botFields.remove(field.varNs);
    }

    /** The value must have been checked against the field's type, see {@link FieldType#check}. */
    synchronized void setBotField(FieldDefinition field, String value) {
        field.value = value;
    }

    synchronized void setUserField(Subscriber subscriber, FieldDefinition field, String value) {
        subscriber.fieldValues.put(field.varNs, value);
    }

    synchronized void clearUserField(Subscriber subscriber, FieldDefinition field) {
        subscriber.fieldValues.remove(field.varNs);
    }

    private static FieldDefinition find(Map<String, FieldDefinition> fields, String varNs, String field) {
        FieldDefinition definition = fields.get(varNs);
        if (definition == null) {
            throw ApiError.unknown(field);
        }
        return definition;
    }

    private static Optional<FieldDefinition> findByName(Map<String, FieldDefinition> fields, String name) {
        return fields.values().stream().filter(field -> field.name.equals(name)).findFirst();
    }

    // ---- sub flows, segments, events, labels

    synchronized SubFlow registerSubFlow(String name, List<String> messages) {
        if (subFlows.values().stream().anyMatch(flow -> flow.name().equals(name))) {
            throw new IllegalArgumentException("a sub flow named '" + name + "' exists already");
        }
        SubFlow flow = new SubFlow(ns("s", ++nextSubFlow), name, messages);
        subFlows.put(flow.subFlowNs(), flow);
        return flow;
    }

    synchronized SubFlow subFlow(String subFlowNs, String field) {
        SubFlow flow = subFlows.get(subFlowNs);
        if (flow == null) {
            throw ApiError.unknown(field);
        }
        return flow;
    }

    synchronized SubFlow subFlowByName(String name, String field) {
        return subFlows.values().stream().filter(flow -> flow.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiError.unknown(field));
    }

    synchronized List<SubFlow> subFlows() {
        return List.copyOf(subFlows.values());
    }

    synchronized void deleteSubFlow(SubFlow flow) {
        subFlows.remove(flow.subFlowNs());
    }

    synchronized String createSegment(String name, List<Subscriber> members) {
        Set<String> memberNs = new LinkedHashSet<>();
        members.forEach(member -> memberNs.add(member.userNs));
        Segment segment = new Segment(ns("sg", ++nextSegment), name, memberNs);
        segments.put(segment.segmentNs(), segment);
        return segment.segmentNs();
    }

    /** The members of a segment; an unknown segment has none. */
    synchronized Set<String> segmentMembers(String segmentNs) {
        Segment segment = segments.get(segmentNs);
        return segment == null ? Set.of() : segment.members();
    }

    /** Logs a custom event for the subscriber; events of the same name share one namespace. */
    synchronized String logEvent(Subscriber subscriber, String eventName) {
        String eventNs = eventNsByName.computeIfAbsent(eventName, name -> ns("e", ++nextEvent));
        subscriber.eventNs.add(eventNs);
        return eventNs;
    }

    /** Puts an inbox label on the subscriber; labels of the same name share one id. */
    synchronized int addLabel(Subscriber subscriber, String label) {
        int id = labelIdsByName.computeIfAbsent(label, name -> labelIdsByName.size() + 1);
        subscriber.labelIds.add(id);
        return id;
    }

    synchronized String labelName(int labelId) {
        return labelIdsByName.entrySet().stream().filter(entry -> entry.getValue() == labelId)
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    // ---- subscribers

    /** The channel's user id is the one given, else the phone's digits, else the e-mail address. */
    synchronized Subscriber createSubscriber(SubscriberDraft draft) {
        checkUnique(draft, null);
        String userId = draft.userId != null ? draft.userId
                : draft.phone != null ? SubscriberStore.phoneKey(draft.phone) : draft.email;
        if (subscribers.byUserId(userId).isPresent()) {
            // e.g. a phone whose digits another subscriber has as their given user id
            throw ApiError.taken(draft.userId != null ? "user_id" : draft.phone != null ? "phone" : "email");
        }
        Instant createdAt = draft.createdAt != null ? draft.createdAt : clock.now();
        int number = ++nextUser;
        Subscriber subscriber = new Subscriber(number, ns("u", number), createdAt);
        apply(subscriber, draft);
        subscriber.channel = draft.channel != null ? draft.channel : "apichat";
        subscriber.channelId = "f" + flowId + "-" + subscriber.channel;
        subscriber.userId = userId;
        subscriber.optedInEmail = draft.optedInEmail;
        subscriber.optedInSms = draft.optedInSms;
        if (draft.language != null) {
            subscriber.language = draft.language;
        }
        subscribers.add(subscriber);
        return subscriber;
    }

    synchronized void updateSubscriber(Subscriber subscriber, SubscriberDraft changes) {
        checkUnique(changes, subscriber);
        subscribers.update(subscriber, s -> apply(s, changes));
    }

    synchronized boolean phoneTaken(String phone) {
        return subscribers.byPhone(phone).isPresent();
    }

    synchronized boolean emailTaken(String email) {
        return subscribers.byEmail(email).isPresent();
    }

    private void checkUnique(SubscriberDraft draft, Subscriber self) {
        if (draft.phone != null && subscribers.byPhone(draft.phone).filter(other -> other != self).isPresent()) {
            throw ApiError.taken("phone");
        }
        if (draft.email != null && subscribers.byEmail(draft.email).filter(other -> other != self).isPresent()) {
            throw ApiError.taken("email");
        }
    }

    private static void apply(Subscriber s, SubscriberDraft draft) {
        if (draft.firstName != null) {
            s.firstName = draft.firstName;
        }
        if (draft.lastName != null) {
            s.lastName = draft.lastName;
        }
        if (draft.name != null) {
            s.name = draft.name;
        } else if (draft.firstName != null || draft.lastName != null) {
            // without a name of its own, the full name follows the first and last name
            s.name = Subscriber.joinedName(s.firstName, s.lastName);
        }
        if (draft.phone != null) {
            s.phone = draft.phone;
        }
        if (draft.email != null) {
            s.email = draft.email;
        }
        if (draft.gender != null) {
            s.gender = draft.gender;
        }
        if (draft.image != null) {
            s.profilePic = draft.image;
        }
    }

    synchronized Subscriber subscriber(String userNs, String field) {
        return subscribers.byNs(userNs).orElseThrow(() -> ApiError.unknown(field));
    }

    synchronized Subscriber subscriberByUserId(String userId, String field) {
        return subscribers.byUserId(userId).orElseThrow(() -> ApiError.unknown(field));
    }

    /** The subscriber with this id on their channel, or null. */
    synchronized Subscriber findSubscriberByUserId(String userId) {
        return subscribers.byUserId(userId).orElse(null);
    }

    /** Latest interaction first; only while holding the lock. */
    Iterable<Subscriber> subscribersInOrder() {
        return subscribers.inOrder();
    }

    /** Gone with their chat history, cart and segment memberships; orders stay, as the shop's record. */
    synchronized void deleteSubscriber(Subscriber subscriber) {
        subscribers.remove(subscriber);
        shop.removeCart(subscriber.userNs);
        segments.values().forEach(segment -> segment.members().remove(subscriber.userNs));
    }

    // ---- chat

    /**
     * @param type    {@code in}, {@code out}, {@code agent}, {@code note} or {@code system}
     * @param msgType {@code text}, {@code image}, {@code audio}, {@code video} or {@code file}
     */
    synchronized ChatMessage addMessage(Subscriber subscriber, String type, String msgType, String content,
            String url, Instant at) {
        ChatMessage message = new ChatMessage(++nextMessage, type, msgType, content, url, at);
        subscribers.update(subscriber, s -> s.record(message));
        return message;
    }

    /** The sub flow's scripted messages, as the bot sends them: one "out" text each, placeholders filled. */
    synchronized void sendSubFlow(Subscriber subscriber, SubFlow flow, String via, Instant at) {
        for (String text : flow.messages()) {
            addMessage(subscriber, "out", "text", personalize(text, subscriber), null, at);
        }
        record(subFlowSends, new SubFlowSend(subscriber.userNs, flow.subFlowNs(), via, at));
    }

    /** UChat's {{first_name}}, {{last_name}} and {{full_name}} placeholders, blank when the subscriber has none. */
    private static String personalize(String text, Subscriber subscriber) {
        return text.replace("{{first_name}}", Objects.requireNonNullElse(subscriber.firstName, ""))
                .replace("{{last_name}}", Objects.requireNonNullElse(subscriber.lastName, ""))
                .replace("{{full_name}}", Objects.requireNonNullElse(subscriber.displayName(), ""));
    }

    synchronized void recordTemplate(SentTemplate template) {
        record(templates, template);
    }

    synchronized List<SubFlowSend> subFlowSends() {
        return List.copyOf(subFlowSends);
    }

    synchronized List<SentTemplate> templates() {
        return List.copyOf(templates);
    }

    synchronized List<Broadcast> broadcasts() {
        return List.copyOf(broadcasts);
    }

    /**
     * Records the broadcast and schedules its sub flow for every recipient: from {@code start}, at most
     * {@code maxPerMinute} recipients a minute, as the platform paces broadcasts. Whatever is due is sent at once.
     */
    synchronized void broadcast(Broadcast broadcast, List<Subscriber> recipients, Instant start) {
        record(broadcasts, broadcast);
        for (int i = 0; i < recipients.size(); i++) {
            Instant due = start.plus(Duration.ofMinutes(i / broadcast.maxPerMinute()));
            deliveries.add(new Delivery(due, nextDelivery++, recipients.get(i).userNs, broadcast.subFlowNs()));
        }
        deliverDue();
    }

    /** Sends the broadcast messages whose time has come; a recipient or sub flow deleted since is skipped. */
    synchronized void deliverDue() {
        Instant now = clock.now();
        while (!deliveries.isEmpty() && !deliveries.peek().due().isAfter(now)) {
            Delivery delivery = deliveries.poll();
            Optional<Subscriber> subscriber = subscribers.byNs(delivery.userNs());
            SubFlow flow = subFlows.get(delivery.subFlowNs());
            if (subscriber.isPresent() && flow != null) {
                sendSubFlow(subscriber.get(), flow, "broadcast", delivery.due());
            }
        }
    }

    synchronized int pendingDeliveries() {
        return deliveries.size();
    }

    private static <T> void record(Deque<T> records, T item) {
        if (records.size() == RECORD_CAPACITY) {
            records.removeFirst();
        }
        records.addLast(item);
    }

    // ---- shop

    /** The bot's shop; only while holding the lock. */
    Shop shop() {
        return shop;
    }

    synchronized void addToCart(Subscriber subscriber, Shop.Variant variant, int qty) {
        Shop.Cart cart = shop.cart(subscriber.userNs, clock.now());
        cart.quantities.merge(variant.id, qty, Integer::sum);
        cart.updatedAt = clock.now();
    }

    synchronized void removeFromCart(Subscriber subscriber, Shop.Variant variant, String field) {
        Shop.Cart cart = shop.existingCart(subscriber.userNs).orElseThrow(() -> ApiError.unknown(field));
        if (cart.quantities.remove(variant.id) == null) {
            throw ApiError.unknown(field);
        }
        cart.updatedAt = clock.now();
    }

    synchronized void emptyCart(Subscriber subscriber) {
        shop.existingCart(subscriber.userNs).ifPresent(cart -> {
            cart.quantities.clear();
            cart.updatedAt = clock.now();
        });
    }

    /** The cart becomes a paid order and is emptied. */
    synchronized Shop.Order cartPaid(Subscriber subscriber, String shippingMethod, String paymentMethod,
            String referenceNo) {
        Shop.Cart cart = shop.existingCart(subscriber.userNs).filter(c -> !c.quantities.isEmpty())
                .orElseThrow(() -> ApiError.badRequest("The cart of the user_ns is empty."));
        List<CartItem> items = new ArrayList<>(shop.items(cart));
        Shop.Order order = shop.placeOrder(subscriber.userNs, items, clock.now(), shippingMethod, paymentMethod,
                referenceNo);
        cart.quantities.clear();
        cart.updatedAt = clock.now();
        return order;
    }

    synchronized void updateOrderStatus(Shop.Order order, String status) {
        order.status = status;
        order.updatedAt = clock.now();
    }
}
