package io.github.camelchatbots.component.konversation.client;

import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.konversation.KonversationInput;
import io.github.camelchatbots.component.konversation.KonversationOperation;
import io.github.camelchatbots.component.konversation.model.KonversationChatMessage;
import io.github.camelchatbots.component.konversation.model.KonversationChatQuery;
import io.github.camelchatbots.component.konversation.model.KonversationOrder;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriberFilter;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.VendorErrorModel;

/**
 * konversation Connect's API, typed. Every operation of {@link KonversationOperation} goes through
 * {@link #execute(KonversationOperation, Map)}, which checks the operation's documented limits before anything is
 * sent; the list reads a consumer pages through have methods of their own.
 */
public final class KonversationClient {

    public static final VendorErrorModel ERRORS = new KonversationErrorModel();

    private final ChatbotApiClient api;

    public KonversationClient(ChatbotApiClient api) {
        this.api = api;
    }

    public ChatbotApiClient api() {
        return api;
    }

    /**
     * Makes an operation's call with these values (each as a header would give it: text, numbers, booleans, lists,
     * instants).
     *
     * @return what {@link KonversationOperation#answer()} says: a record, a {@link KonversationPage} or a
     *         {@code KonversationResult}
     * @throws IllegalArgumentException naming the field and the limit when a value is outside it; nothing is sent
     */
    public Object execute(KonversationOperation operation, Map<KonversationInput, ?> values) {
        return send(operation.request(values), operation.answer());
    }

    /** Sends a prepared request and reads its answer. */
    public Object send(KonversationRequest request, KonversationAnswer answer) {
        String[] path = request.path().toArray(String[]::new);
        ChatbotApiClient.Request call = switch (request.method()) {
            case "GET" -> api.get(path);
            case "POST" -> api.post(path);
            case "PUT" -> api.put(path);
            case "DELETE" -> api.delete(path);
            default -> throw new IllegalArgumentException("no HTTP method " + request.method());
        };
        if (request.method().equals("GET")) {
            request.fields().properties().forEach(field -> call.query(field.getKey(), queryValue(field.getValue())));
        } else {
            // konversation takes every parameter of POST, PUT and DELETE in a JSON body, DELETE included
            call.body(request.fields());
        }
        JsonNode root = call.execute();
        return answer.read(api, call.call(), root);
    }

    private static String queryValue(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** One subscriber by namespace. */
    public KonversationSubscriber subscriber(String userNs) {
        return (KonversationSubscriber) execute(KonversationOperation.subscriber,
                Map.of(KonversationInput.USER_NS, userNs));
    }

    /**
     * A page of subscribers, latest interaction first.
     *
     * @param page  from 1 to 1000
     * @param limit from 1 to 100
     */
    @SuppressWarnings("unchecked")
    public KonversationPage<KonversationSubscriber> subscribers(int page, int limit,
                                                                KonversationSubscriberFilter filter) {
        Map<KonversationInput, Object> values = new EnumMap<>(KonversationInput.class);
        values.put(KonversationInput.PAGE, page);
        values.put(KonversationInput.LIMIT, limit);
        KonversationSubscriberFilter f = filter != null ? filter : KonversationSubscriberFilter.NONE;
        putIfSet(values, KonversationInput.SEARCH, f.search());
        putIfSet(values, KonversationInput.PHONE, f.phone());
        putIfSet(values, KonversationInput.EMAIL, f.email());
        putIfSet(values, KonversationInput.CHANNEL, f.channel());
        putIfSet(values, KonversationInput.OPT_IN_EMAIL, f.optInEmail());
        putIfSet(values, KonversationInput.OPT_IN_SMS, f.optInSms());
        putIfSet(values, KonversationInput.INTERACTED_IN_LAST24H, f.interactedInLast24h());
        putIfSet(values, KonversationInput.BOT_INTERACTED_IN_LAST24H, f.botInteractedInLast24h());
        putIfSet(values, KonversationInput.LAST_MESSAGE_IN_LAST24H, f.lastMessageInLast24h());
        putIfSet(values, KonversationInput.SEGMENT_NS, f.segmentNs());
        putIfSet(values, KonversationInput.TAG_NS, f.tagNs());
        putIfSet(values, KonversationInput.LABEL_ID, f.labelId());
        putIfSet(values, KonversationInput.EVENT_NS, f.eventNs());
        putIfSet(values, KonversationInput.USER_FIELD_NS, f.userFieldNs());
        putIfSet(values, KonversationInput.USER_FIELD_VALUE, f.userFieldValue());
        return (KonversationPage<KonversationSubscriber>) execute(KonversationOperation.subscribers, values);
    }

    /** A page of one subscriber's chat history, in konversation's order. */
    @SuppressWarnings("unchecked")
    public KonversationPage<KonversationChatMessage> chatMessages(KonversationChatQuery query) {
        Map<KonversationInput, Object> values = new EnumMap<>(KonversationInput.class);
        putIfSet(values, KonversationInput.USER_NS, query.userNs());
        putIfSet(values, KonversationInput.USER_ID, query.userId());
        putIfSet(values, KonversationInput.START_TIME, query.startTime());
        putIfSet(values, KonversationInput.END_TIME, query.endTime());
        putIfSet(values, KonversationInput.PAGE, query.page());
        putIfSet(values, KonversationInput.LIMIT, query.limit());
        putIfSet(values, KonversationInput.INCLUDE_BOT, query.includeBot());
        putIfSet(values, KonversationInput.INCLUDE_NOTE, query.includeNote());
        putIfSet(values, KonversationInput.INCLUDE_SYSTEM, query.includeSystem());
        putIfSet(values, KonversationInput.MSG_TYPE, query.msgType());
        return (KonversationPage<KonversationChatMessage>) execute(KonversationOperation.chatMessages, values);
    }

    /**
     * A page of the shop's orders, newest first.
     *
     * @param userNs only this subscriber's, or null for all
     * @param status only those in this status, or null for all
     */
    @SuppressWarnings("unchecked")
    public KonversationPage<KonversationOrder> orders(int page, int limit, String userNs, String status) {
        Map<KonversationInput, Object> values = new EnumMap<>(KonversationInput.class);
        values.put(KonversationInput.PAGE, page);
        values.put(KonversationInput.LIMIT, limit);
        putIfSet(values, KonversationInput.USER_NS, userNs);
        putIfSet(values, KonversationInput.ORDER_STATUS, status);
        return (KonversationPage<KonversationOrder>) execute(KonversationOperation.orders, values);
    }

    private static void putIfSet(Map<KonversationInput, Object> values, KonversationInput input, Object value) {
        if (value != null) {
            values.put(input, value);
        }
    }
}
