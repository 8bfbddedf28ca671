package io.github.camelchatbots.simulator.konversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.http.Request;
import io.github.camelchatbots.simulator.http.Response;
import io.github.camelchatbots.simulator.http.Router;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Broadcast;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ChatMessage;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.MessageOrder;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SentTemplate;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlow;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The konversation Connect API (UChat's API) under {@code /api}. Every route needs a known Bearer token, which picks
 * the bot; then the token's rate limit applies and every answer carries its {@code X-RateLimit-*} headers. Routes
 * that differ only in how they name their target (by namespace or by name) and in whether they take one item or a
 * {@code data} array of up to 20 are declared in tables, one line per route.
 */
final class KonversationApi {

    /** The platform's Laravel paginator default, for lists asked without a {@code limit}. */
    private static final int DEFAULT_LIMIT = 15;
    private static final int MAX_LIMIT = 100;
    private static final int FLOW_LIST_MAX_PAGE = 100;
    private static final int SUBSCRIBERS_MAX_PAGE = 1000;
    /** add-tags, remove-tags, set-user-fields, clear-user-fields and set-bot-fields, with their by-name forms. */
    private static final int MAX_ITEMS = 20;
    private static final int MAX_CREATE_MANY = 100;
    private static final int MAX_CREATE_MANY_TAGS = 10;
    private static final int MAX_CREATE_MANY_FIELDS = 10;
    private static final int MAX_BROADCAST_RECIPIENTS = 200;
    private static final int MAX_BROADCAST_TAGS = 10;
    private static final int MAX_BROADCAST_FIELDS = 10;
    private static final int DEFAULT_MAX_PER_MINUTE = 60;

    private static final List<String> CHANNELS = List.of("facebook", "instagram", "whatsapp_cloud", "whatsapp",
            "google", "telegram", "tiktok", "line", "viber", "vk", "wechat", "web", "apichat");
    private static final List<String> WHATSAPP = List.of("whatsapp", "whatsapp_cloud");
    private static final List<String> YES_NO = List.of("yes", "no");
    private static final List<String> GENDERS = List.of("male", "female");
    private static final List<String> MEDIA = List.of("image", "audio", "video", "file");
    private static final List<String> MESSAGE_TYPES = List.of("text", "image", "audio", "video", "file");
    private static final List<String> CONTENT_ACTIONS =
            List.of("add_tag", "remove_tag", "set_field_value", "unset_field_value");
    private static final List<String> BROADCAST_TYPES =
            List.of("EMAIL", "SMS", "WHATSAPP_TEMPLATE", "FACEBOOK_NOTIFICATION");
    private static final List<String> DISPLAY_TYPES = List.of("default", "pin", "hidden");
    private static final List<String> PRODUCT_STATUSES = List.of("active", "inactive");
    private static final List<String> SHIPPING_METHODS = List.of("pickup", "delivery");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s().-]{6,20}");

    /** One request to one bot, with its merged input. */
    private record Call(Bot bot, Input in, Request request) {

        int pathId(int index) {
            return Integer.parseInt(request.pathParam(index));
        }
    }

    @FunctionalInterface
    private interface Operation {
        Response run(Call call);
    }

    /** Finds what a value names in the bot, or refuses it naming {@code field}. */
    @FunctionalInterface
    private interface Lookup<T> {
        T find(Bot bot, String value, String field);
    }

    /** Checks one item of a change and returns the change, so that nothing happens unless every item is valid. */
    @FunctionalInterface
    private interface ItemChange<T> {
        Runnable prepare(Bot bot, Subscriber subscriber, T target, Input item);
    }

    /** Whether a route takes its one target from the body itself or up to 20 from a {@code data} array. */
    private enum Form {
        ONE, MANY
    }

    private final Map<String, Long> tokens;
    private final Map<Long, Bot> bots;
    private final SimulationClock clock;
    private final RateLimiter rateLimiter;
    private final Behaviour behaviour;
    private final ListFaults listFaults;
    private final Supplier<String> root;

    KonversationApi(Map<String, Long> tokens, Map<Long, Bot> bots, SimulationClock clock, RateLimiter rateLimiter,
            Behaviour behaviour, ListFaults listFaults, Supplier<String> root) {
        this.tokens = tokens;
        this.bots = bots;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.behaviour = behaviour;
        this.listFaults = listFaults;
        this.root = root;
    }

    Router router() {
        Router router = new Router(KonversationJson::message);
        flowRoutes(router);
        subscriberRoutes(router);
        subscriberTagRoutes(router);
        subscriberFieldRoutes(router);
        sendingRoutes(router);
        router.get("/api/subscriber/chat-messages", api(this::chatMessages));
        cartRoutes(router);
        shopRoutes(router);
        return router;
    }

    // ---- the pipeline every route shares

    /** Token, then rate limit, then the operation under the bot's lock; every answer gets the limit's headers. */
    private Router.Handler api(Operation operation) {
        return request -> {
            String token = bearerToken(request.header("authorization"));
            Long flowId = token == null ? null : tokens.get(token);
            Bot bot = flowId == null ? null : bots.get(flowId);
            if (bot == null) {
                return KonversationJson.message(401, "Unauthenticated.");
            }
            RateLimiter.Decision decision = rateLimiter.hit(token, clock.now());
            if (!decision.allowed()) {
                return KonversationJson.message(429, "Too Many Attempts.")
                        .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                        .withHeader("X-RateLimit-Reset", Long.toString(decision.resetAt().getEpochSecond()))
                        .withHeader("X-RateLimit-Limit", Integer.toString(decision.limit()))
                        .withHeader("X-RateLimit-Remaining", "0");
            }
            Response response;
            try {
                synchronized (bot) {
                    bot.deliverDue();
                    response = operation.run(new Call(bot, Input.of(request), request));
                }
            } catch (ApiError e) {
                response = KonversationJson.error(behaviour.errorEnvelope, e.status(), e.getMessage());
            }
            return response.withHeader("X-RateLimit-Limit", Integer.toString(decision.limit()))
                    .withHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        };
    }

    private static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("bearer") ? parts[1] : null;
    }

    private static Response ok() {
        return Response.json(200, KonversationJson.ok());
    }

    private Response single(ObjectNode object) {
        return Response.json(200, KonversationJson.single(object, behaviour.bareSingleObjects));
    }

    private <T> Response paginated(Call call, Page<T> page, Function<T, ObjectNode> json) {
        return Response.json(200, KonversationJson.page(page, json, root.get() + call.request().recorded().path()));
    }

    /**
     * One page of a list, as a test's list faults have it: the hook first (it may change the bot), then the page
     * asked for or the one substituted for it, cut short when a test said so. {@code source} is read after the hook.
     */
    private <T> Page<T> page(Call call, Supplier<Iterable<T>> source, Predicate<? super T> filter, int page,
            int limit) {
        String list = call.request().recorded().path().substring("/api".length());
        ListFaults.Answer answer = listFaults.claim(list, page);
        Page<T> computed = Page.of(source.get(), filter, answer.page(), limit);
        if (computed.items().size() <= answer.maxItems()) {
            return computed;
        }
        return new Page<>(List.copyOf(computed.items().subList(0, answer.maxItems())), computed.page(),
                computed.perPage(), computed.total());
    }

    private static int limit(Input in) {
        return in.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    // ---- flow: tags, user fields, bot fields, sub flows

    private void flowRoutes(Router router) {
        // The four flow lists: limit, page 1-100 and a name search, alike.
        flowList(router, "/api/flow/tags", Bot::tags, Tag::name, KonversationJson::tag);
        flowList(router, "/api/flow/user-fields", Bot::userFields, f -> f.name, KonversationJson::userField);
        flowList(router, "/api/flow/bot-fields", Bot::botFields, f -> f.name, KonversationJson::botField);
        flowList(router, "/api/flow/subflows", Bot::subFlows, SubFlow::name, KonversationJson::subFlow);

        router.post("/api/flow/create-tag", api(call ->
                single(KonversationJson.tag(call.bot().createTag(call.in().requiredString("name"))))));
        router.post("/api/flow/create-user-field", api(this::createUserField));
        router.post("/api/flow/update-user-field", api(this::updateUserField));
        router.post("/api/flow/create-bot-field", api(this::createBotField));

        // Deletions: the one field that names the target, how it is looked up, what deleting it does.
        deletion(router, "/api/flow/delete-tag", "tag_ns", Bot::tag, Bot::deleteTag);
        deletion(router, "/api/flow/delete-tag-by-name", "name", Bot::tagByName, Bot::deleteTag);
        deletion(router, "/api/flow/delete-user-field", "var_ns", Bot::userField, Bot::deleteUserField);
        deletion(router, "/api/flow/delete-user-field-by-name", "name", Bot::userFieldByName, Bot::deleteUserField);
        deletion(router, "/api/flow/delete-bot-field", "var_ns", Bot::botField, Bot::deleteBotField);
        deletion(router, "/api/flow/delete-bot-field-by-name", "name", Bot::botFieldByName, Bot::deleteBotField);
        deletion(router, "/api/flow/delete-sub-flow", "sub_flow_ns", Bot::subFlow, Bot::deleteSubFlow);

        // Bot field values: by namespace or name, one or up to 20.
        botFieldValues(router, "/api/flow/set-bot-field", "var_ns", Bot::botField, Form.ONE);
        botFieldValues(router, "/api/flow/set-bot-field-by-name", "name", Bot::botFieldByName, Form.ONE);
        botFieldValues(router, "/api/flow/set-bot-fields", "var_ns", Bot::botField, Form.MANY);
        botFieldValues(router, "/api/flow/set-bot-fields-by-name", "name", Bot::botFieldByName, Form.MANY);
    }

    private <T> void flowList(Router router, String path, Function<Bot, List<T>> all, Function<T, String> name,
            Function<T, ObjectNode> json) {
        router.get(path, api(call -> {
            int limit = limit(call.in());
            int page = call.in().integer("page", 1, FLOW_LIST_MAX_PAGE, 1);
            String search = call.in().string("name");
            return paginated(call, page(call, () -> all.apply(call.bot()), item -> contains(name.apply(item), search),
                    page, limit), json);
        }));
    }

    private <T> void deletion(Router router, String path, String key, Lookup<T> lookup, BiConsumer<Bot, T> delete) {
        router.delete(path, api(call -> {
            T target = lookup.find(call.bot(), call.in().requiredString(key), call.in().name(key));
            delete.accept(call.bot(), target);
            return ok();
        }));
    }

    private void botFieldValues(Router router, String path, String key, Lookup<FieldDefinition> lookup, Form form) {
        router.put(path, api(call -> {
            List<Runnable> changes = new ArrayList<>();
            for (Input item : items(call.in(), form)) {
                FieldDefinition field = lookup.find(call.bot(), item.requiredString(key), item.name(key));
                String value = field.type.check(item.value("value"), item.name("value"), field.name);
                changes.add(() -> call.bot().setBotField(field, value));
            }
            changes.forEach(Runnable::run);
            return ok();
        }));
    }

    private static List<Input> items(Input in, Form form) {
        return form == Form.ONE ? List.of(in) : in.items("data", MAX_ITEMS, true);
    }

    private Response createUserField(Call call) {
        Input in = call.in();
        String name = in.requiredString("name");
        FieldType type = fieldType(in);
        FieldDefinition field = call.bot().createUserField(name, type, in.string("description"), in.string("value"));
        return single(KonversationJson.userField(field));
    }

    private Response createBotField(Call call) {
        Input in = call.in();
        String name = in.requiredString("name");
        FieldType type = fieldType(in);
        FieldDefinition field = call.bot().createBotField(name, type, in.string("description"), in.string("value"),
                in.flag("is_template_field", false));
        return single(KonversationJson.botField(field));
    }

    private static FieldType fieldType(Input in) {
        if (!in.present("var_type")) {
            throw ApiError.required("var_type");
        }
        return FieldType.of(in.oneOf("var_type", FieldType.wireNames()));
    }

    private Response updateUserField(Call call) {
        Input in = call.in();
        FieldDefinition field = call.bot().userField(in.requiredString("var_ns"), "var_ns");
        call.bot().updateUserField(field, in.string("name"), in.oneOf("display_type", DISPLAY_TYPES));
        return ok();
    }

    // ---- subscribers: info, list, create, update, delete

    private void subscriberRoutes(Router router) {
        router.get("/api/subscriber/get-info", api(call -> single(KonversationJson.subscriber(
                call.bot().subscriber(call.in().requiredString("user_ns"), "user_ns"), call.bot()))));
        router.get("/api/subscriber/get-info-by-user-id", api(call -> single(KonversationJson.subscriber(
                call.bot().subscriberByUserId(call.in().requiredString("user_id"), "user_id"), call.bot()))));
        router.get("/api/subscribers", api(this::listSubscribers));
        router.post("/api/subscriber/create", api(call -> {
            SubscriberDraft draft = draft(call.in(), true);
            return single(KonversationJson.subscriber(call.bot().createSubscriber(draft), call.bot()));
        }));
        router.post("/api/subscriber/create-many", api(this::createMany));
        router.put("/api/subscriber/update", api(call -> {
            Subscriber subscriber = subscriber(call);
            call.bot().updateSubscriber(subscriber, draft(call.in(), false));
            return single(KonversationJson.subscriber(subscriber, call.bot()));
        }));
        router.delete("/api/subscriber/delete", api(call -> {
            call.bot().deleteSubscriber(subscriber(call));
            return ok();
        }));
    }

    private static Subscriber subscriber(Call call) {
        return call.bot().subscriber(call.in().requiredString("user_ns"), call.in().name("user_ns"));
    }

    private Response listSubscribers(Call call) {
        Input in = call.in();
        int limit = limit(in);
        int page = in.integer("page", 1, SUBSCRIBERS_MAX_PAGE, 1);
        String segmentNs = in.string("segment_ns");
        Long labelId = in.integer("label_id", 1, Integer.MAX_VALUE);
        String userFieldValue = in.string("user_field_value");
        String userFieldNs = in.string("user_field_ns");
        if (userFieldValue != null && userFieldNs == null) {
            throw ApiError.badRequest("The user_field_ns field is required when user_field_value is present.");
        }
        SubscriberFilter filter = new SubscriberFilter(in.string("name"), in.string("phone"), in.string("email"),
                in.oneOf("is_channel", CHANNELS), yesNo(in, "is_opt_in_email"), yesNo(in, "is_opt_in_sms"),
                yesNo(in, "is_interacted_in_last_24h"), yesNo(in, "is_bot_interacted_in_last_24h"),
                yesNo(in, "is_last_message_in_last_24h"),
                segmentNs == null ? null : call.bot().segmentMembers(segmentNs), in.string("tag_ns"),
                labelId == null ? null : labelId.intValue(), in.string("event_ns"), userFieldNs, userFieldValue);
        Instant now = clock.now();
        Page<Subscriber> result =
                page(call, () -> call.bot().subscribersInOrder(), s -> filter.matches(s, now), page, limit);
        return paginated(call, result, s -> KonversationJson.subscriber(s, call.bot()));
    }

    private static Boolean yesNo(Input in, String field) {
        String value = in.oneOf(field, YES_NO);
        return value == null ? null : value.equals("yes");
    }

    /** The create and update body: phone or e-mail is required for a new subscriber. */
    private static SubscriberDraft draft(Input in, boolean creating) {
        SubscriberDraft draft = new SubscriberDraft();
        draft.firstName = in.string("first_name");
        draft.lastName = in.string("last_name");
        draft.name = in.string("name");
        draft.phone = in.string("phone");
        draft.email = in.string("email");
        draft.gender = in.oneOf("gender", GENDERS);
        draft.image = in.string("image");
        if (creating && draft.phone == null && draft.email == null) {
            throw ApiError.badRequest("The " + in.name("phone") + " field is required when " + in.name("email")
                    + " is not present.");
        }
        if (draft.email != null && !EMAIL.matcher(draft.email).matches()) {
            throw ApiError.mustBe(in.name("email"), "a valid email address");
        }
        if (draft.phone != null && !PHONE.matcher(draft.phone).matches()) {
            throw ApiError.badRequest("The " + in.name("phone") + " field format is invalid.");
        }
        return draft;
    }

    /** Every user is checked, duplicates within the batch included, before the first one is created. */
    private Response createMany(Call call) {
        Bot bot = call.bot();
        List<Runnable> creations = new ArrayList<>();
        Set<String> phones = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (Input user : call.in().items("users", MAX_CREATE_MANY, true)) {
            SubscriberDraft draft = draft(user, true);
            if (draft.phone != null && (!phones.add(SubscriberStore.phoneKey(draft.phone))
                    || bot.phoneTaken(draft.phone))) {
                throw ApiError.taken(user.name("phone"));
            }
            if (draft.email != null && (!emails.add(draft.email.toLowerCase(Locale.ROOT))
                    || bot.emailTaken(draft.email))) {
                throw ApiError.taken(user.name("email"));
            }
            List<Tag> tags = new ArrayList<>();
            for (Input tag : user.items("tags", MAX_CREATE_MANY_TAGS, false)) {
                tags.add(bot.tagByName(tag.requiredString("tag_name"), tag.name("tag_name")));
            }
            Map<FieldDefinition, String> values = new LinkedHashMap<>();
            for (Input field : user.items("user_fields", MAX_CREATE_MANY_FIELDS, false)) {
                FieldDefinition definition = bot.userField(field.requiredString("var_ns"), field.name("var_ns"));
                values.put(definition,
                        definition.type.check(field.value("value"), field.name("value"), definition.name));
            }
            creations.add(() -> {
                Subscriber subscriber = bot.createSubscriber(draft);
                tags.forEach(tag -> bot.addTag(subscriber, tag));
                values.forEach((definition, value) -> bot.setUserField(subscriber, definition, value));
            });
        }
        creations.forEach(Runnable::run);
        return ok();
    }

    // ---- subscribers: tags and field values

    private void subscriberTagRoutes(Router router) {
        ItemChange<Tag> add = (bot, subscriber, tag, item) -> () -> bot.addTag(subscriber, tag);
        ItemChange<Tag> remove = (bot, subscriber, tag, item) -> () -> bot.removeTag(subscriber, tag);
        subscriberItems(router, "POST", "/api/subscriber/add-tag", "tag_ns", Bot::tag, Form.ONE, add);
        subscriberItems(router, "POST", "/api/subscriber/add-tag-by-name", "tag_name", Bot::tagByName, Form.ONE, add);
        subscriberItems(router, "POST", "/api/subscriber/add-tags", "tag_ns", Bot::tag, Form.MANY, add);
        subscriberItems(router, "POST", "/api/subscriber/add-tags-by-name", "tag_name", Bot::tagByName, Form.MANY,
                add);
        subscriberItems(router, "DELETE", "/api/subscriber/remove-tag", "tag_ns", Bot::tag, Form.ONE, remove);
        subscriberItems(router, "DELETE", "/api/subscriber/remove-tag-by-name", "tag_name", Bot::tagByName, Form.ONE,
                remove);
        subscriberItems(router, "DELETE", "/api/subscriber/remove-tags", "tag_ns", Bot::tag, Form.MANY, remove);
        subscriberItems(router, "DELETE", "/api/subscriber/remove-tags-by-name", "tag_name", Bot::tagByName,
                Form.MANY, remove);
    }

    private void subscriberFieldRoutes(Router router) {
        ItemChange<FieldDefinition> set = (bot, subscriber, field, item) -> {
            String value = field.type.check(item.value("value"), item.name("value"), field.name);
            return () -> bot.setUserField(subscriber, field, value);
        };
        ItemChange<FieldDefinition> clear = (bot, subscriber, field, item) -> () -> bot.clearUserField(subscriber,
                field);
        // By name, the one-item form says field_name and the data items say name, as the spec has it.
        subscriberItems(router, "PUT", "/api/subscriber/set-user-field", "var_ns", Bot::userField, Form.ONE, set);
        subscriberItems(router, "PUT", "/api/subscriber/set-user-field-by-name", "field_name", Bot::userFieldByName,
                Form.ONE, set);
        subscriberItems(router, "PUT", "/api/subscriber/set-user-fields", "var_ns", Bot::userField, Form.MANY, set);
        subscriberItems(router, "PUT", "/api/subscriber/set-user-fields-by-name", "name", Bot::userFieldByName,
                Form.MANY, set);
        subscriberItems(router, "DELETE", "/api/subscriber/clear-user-field", "var_ns", Bot::userField, Form.ONE,
                clear);
        subscriberItems(router, "DELETE", "/api/subscriber/clear-user-field-by-name", "field_name",
                Bot::userFieldByName, Form.ONE, clear);
        subscriberItems(router, "DELETE", "/api/subscriber/clear-user-fields", "var_ns", Bot::userField, Form.MANY,
                clear);
        subscriberItems(router, "DELETE", "/api/subscriber/clear-user-fields-by-name", "name", Bot::userFieldByName,
                Form.MANY, clear);
    }

    private <T> void subscriberItems(Router router, String method, String path, String key, Lookup<T> lookup,
            Form form, ItemChange<T> change) {
        Router.Handler handler = api(call -> {
            Subscriber subscriber = subscriber(call);
            List<Runnable> changes = new ArrayList<>();
            for (Input item : items(call.in(), form)) {
                T target = lookup.find(call.bot(), item.requiredString(key), item.name(key));
                changes.add(change.prepare(call.bot(), subscriber, target, item));
            }
            changes.forEach(Runnable::run);
            return ok();
        });
        switch (method) {
            case "POST" -> router.post(path, handler);
            case "PUT" -> router.put(path, handler);
            case "DELETE" -> router.delete(path, handler);
            default -> throw new IllegalArgumentException(method);
        }
    }

    // ---- sending

    private void sendingRoutes(Router router) {
        router.post("/api/subscriber/send-sub-flow", api(call -> {
            sendSubFlow(call, subscriber(call), call.bot().subFlow(call.in().requiredString("sub_flow_ns"),
                    "sub_flow_ns"), "send-sub-flow");
            return ok();
        }));
        router.post("/api/subscriber/send-sub-flow-by-flow-name", api(call -> {
            sendSubFlow(call, subscriber(call), call.bot().subFlowByName(call.in().requiredString("flow_name"),
                    "flow_name"), "send-sub-flow-by-flow-name");
            return ok();
        }));
        // Clients add keys of their own (e.g. orderId) here; like the platform, the simulator ignores them.
        router.post("/api/subscriber/send-sub-flow-by-user-id", api(call -> {
            Subscriber subscriber = call.bot().subscriberByUserId(call.in().requiredString("user_id"), "user_id");
            sendSubFlow(call, subscriber, call.bot().subFlow(call.in().requiredString("sub_flow_ns"), "sub_flow_ns"),
                    "send-sub-flow-by-user-id");
            return ok();
        }));
        router.post("/api/subscriber/send-text", api(call -> {
            Subscriber subscriber = subscriber(call);
            String content = call.in().requiredString("content");
            requireSessionWindow(subscriber);
            call.bot().addMessage(subscriber, "out", "text", content, null, clock.now());
            return ok();
        }));
        router.post("/api/subscriber/send-content", api(this::sendContent));
        router.post("/api/subscriber/send-whatsapp-template", api(call -> sendWhatsappTemplate(call,
                subscriber(call))));
        router.post("/api/subscriber/send-whatsapp-template-by-user-id", api(this::sendWhatsappTemplateByUserId));
        router.post("/api/subscriber/broadcast", api(this::broadcast));
        router.post("/api/subscriber/broadcast-by-tag", api(this::broadcastByTag));
    }

    private void sendSubFlow(Call call, Subscriber subscriber, SubFlow flow, String via) {
        call.bot().sendSubFlow(subscriber, flow, via, clock.now());
    }

    /** WhatsApp lets a bot write freely only within 24 hours of the subscriber's last message; else a template. */
    private void requireSessionWindow(Subscriber subscriber) {
        if (WHATSAPP.contains(subscriber.channel)
                && !SubscriberFilter.within24h(subscriber.lastMessageAt, clock.now())) {
            throw ApiError.badRequest("The user_ns is outside the 24 hour window of " + subscriber.channel
                    + ": only a WhatsApp template can be sent.");
        }
    }

    /** The dynamic-content format: messages become chat messages, actions change tags and fields. */
    private Response sendContent(Call call) {
        Bot bot = call.bot();
        Subscriber subscriber = subscriber(call);
        Input data = call.in().object("data", true);
        if (!data.present("version")) {
            throw ApiError.required(data.name("version"));
        }
        data.oneOf("version", List.of("v1"));
        Input content = data.object("content", true);
        String type = call.in().flag("send_as_agent", false) ? "agent" : "out";
        List<Runnable> changes = new ArrayList<>();
        List<Input> messages = content.items("messages", MAX_LIMIT, false);
        List<Input> actions = content.items("actions", MAX_LIMIT, false);
        if (messages.isEmpty() && actions.isEmpty()) {
            throw ApiError.badRequest("The " + content.name("messages") + " field is required when "
                    + content.name("actions") + " is not present.");
        }
        if (!messages.isEmpty()) {
            requireSessionWindow(subscriber);
        }
        Instant now = clock.now();
        for (Input message : messages) {
            if (!message.present("type")) {
                throw ApiError.required(message.name("type"));
            }
            String msgType = message.oneOf("type", MESSAGE_TYPES);
            String text = msgType.equals("text") ? message.requiredString("text") : message.string("caption");
            String url = msgType.equals("text") ? null : message.requiredString("url");
            changes.add(() -> bot.addMessage(subscriber, type, msgType, text, url, now));
        }
        for (Input action : actions) {
            changes.add(contentAction(bot, subscriber, action));
        }
        changes.forEach(Runnable::run);
        return ok();
    }

    private static Runnable contentAction(Bot bot, Subscriber subscriber, Input action) {
        if (!action.present("action")) {
            throw ApiError.required(action.name("action"));
        }
        return switch (action.oneOf("action", CONTENT_ACTIONS)) {
            case "add_tag" -> {
                String name = action.requiredString("tag_name");
                yield () -> bot.addTag(subscriber, bot.createTag(name));
            }
            case "remove_tag" -> {
                String name = action.requiredString("tag_name");
                yield () -> bot.tags().stream().filter(tag -> tag.name().equals(name)).findFirst()
                        .ifPresent(tag -> bot.removeTag(subscriber, tag));
            }
            case "set_field_value" -> {
                FieldDefinition field = bot.userFieldByName(action.requiredString("field_name"),
                        action.name("field_name"));
                String value = field.type.check(action.value("value"), action.name("value"), field.name);
                yield () -> bot.setUserField(subscriber, field, value);
            }
            default -> {
                FieldDefinition field = bot.userFieldByName(action.requiredString("field_name"),
                        action.name("field_name"));
                yield () -> bot.clearUserField(subscriber, field);
            }
        };
    }

    /** Recorded for assertions; the chat shows it as an "out" message carrying the template's name. */
    private Response sendWhatsappTemplate(Call call, Subscriber subscriber) {
        Input content = call.in().object("content", true);
        String name = content.requiredString("name");
        String lang = content.requiredString("lang");
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode rawParams = content.json("params");
        if (rawParams != null) {
            if (!rawParams.isObject()) {
                throw ApiError.mustBe(content.name("params"), "an object");
            }
            rawParams.fields().forEachRemaining(entry -> params.put(entry.getKey(), entry.getValue().asText()));
        }
        Instant now = clock.now();
        call.bot().recordTemplate(new SentTemplate(subscriber.userNs, content.string("namespace"), name, lang, params,
                now));
        call.bot().addMessage(subscriber, "out", "text", name, null, now);
        return ok();
    }

    /**
     * To a WhatsApp number: the subscriber with that user id, or with {@code create_if_not_found=yes} a new WhatsApp
     * subscriber named by {@code contact}, the number as phone and user id. The template is checked first, so a bad
     * one creates nobody.
     */
    private Response sendWhatsappTemplateByUserId(Call call) {
        Input in = call.in();
        String userId = in.requiredString("user_id");
        boolean create = "yes".equals(in.oneOf("create_if_not_found", YES_NO));
        Input content = in.object("content", true);
        content.requiredString("name");
        content.requiredString("lang");
        Subscriber subscriber = call.bot().findSubscriberByUserId(userId);
        if (subscriber == null) {
            if (!create) {
                throw ApiError.unknown("user_id");
            }
            if (!userId.matches("\\d{6,15}")) {
                throw ApiError.badRequest("The user_id field format is invalid.");
            }
            SubscriberDraft draft = new SubscriberDraft();
            Input contact = in.object("contact", false);
            if (contact != null) {
                draft.firstName = contact.string("first_name");
                draft.lastName = contact.string("last_name");
                draft.name = contact.string("user_name");
            }
            draft.phone = "+" + userId;
            draft.userId = userId;
            draft.channel = "whatsapp_cloud";
            subscriber = call.bot().createSubscriber(draft);
        }
        return sendWhatsappTemplate(call, subscriber);
    }

    private Response broadcast(Call call) {
        Input in = call.in();
        String list = in.requiredString("user_ns_list");
        Set<String> userNs = new LinkedHashSet<>();
        for (String ns : list.split(",")) {
            if (!ns.isBlank()) {
                userNs.add(ns.trim());
            }
        }
        if (userNs.size() > MAX_BROADCAST_RECIPIENTS) {
            throw ApiError.tooMany("user_ns_list", MAX_BROADCAST_RECIPIENTS);
        }
        List<Subscriber> recipients = new ArrayList<>();
        for (String ns : userNs) {
            recipients.add(call.bot().subscriber(ns, "user_ns_list"));
        }
        SubFlow flow = call.bot().subFlow(in.requiredString("sub_flow_ns"), "sub_flow_ns");
        schedule(call, "broadcast", recipients, flow, null, List.of(), List.of());
        return ok();
    }

    /** Subscribers with any of the tags, none of the excluded ones and every given field value. */
    private Response broadcastByTag(Call call) {
        Bot bot = call.bot();
        Input in = call.in();
        Set<String> tags = tagNamespaces(bot, in.strings("tags", MAX_BROADCAST_TAGS, true), "tags");
        Set<String> excluded = tagNamespaces(bot, in.strings("exclude_tags", Integer.MAX_VALUE, false),
                "exclude_tags");
        SubFlow flow = bot.subFlow(in.requiredString("sub_flow_ns"), "sub_flow_ns");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Input field : in.items("user_fields", MAX_BROADCAST_FIELDS, false)) {
            FieldDefinition definition = bot.userField(field.requiredString("var_ns"), field.name("var_ns"));
            fields.put(definition.varNs, field.value("value"));
        }
        in.string("message_tag");
        List<Subscriber> recipients = new ArrayList<>();
        for (Subscriber s : bot.subscribersInOrder()) {
            boolean tagged = s.tagNs.stream().anyMatch(tags::contains);
            boolean excludedTag = s.tagNs.stream().anyMatch(excluded::contains);
            boolean fieldsMatch = fields.entrySet().stream()
                    .allMatch(entry -> entry.getValue().equals(s.fieldValues.get(entry.getKey())));
            if (tagged && !excludedTag && fieldsMatch) {
                recipients.add(s);
            }
        }
        schedule(call, "broadcast-by-tag", recipients, flow, in.string("name"), List.copyOf(tags),
                List.copyOf(excluded));
        return ok();
    }

    private static Set<String> tagNamespaces(Bot bot, List<String> tagNs, String field) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (int i = 0; i < tagNs.size(); i++) {
            namespaces.add(bot.tag(tagNs.get(i), field + "." + i).tagNs());
        }
        return namespaces;
    }

    /** The options both broadcast forms share: type, scheduled_time (unix seconds) and max_per_minute. */
    private void schedule(Call call, String via, List<Subscriber> recipients, SubFlow flow, String name,
            List<String> tags, List<String> excludeTags) {
        Input in = call.in();
        String type = in.oneOf("type", BROADCAST_TYPES);
        Long scheduled = in.integer("scheduled_time", 0, Long.MAX_VALUE / 1000);
        int maxPerMinute = in.integer("max_per_minute", 1, 100_000, DEFAULT_MAX_PER_MINUTE);
        Instant now = clock.now();
        Instant start = scheduled == null || Instant.ofEpochSecond(scheduled).isBefore(now) ? now
                : Instant.ofEpochSecond(scheduled);
        Broadcast broadcast = new Broadcast(via, recipients.stream().map(s -> s.userNs).toList(), flow.subFlowNs(),
                type, name, start, maxPerMinute, tags, excludeTags, now);
        call.bot().broadcast(broadcast, recipients, start);
    }

    // ---- chat history

    /** in and agent always; out, note and system when asked for. Times are unix seconds, at most a month back. */
    private Response chatMessages(Call call) {
        Input in = call.in();
        Subscriber subscriber;
        if (in.present("user_ns")) {
            subscriber = subscriber(call);
        } else if (in.present("user_id")) {
            subscriber = call.bot().subscriberByUserId(in.requiredString("user_id"), "user_id");
        } else {
            throw ApiError.badRequest("The user_ns field is required when user_id is not present.");
        }
        Set<String> types = new HashSet<>(List.of("in", "agent"));
        if (in.flag("include_bot", false)) {
            types.add("out");
        }
        if (in.flag("include_note", false)) {
            types.add("note");
        }
        if (in.flag("include_system", false)) {
            types.add("system");
        }
        String msgType = in.oneOf("msg_type", MEDIA);
        long monthAgo = clock.now().atZone(ZoneOffset.UTC).minusMonths(1).toEpochSecond();
        Long start = in.integer("start_time", 0, Long.MAX_VALUE / 1000);
        Long end = in.integer("end_time", 0, Long.MAX_VALUE / 1000);
        if (start != null && start < monthAgo) {
            throw ApiError.badRequest("The start_time field must be no earlier than one month ago (" + monthAgo
                    + ").");
        }
        if (end != null && end < monthAgo) {
            throw ApiError.badRequest("The end_time field must be no earlier than one month ago (" + monthAgo + ").");
        }
        if (start != null && end != null && end < start) {
            throw ApiError.badRequest("The end_time field must be greater than or equal to start_time.");
        }
        int limit = limit(in);
        int page = in.integer("page", 1, Integer.MAX_VALUE, 1);
        Predicate<ChatMessage> filter = message -> types.contains(message.type())
                && (msgType == null || msgType.equals(message.msgType()))
                && (start == null || message.at().getEpochSecond() >= start)
                && (end == null || message.at().getEpochSecond() <= end);
        boolean text = behaviour.textTimestamps;
        Supplier<Iterable<ChatMessage>> ordered = () -> behaviour.messageOrder == MessageOrder.NEWEST_FIRST
                ? Page.backwards(subscriber.chat()) : subscriber.chat();
        return paginated(call, page(call, ordered, filter, page, limit),
                message -> KonversationJson.chatMessage(message, subscriber.userNs, text));
    }

    // ---- e-commerce: the subscriber's cart and orders

    private void cartRoutes(Router router) {
        router.get("/api/subscriber/cart", api(call -> {
            Subscriber subscriber = subscriber(call);
            Shop.Cart cart = call.bot().shop().cart(subscriber.userNs, clock.now());
            return single(KonversationJson.cart(cart, call.bot().shop().items(cart)));
        }));
        router.post("/api/subscriber/add-to-cart", api(call -> {
            Subscriber subscriber = subscriber(call);
            Shop.Variant variant = variant(call);
            call.bot().addToCart(subscriber, variant, call.in().integer("qty", 1, 10_000, 1));
            return ok();
        }));
        router.delete("/api/subscriber/remove-from-cart", api(call -> {
            call.bot().removeFromCart(subscriber(call), variant(call), "variant_id");
            return ok();
        }));
        router.delete("/api/subscriber/empty-cart", api(call -> {
            call.bot().emptyCart(subscriber(call));
            return ok();
        }));
        // The checkout details besides these three are accepted and not kept.
        router.post("/api/subscriber/cart-paid", api(call -> {
            Subscriber subscriber = subscriber(call);
            Input in = call.in();
            call.bot().cartPaid(subscriber, in.oneOf("shipping_method", SHIPPING_METHODS),
                    in.string("payment_method"), in.string("reference_no"));
            return ok();
        }));
        router.post("/api/subscriber/update-order-status", api(call -> {
            Subscriber subscriber = subscriber(call);
            int orderId = call.in().requiredInteger("order_id", 1, Integer.MAX_VALUE);
            Shop.Order order = call.bot().shop().order(orderId).filter(o -> o.userNs.equals(subscriber.userNs))
                    .orElseThrow(() -> ApiError.unknown("order_id"));
            if (!call.in().present("status")) {
                throw ApiError.required("status");
            }
            call.bot().updateOrderStatus(order, call.in().oneOf("status", Shop.ORDER_STATUSES));
            return ok();
        }));
    }

    private static Shop.Variant variant(Call call) {
        int variantId = call.in().requiredInteger("variant_id", 1, Integer.MAX_VALUE);
        return call.bot().shop().variant(variantId).orElseThrow(() -> ApiError.unknown("variant_id"));
    }

    // ---- shop: catalogue and orders

    private void shopRoutes(Router router) {
        router.get("/api/shop/products", api(this::listProducts));
        router.post("/api/shop/products/create", api(this::createProduct));
        router.get("/api/shop/products/(\\d+)/get-info", api(call ->
                single(KonversationJson.product(product(call), call.bot().shop()))));
        router.put("/api/shop/products/(\\d+)/update", api(this::updateProduct));
        router.delete("/api/shop/products/(\\d+)/delete", api(call -> {
            call.bot().shop().deleteProduct(product(call));
            return ok();
        }));
        router.get("/api/shop/products/(\\d+)/variants", api(call -> {
            Shop.Product product = product(call);
            int limit = limit(call.in());
            int page = call.in().integer("page", 1, FLOW_LIST_MAX_PAGE, 1);
            return paginated(call, page(call, () -> product.variants, v -> true, page, limit),
                    KonversationJson::variant);
        }));
        router.get("/api/shop/orders", api(call -> {
            Input in = call.in();
            int limit = limit(in);
            int page = in.integer("page", 1, FLOW_LIST_MAX_PAGE, 1);
            String userNs = in.string("user_ns");
            String status = in.oneOf("status", Shop.ORDER_STATUSES);
            Predicate<Shop.Order> filter = order -> (userNs == null || userNs.equals(order.userNs))
                    && (status == null || status.equals(order.status));
            return paginated(call, page(call, () -> call.bot().shop().ordersNewestFirst(), filter, page, limit),
                    KonversationJson::order);
        }));
        router.get("/api/shop/orders/(\\d+)/get-info", api(call -> {
            int id = call.pathId(0);
            return single(KonversationJson.order(call.bot().shop().order(id)
                    .orElseThrow(() -> ApiError.notFound("No query results for model [Order] " + id))));
        }));
    }

    private static Shop.Product product(Call call) {
        int id = call.pathId(0);
        return call.bot().shop().product(id)
                .orElseThrow(() -> ApiError.notFound("No query results for model [Product] " + id));
    }

    private Response listProducts(Call call) {
        Input in = call.in();
        int limit = limit(in);
        int page = in.integer("page", 1, FLOW_LIST_MAX_PAGE, 1);
        String name = in.string("name");
        Long typeId = in.integer("product_type_id", 1, Integer.MAX_VALUE);
        Long vendorId = in.integer("vendor_id", 1, Integer.MAX_VALUE);
        Shop shop = call.bot().shop();
        Predicate<Shop.Product> filter = product -> contains(product.name, name)
                && (typeId == null || typeId.equals(toLong(shop.typeId(product.type))))
                && (vendorId == null || vendorId.equals(toLong(shop.vendorId(product.vendor))));
        return paginated(call, page(call, shop::products, filter, page, limit), p -> KonversationJson.product(p, shop));
    }

    /**
     * Without variants the product gets one default variant from the top-level price, sku and qty; with
     * {@code use_variant=1} every {@code variants} item becomes one, its option values named by
     * {@code variant_1_name} and {@code variant_2_name}.
     */
    private Response createProduct(Call call) {
        Input in = call.in();
        String name = in.requiredString("name");
        boolean useVariant = in.flag("use_variant", false);
        List<Input> variantItems = useVariant ? in.items("variants", MAX_LIMIT, true) : List.of(in);
        List<BigDecimal> prices = new ArrayList<>();
        for (Input item : variantItems) {
            if (useVariant && !item.present("variant_1_value")) {
                throw ApiError.required(item.name("variant_1_value"));
            }
            BigDecimal price = item.amount("price");
            prices.add(price == null ? BigDecimal.ZERO : price);
            item.amount("compare_price");
            item.integer("qty", 0, Integer.MAX_VALUE);
        }
        String status = in.oneOf("status", PRODUCT_STATUSES);
        List<String> tags = in.strings("tags", MAX_LIMIT, false);
        Shop shop = call.bot().shop();
        Shop.Product product = shop.addProduct(name);
        describe(product, in, status, tags);
        shop.catalogue(product);
        product.useVariant = useVariant;
        product.trackStock = in.flag("track_stock", false);
        product.allowNoStockSell = in.flag("allow_no_stock_sell", false);
        product.option1Name = useVariant ? in.string("variant_1_name") : null;
        product.option2Name = useVariant ? in.string("variant_2_name") : null;
        for (int i = 0; i < variantItems.size(); i++) {
            Input item = variantItems.get(i);
            Shop.Variant variant = shop.addVariant(product);
            variant.option1Value = useVariant ? item.string("variant_1_value") : null;
            variant.option2Value = useVariant ? item.string("variant_2_value") : null;
            variant.price = prices.get(i);
            variant.comparePrice = item.amount("compare_price");
            variant.sku = item.string("sku");
            variant.barcode = item.string("barcode");
            variant.image = useVariant ? item.string("image") : null;
            variant.qty = item.integer("qty", 0, Integer.MAX_VALUE, 0);
        }
        return single(KonversationJson.product(product, shop));
    }

    private Response updateProduct(Call call) {
        Shop.Product product = product(call);
        Input in = call.in();
        String status = in.oneOf("status", PRODUCT_STATUSES);
        List<String> tags = in.present("tags") ? in.strings("tags", MAX_LIMIT, false) : null;
        String name = in.string("name");
        if (name != null) {
            product.name = name;
        }
        describe(product, in, status, tags);
        call.bot().shop().catalogue(product);
        return single(KonversationJson.product(product, call.bot().shop()));
    }

    /** The descriptive fields create and update share; absent ones are left as they are. */
    private static void describe(Shop.Product product, Input in, String status, List<String> tags) {
        if (in.present("description")) {
            product.description = in.string("description");
        }
        if (in.present("image")) {
            product.image = in.string("image");
        }
        if (in.present("note")) {
            product.note = in.string("note");
        }
        if (in.present("type")) {
            product.type = in.string("type");
        }
        if (in.present("vendor")) {
            product.vendor = in.string("vendor");
        }
        if (status != null) {
            product.status = status;
        }
        if (tags != null) {
            product.tags = List.copyOf(tags);
        }
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static boolean contains(String value, String part) {
        return part == null
                || value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
