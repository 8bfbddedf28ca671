package io.github.camelchatbots.simulator.konversation;

import com.sun.net.httpserver.HttpServer;

import io.github.camelchatbots.simulator.FaultInjector;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.RequestLog;
import io.github.camelchatbots.simulator.VendorEndpoint;
import io.github.camelchatbots.simulator.VendorSimulation;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A stateful fake of the konversation Connect API, a white label of the UChat platform, mounted under
 * {@code /konversation}: a client's base URL is {@code <simulator>/konversation/api}, the workspace domain followed by
 * {@code /api} as konversation documents it. An API token belongs to one workspace and one bot (a flow): flow tags,
 * user and bot fields, sub flows, subscribers with their tags, fields and chat histories, sending, broadcasts, carts,
 * orders and the product catalogue.
 *
 * <p>Tests arrange data through the methods here, which act on the default bot ({@link #DEFAULT_FLOW_ID}, reached
 * with {@link #DEFAULT_TOKEN}), and assert on what clients sent via {@link #requests()}, {@link #subFlowSends()},
 * {@link #sentTemplates()} and {@link #broadcasts()}. Time is a simulation clock that runs with the real one and can
 * be skipped ahead with {@link #advanceTime(Duration)}: the rate limit's window, the 24-hour filters and scheduled
 * broadcasts all follow it.
 */
public final class KonversationSimulation implements VendorSimulation {

    public static final String NAME = "konversation";

    /** The token a client sends as {@code Authorization: Bearer <token>}; it reaches the default bot. */
    public static final String DEFAULT_TOKEN = "sim-konversation-api-token-0123456789abcdef";

    /** The default bot's flow id, as in the platform's own namespace examples ({@code f131667u184732093}). */
    public static final long DEFAULT_FLOW_ID = 131667;

    /**
     * The platform does not document its limit; 600 a minute per token is our choice, generous enough that only a
     * client looping without pause meets it.
     */
    public static final int DEFAULT_RATE_LIMIT = 600;
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofMinutes(1);

    /** How refusals (400 and 404 of the API's own checks) are answered; clients have met all three. */
    public enum ErrorEnvelope {
        /** {@code {"message":"..."}} with the HTTP status, as the spec's ResponseError. */
        MESSAGE,
        /** {@code {"status":"error","message":"..."}} inside an HTTP 200. */
        STATUS_ERROR,
        /** {@code {"error":"..."}} with the HTTP status. */
        ERROR
    }

    /** The order of {@code GET /subscriber/chat-messages}. */
    public enum MessageOrder {
        NEWEST_FIRST, OLDEST_FIRST
    }

    public record Tag(String tagNs, String name) {
    }

    /**
     * A user field or a bot field.
     *
     * @param value for a user field the value it was created with, for a bot field the bot's value
     */
    public record FieldView(String varNs, String name, String varType, String description, String value,
            boolean templateField) {
    }

    /** A sub flow; sending it sends {@code messages} in order, one "out" text each. */
    public record SubFlow(String subFlowNs, String name, List<String> messages) {

        public SubFlow {
            messages = List.copyOf(messages);
        }
    }

    /**
     * A subscriber as {@code get-info} shows them.
     *
     * @param userFields the values set, by field name
     * @param labels     inbox label names
     */
    public record SubscriberView(String userNs, String userId, String channel, String name, String firstName,
            String lastName, String phone, String email, String gender, List<Tag> tags,
            Map<String, String> userFields, List<String> labels, Instant createdAt, Instant lastInteraction,
            Instant lastMessageAt, Instant lastBotInteraction, Instant optedInEmail, Instant optedInSms) {

        public SubscriberView {
            tags = List.copyOf(tags);
            userFields = Collections.unmodifiableMap(new LinkedHashMap<>(userFields));
            labels = List.copyOf(labels);
        }
    }

    /**
     * One message of a chat history.
     *
     * @param type    {@code in}, {@code out}, {@code agent}, {@code note} or {@code system}
     * @param msgType {@code text}, {@code image}, {@code audio}, {@code video} or {@code file}
     * @param content the text, {@code null} for media without a caption
     * @param url     the media's URL, {@code null} for text
     */
    public record ChatMessage(int id, String type, String msgType, String content, String url, Instant at) {
    }

    /** A line of a cart or an order; {@code variantId} is what the spec calls the item's {@code id}. */
    public record CartItem(int variantId, int productId, String name, String desc, String image, BigDecimal price,
            BigDecimal comparePrice, String currency, int qty, BigDecimal subtotal) {
    }

    public record CartView(int id, List<CartItem> items, int numOfItems, BigDecimal totalPrice, Instant createdAt,
            Instant updatedAt) {

        public CartView {
            items = List.copyOf(items);
        }
    }

    /** @param status paid, ordered, processing, shipped, completed, cancelled or refunded */
    public record OrderView(int id, String userNs, String status, List<CartItem> items, int numOfItems,
            BigDecimal totalPrice, Instant createdAt, Instant updatedAt) {

        public OrderView {
            items = List.copyOf(items);
        }
    }

    public record ProductView(int id, String name, String type, String vendor, String status,
            List<VariantView> variants) {

        public ProductView {
            variants = List.copyOf(variants);
        }
    }

    /** @param title the product's name with the variant's option values, as carts show it */
    public record VariantView(int id, int productId, String title, String option1Value, String option2Value,
            BigDecimal price, int qty) {
    }

    /**
     * A sub flow sent to a subscriber.
     *
     * @param via the endpoint that sent it, e.g. {@code send-sub-flow-by-user-id}, or {@code broadcast} for every
     *            recipient of a broadcast
     * @param at  when its messages were sent
     */
    public record SubFlowSend(String userNs, String subFlowNs, String via, Instant at) {
    }

    /** A {@code send-whatsapp-template} request as the platform took it. */
    public record SentTemplate(String userNs, String namespace, String name, String lang, Map<String, String> params,
            Instant at) {

        public SentTemplate {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /**
     * A broadcast as requested.
     *
     * @param via          {@code broadcast} or {@code broadcast-by-tag}
     * @param recipients   user namespaces, in the order they are sent to
     * @param type         EMAIL, SMS, WHATSAPP_TEMPLATE, FACEBOOK_NOTIFICATION, or {@code null}
     * @param scheduledAt  when sending starts
     * @param maxPerMinute how many recipients get it per minute from then on
     * @param tags         for broadcast-by-tag, the tags whose subscribers get it, and those excluded
     */
    public record Broadcast(String via, List<String> recipients, String subFlowNs, String type, String name,
            Instant scheduledAt, int maxPerMinute, List<String> tags, List<String> excludeTags, Instant requestedAt) {

        public Broadcast {
            recipients = List.copyOf(recipients);
            tags = List.copyOf(tags);
            excludeTags = List.copyOf(excludeTags);
        }
    }

    /** Describes a subscriber to add; start with {@link #newSubscriber()}, finish with {@link #create()}. */
    public final class SubscriberBuilder {

        private final SubscriberDraft draft = new SubscriberDraft();
        private final List<String> tagNames = new ArrayList<>();
        private final Map<String, String> fieldValues = new LinkedHashMap<>();

        private SubscriberBuilder() {
        }

        public SubscriberBuilder firstName(String firstName) {
            draft.firstName = firstName;
            return this;
        }

        public SubscriberBuilder lastName(String lastName) {
            draft.lastName = lastName;
            return this;
        }

        /** The full name; by default first and last name joined. */
        public SubscriberBuilder name(String name) {
            draft.name = name;
            return this;
        }

        public SubscriberBuilder phone(String phone) {
            draft.phone = phone;
            return this;
        }

        public SubscriberBuilder email(String email) {
            draft.email = email;
            return this;
        }

        /** {@code male} or {@code female}. */
        public SubscriberBuilder gender(String gender) {
            draft.gender = gender;
            return this;
        }

        /** The channel the subscriber is on, e.g. {@code whatsapp_cloud}; {@code apichat} by default. */
        public SubscriberBuilder channel(String channel) {
            draft.channel = channel;
            return this;
        }

        /** The subscriber's id on the channel; by default the phone's digits, else the e-mail address. */
        public SubscriberBuilder userId(String userId) {
            draft.userId = userId;
            return this;
        }

        public SubscriberBuilder language(String language) {
            draft.language = language;
            return this;
        }

        /** By default now. */
        public SubscriberBuilder createdAt(Instant createdAt) {
            draft.createdAt = createdAt;
            return this;
        }

        public SubscriberBuilder optedInEmail(Instant at) {
            draft.optedInEmail = at;
            return this;
        }

        public SubscriberBuilder optedInSms(Instant at) {
            draft.optedInSms = at;
            return this;
        }

        /** Tags by name; tags that do not exist yet are created. */
        public SubscriberBuilder tags(String... names) {
            tagNames.addAll(List.of(names));
            return this;
        }

        /** A value for an existing user field, by its name. */
        public SubscriberBuilder field(String fieldName, String value) {
            fieldValues.put(fieldName, value);
            return this;
        }

        /**
         * Adds the subscriber and returns their user namespace.
         *
         * @throws IllegalArgumentException when a field is unknown or a value does not suit its field's type, or the
         *                                  phone, e-mail address or user id is taken; nothing is added then
         */
        public String create() {
            synchronized (bot) {
                Map<FieldDefinition, String> values = new LinkedHashMap<>();
                fieldValues.forEach((name, value) -> {
                    FieldDefinition field = bot.userFieldByName(name, "field_name");
                    values.put(field, field.type.check(Objects.requireNonNull(value), "value", field.name));
                });
                Subscriber subscriber = bot.createSubscriber(draft);
                tagNames.forEach(name -> bot.addTag(subscriber, bot.createTag(name)));
                values.forEach((field, value) -> bot.setUserField(subscriber, field, value));
                return subscriber.userNs;
            }
        }
    }

    private record VariantSpec(String option1Value, String option2Value, BigDecimal price) {
    }

    /** Describes a product to add; start with {@link #newProduct(String)}, finish with {@link #create()}. */
    public final class ProductBuilder {

        private final String name;
        private String description;
        private String type;
        private String vendor;
        private String image;
        private String option1Name;
        private String option2Name;
        private int stock;
        private final List<VariantSpec> variants = new ArrayList<>();

        private ProductBuilder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        public ProductBuilder description(String description) {
            this.description = description;
            return this;
        }

        public ProductBuilder type(String type) {
            this.type = type;
            return this;
        }

        public ProductBuilder vendor(String vendor) {
            this.vendor = vendor;
            return this;
        }

        public ProductBuilder image(String url) {
            this.image = url;
            return this;
        }

        /** The names of the variants' options, e.g. "Size" and "Colour"; the second may be {@code null}. */
        public ProductBuilder options(String option1, String option2) {
            this.option1Name = option1;
            this.option2Name = option2;
            return this;
        }

        /** Tracks stock, with this many of every variant in stock. */
        public ProductBuilder stock(int qty) {
            this.stock = qty;
            return this;
        }

        /** A product without variants: one default variant at this price. */
        public ProductBuilder price(String price) {
            return variant(null, null, price);
        }

        public ProductBuilder variant(String option1Value, String price) {
            return variant(option1Value, null, price);
        }

        public ProductBuilder variant(String option1Value, String option2Value, String price) {
            variants.add(new VariantSpec(option1Value, option2Value, new BigDecimal(price)));
            return this;
        }

        public ProductView create() {
            if (variants.isEmpty()) {
                throw new IllegalStateException("a product needs a price or at least one variant");
            }
            synchronized (bot) {
                Shop shop = bot.shop();
                Shop.Product product = shop.addProduct(name);
                product.description = description;
                product.type = type;
                product.vendor = vendor;
                product.image = image;
                product.option1Name = option1Name;
                product.option2Name = option2Name;
                product.useVariant = option1Name != null;
                product.trackStock = stock > 0;
                shop.catalogue(product);
                for (VariantSpec spec : variants) {
                    Shop.Variant variant = shop.addVariant(product);
                    variant.option1Value = spec.option1Value();
                    variant.option2Value = spec.option2Value();
                    variant.price = spec.price();
                    variant.qty = stock;
                }
                return productView(product);
            }
        }
    }

    private final SimulationClock clock = new SimulationClock();
    private final Behaviour behaviour = new Behaviour();
    private final ListFaults listFaults = new ListFaults();
    private final Bot bot = new Bot(DEFAULT_FLOW_ID, clock);
    private final Map<Long, Bot> bots = new ConcurrentHashMap<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final RateLimiter rateLimiter = new RateLimiter(DEFAULT_RATE_LIMIT, DEFAULT_RATE_WINDOW);
    private final RequestLog requests = new RequestLog();
    private volatile String root;

    public KonversationSimulation() {
        bots.put(DEFAULT_FLOW_ID, bot);
        tokens.put(DEFAULT_TOKEN, DEFAULT_FLOW_ID);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void register(HttpServer server, FaultInjector faults) {
        InetSocketAddress address = server.getAddress();
        root = "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/" + NAME;
        KonversationApi api = new KonversationApi(tokens, bots, clock, rateLimiter, behaviour, listFaults,
                () -> root);
        server.createContext("/" + NAME,
                // No limiter for VendorEndpoint: that one leaves requests hanging, this platform answers 429.
                new VendorEndpoint(NAME, api.router(), faults, requests::add, KonversationJson::message, null));
    }

    /**
     * Back to a fresh state: an empty default bot, only the default token, the default rate limit with no requests
     * counted, the real time, and every wire choice at its default.
     */
    @Override
    public void reset() {
        clock.reset();
        bot.clear();
        bots.keySet().retainAll(List.of(DEFAULT_FLOW_ID));
        // retainAll, not clear-and-put: a request during the reset must not see the default token missing.
        tokens.keySet().retainAll(List.of(DEFAULT_TOKEN));
        rateLimiter.reset();
        behaviour.reset();
        listFaults.clear();
        requests.clear();
    }

    /** What a client sets as its base URL, e.g. {@code http://127.0.0.1:8089/konversation/api}. */
    public String baseUrl() {
        if (root == null) {
            throw new IllegalStateException("not registered with a running simulator");
        }
        return root + "/api";
    }

    public String token() {
        return DEFAULT_TOKEN;
    }

    public long flowId() {
        return DEFAULT_FLOW_ID;
    }

    /** Another token for the default bot. */
    public void addToken(String token) {
        addToken(token, DEFAULT_FLOW_ID);
    }

    /** A token for the bot with this flow id, which starts empty if it is new; the Java API stays on the default. */
    public void addToken(String token, long flowId) {
        bots.computeIfAbsent(flowId, id -> new Bot(id, clock));
        tokens.put(Objects.requireNonNull(token), flowId);
    }

    // ---- wire choices

    /** Single objects (get-info, create, cart, ...) as the bare object the spec shows, not in {@code {status,data}}. */
    public void answerSingleObjectsBare(boolean bare) {
        behaviour.bareSingleObjects = bare;
    }

    public void setErrorEnvelope(ErrorEnvelope envelope) {
        behaviour.errorEnvelope = Objects.requireNonNull(envelope);
    }

    public void setChatMessageOrder(MessageOrder order) {
        behaviour.messageOrder = Objects.requireNonNull(order);
    }

    /** Chat messages' {@code ts} as {@code "yyyy-MM-dd HH:mm:ss"} text instead of unix seconds. */
    public void chatTimestampsAsText(boolean text) {
        behaviour.textTimestamps = text;
    }

    // ---- list faults, for scans that must survive a misbehaving list

    /**
     * The next {@code times} requests for page {@code page} of a list get only its first {@code items} items, while
     * its {@code meta} still counts them all: a vendor glitch.
     *
     * @param list the list's path below {@code /api}, e.g. {@code /subscribers} or {@code /subscriber/chat-messages}
     */
    public void answerListPageShort(String list, int page, int items, int times) {
        listFaults.answerShort(list, page, items, times);
    }

    /**
     * The next {@code times} requests for page {@code page} of a list get page {@code otherPage} instead, its
     * {@code meta} included: a stale cache. With {@link #answerListPageShort} for the same page, the other page is
     * cut short too.
     */
    public void answerListPageWith(String list, int page, int otherPage, int times) {
        listFaults.answerWith(list, page, otherPage, times);
    }

    /**
     * Runs on the server thread before each page of any list is computed, given the list's path below {@code /api}
     * and the page asked for, e.g. one that adds a subscriber before page 2 so that everyone moves one place down.
     * It may use this class's methods; {@code null} removes it, and so does {@link #reset()}. Only requests the list
     * routes answer run it: not those refused for their token, their parameters or the rate limit.
     */
    public void beforeListPage(BiConsumer<String, Integer> hook) {
        listFaults.beforeListPage(hook);
    }

    // ---- time

    public Instant now() {
        return clock.now();
    }

    /**
     * Stops the clock where it is, so that times in answers are exact; from then on only
     * {@link #advanceTime(Duration)} moves it, until the next reset.
     */
    public void freezeTime() {
        clock.pin(clock.now());
    }

    /** Skips time ahead; broadcast messages that fall due meanwhile are sent, at their due time. */
    public void advanceTime(Duration duration) {
        clock.advance(duration);
        bots.values().forEach(Bot::deliverDue);
    }

    // ---- the flow

    /** Creates the tag, or answers the existing one of that name. */
    public Tag createTag(String name) {
        return bot.createTag(name);
    }

    public List<Tag> tags() {
        return bot.tags();
    }

    /** @param varType text, number, boolean, date, datetime, array or longtext */
    public FieldView createUserField(String name, String varType) {
        return bot.createUserField(Objects.requireNonNull(name), FieldType.of(varType), "", "").view();
    }

    public List<FieldView> userFields() {
        return bot.userFields().stream().map(FieldDefinition::view).toList();
    }

    public FieldView createBotField(String name, String varType, String value) {
        return bot.createBotField(Objects.requireNonNull(name), FieldType.of(varType), "", value, false).view();
    }

    public List<FieldView> botFields() {
        return bot.botFields().stream().map(FieldDefinition::view).toList();
    }

    /**
     * Adds a sub flow that, whenever it is sent, sends these texts in order. {@code {{first_name}}},
     * {@code {{last_name}}} and {@code {{full_name}}} are filled in for the subscriber.
     */
    public SubFlow registerSubFlow(String name, String... messages) {
        return bot.registerSubFlow(Objects.requireNonNull(name), List.of(messages));
    }

    public List<SubFlow> subFlows() {
        return bot.subFlows();
    }

    /** A segment of these subscribers, for the {@code segment_ns} filter; returns its namespace. */
    public String createSegment(String name, String... userNs) {
        synchronized (bot) {
            List<Subscriber> members = new ArrayList<>();
            for (String ns : userNs) {
                members.add(bot.subscriber(ns, "user_ns"));
            }
            return bot.createSegment(Objects.requireNonNull(name), members);
        }
    }

    // ---- subscribers

    public SubscriberBuilder newSubscriber() {
        return new SubscriberBuilder();
    }

    /** @throws IllegalArgumentException when there is no such subscriber */
    public SubscriberView subscriber(String userNs) {
        return read(bot -> subscriberView(bot.subscriber(userNs, "user_ns")));
    }

    /** Every subscriber, in the order {@code /subscribers} lists them: latest interaction first. */
    public List<SubscriberView> subscribers() {
        return read(bot -> {
            List<SubscriberView> views = new ArrayList<>();
            bot.subscribersInOrder().forEach(s -> views.add(subscriberView(s)));
            return views;
        });
    }

    /** Tags the subscriber, creating the tag if needed. */
    public void addTag(String userNs, String tagName) {
        synchronized (bot) {
            bot.addTag(bot.subscriber(userNs, "user_ns"), bot.createTag(tagName));
        }
    }

    /** Sets an existing user field, by its name, checked against its type. */
    public void setUserField(String userNs, String fieldName, String value) {
        synchronized (bot) {
            setUserField(bot.subscriber(userNs, "user_ns"), fieldName, value);
        }
    }

    private void setUserField(Subscriber subscriber, String fieldName, String value) {
        FieldDefinition field = bot.userFieldByName(fieldName, "field_name");
        bot.setUserField(subscriber, field, field.type.check(Objects.requireNonNull(value), "value", field.name));
    }

    /** Puts an inbox label on the subscriber, for the {@code label_id} filter; returns the label's id. */
    public int addLabel(String userNs, String label) {
        synchronized (bot) {
            return bot.addLabel(bot.subscriber(userNs, "user_ns"), Objects.requireNonNull(label));
        }
    }

    /** Logs a custom event, for the {@code event_ns} filter; returns the event's namespace. */
    public String logCustomEvent(String userNs, String eventName) {
        synchronized (bot) {
            return bot.logEvent(bot.subscriber(userNs, "user_ns"), Objects.requireNonNull(eventName));
        }
    }

    /** The subscriber writes to the bot now. */
    public ChatMessage addIncomingMessage(String userNs, String text) {
        return addIncomingMessage(userNs, text, clock.now());
    }

    /**
     * The subscriber wrote to the bot at {@code at}, which may lie in the past and may share its second with other
     * messages; the message takes its place in the history by time, and moves the subscriber's last interaction if
     * it is the latest.
     */
    public ChatMessage addIncomingMessage(String userNs, String text, Instant at) {
        return addMessage(userNs, "in", "text", Objects.requireNonNull(text), null, at);
    }

    /**
     * Any message: {@code type} in, out, agent, note or system; {@code msgType} text, image, audio, video or file.
     */
    public ChatMessage addMessage(String userNs, String type, String msgType, String content, String url,
            Instant at) {
        if (!List.of("in", "out", "agent", "note", "system").contains(type)) {
            throw new IllegalArgumentException("type must be in, out, agent, note or system, was " + type);
        }
        if (!List.of("text", "image", "audio", "video", "file").contains(msgType)) {
            throw new IllegalArgumentException("msgType must be text, image, audio, video or file, was " + msgType);
        }
        synchronized (bot) {
            return bot.addMessage(bot.subscriber(userNs, "user_ns"), type, msgType, content, url,
                    Objects.requireNonNull(at));
        }
    }

    /** The subscriber's whole chat history, oldest first, whatever the API's order. */
    public List<ChatMessage> chatHistory(String userNs) {
        return read(bot -> List.copyOf(bot.subscriber(userNs, "user_ns").chat()));
    }

    /** Sends a sub flow now, as {@code send-sub-flow} does. */
    public void sendSubFlow(String userNs, String subFlowNs) {
        synchronized (bot) {
            bot.sendSubFlow(bot.subscriber(userNs, "user_ns"), bot.subFlow(subFlowNs, "sub_flow_ns"), "java-api",
                    clock.now());
        }
    }

    // ---- what was sent

    /** Every sub flow sent, by any endpoint or broadcast, oldest first. */
    public List<SubFlowSend> subFlowSends() {
        return read(Bot::subFlowSends);
    }

    public List<SentTemplate> sentTemplates() {
        return read(Bot::templates);
    }

    public List<Broadcast> broadcasts() {
        return read(Bot::broadcasts);
    }

    /** Broadcast messages waiting for their time, e.g. beyond the first minute's {@code max_per_minute}. */
    public int pendingBroadcastMessages() {
        return read(Bot::pendingDeliveries);
    }

    // ---- shop

    public ProductBuilder newProduct(String name) {
        return new ProductBuilder(name);
    }

    public ProductView product(int productId) {
        synchronized (bot) {
            return productView(bot.shop().product(productId)
                    .orElseThrow(() -> new IllegalArgumentException("no product " + productId)));
        }
    }

    public void addToCart(String userNs, int variantId, int qty) {
        synchronized (bot) {
            bot.addToCart(bot.subscriber(userNs, "user_ns"), bot.shop().variant(variantId)
                    .orElseThrow(() -> new IllegalArgumentException("no variant " + variantId)), qty);
        }
    }

    public CartView cart(String userNs) {
        synchronized (bot) {
            Shop.Cart cart = bot.shop().cart(bot.subscriber(userNs, "user_ns").userNs, clock.now());
            List<CartItem> items = bot.shop().items(cart);
            return new CartView(cart.id, items, items.stream().mapToInt(CartItem::qty).sum(), total(items),
                    cart.createdAt, cart.updatedAt);
        }
    }

    /** Pays the subscriber's cart, as {@code cart-paid} does, and returns the order. */
    public OrderView payCart(String userNs) {
        synchronized (bot) {
            return orderView(bot.cartPaid(bot.subscriber(userNs, "user_ns"), null, null, null));
        }
    }

    /** Every order, newest first. */
    public List<OrderView> orders() {
        synchronized (bot) {
            List<OrderView> views = new ArrayList<>();
            bot.shop().ordersNewestFirst().forEach(order -> views.add(orderView(order)));
            return views;
        }
    }

    public OrderView order(int orderId) {
        synchronized (bot) {
            return orderView(bot.shop().order(orderId)
                    .orElseThrow(() -> new IllegalArgumentException("no order " + orderId)));
        }
    }

    // ---- limits and recorded requests

    /** Laravel-style: at most {@code requests} per token in a window that opens with the token's first request. */
    public void setRateLimit(int requests, Duration window) {
        rateLimiter.set(requests, window);
    }

    /** Requests let through by the rate limit for this token, whatever they were answered. */
    public int acceptedRequests(String token) {
        return rateLimiter.accepted(token);
    }

    /** Requests answered 429, for all tokens. */
    public int rejectedByRateLimit() {
        return rateLimiter.rejected();
    }

    /** The most requests one token had let through within one of its windows. */
    public int maxRequestsInAnyWindow() {
        return rateLimiter.maxInWindow();
    }

    /** The requests that reached this vendor (the newest {@link RequestLog#DEFAULT_CAPACITY}), oldest first. */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    public long requestCount() {
        return requests.total();
    }

    // ---- demo

    /**
     * Fills the default bot with a coffee shop's support bot: tags, fields, sub flows, about 30 subscribers with
     * three weeks of chat history, products with variants, carts and orders; deterministic for the seed within the
     * current UTC hour.
     */
    @Override
    public void seedDemo(long seed) {
        seedDemo(seed, clock.now().truncatedTo(ChronoUnit.HOURS));
    }

    /** Like {@link #seedDemo(long)}, with all history before {@code until}: fully reproducible on a fresh bot. */
    public void seedDemo(long seed, Instant until) {
        synchronized (bot) {
            DemoData.seed(bot, clock, seed, until);
        }
    }

    @Override
    public Runnable demoActivity(long seed) {
        return new LiveDemo(bot, seed);
    }

    @Override
    public List<String> connectionInfo() {
        return List.of("konversation simulator: baseUrl=" + baseUrl() + " token=" + token() + " (flow "
                + DEFAULT_FLOW_ID + ")");
    }

    // ---- views

    /** Reads under the lock, after sending broadcast messages that have fallen due. */
    private <T> T read(Function<Bot, T> reader) {
        synchronized (bot) {
            bot.deliverDue();
            return reader.apply(bot);
        }
    }

    private SubscriberView subscriberView(Subscriber s) {
        List<Tag> tags = s.tagNs.stream().map(ns -> bot.tag(ns, "tag_ns")).toList();
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldDefinition field : bot.userFields()) {
            String value = s.fieldValues.get(field.varNs);
            if (value != null) {
                fields.put(field.name, value);
            }
        }
        List<String> labels = s.labelIds.stream().map(bot::labelName).toList();
        return new SubscriberView(s.userNs, s.userId, s.channel, s.displayName(), s.firstName, s.lastName, s.phone,
                s.email, s.gender, tags, fields, labels, s.createdAt, s.lastInteraction, s.lastMessageAt,
                s.lastBotInteraction, s.optedInEmail, s.optedInSms);
    }

    private static ProductView productView(Shop.Product product) {
        return new ProductView(product.id, product.name, product.type, product.vendor, product.status,
                product.variants.stream().map(v -> new VariantView(v.id, product.id, v.title(), v.option1Value,
                        v.option2Value, v.price, v.qty)).toList());
    }

    private static OrderView orderView(Shop.Order order) {
        return new OrderView(order.id, order.userNs, order.status, order.items, order.numOfItems(),
                order.totalPrice(), order.createdAt, order.updatedAt);
    }

    private static BigDecimal total(List<CartItem> items) {
        return items.stream().map(CartItem::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
