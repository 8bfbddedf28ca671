package io.github.camelchatbots.component.konversation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelchatbots.component.konversation.KonversationInput.Given;
import io.github.camelchatbots.component.konversation.client.KonversationAnswer;
import io.github.camelchatbots.component.konversation.client.KonversationRequest;
import io.github.camelchatbots.component.konversation.model.KonversationBroadcast;
import io.github.camelchatbots.component.konversation.model.KonversationCart;
import io.github.camelchatbots.component.konversation.model.KonversationCartChange;
import io.github.camelchatbots.component.konversation.model.KonversationChatMessage;
import io.github.camelchatbots.component.konversation.model.KonversationCheckout;
import io.github.camelchatbots.component.konversation.model.KonversationContent;
import io.github.camelchatbots.component.konversation.model.KonversationField;
import io.github.camelchatbots.component.konversation.model.KonversationFieldValues;
import io.github.camelchatbots.component.konversation.model.KonversationNewSubscriber;
import io.github.camelchatbots.component.konversation.model.KonversationNewSubscribers;
import io.github.camelchatbots.component.konversation.model.KonversationOrder;
import io.github.camelchatbots.component.konversation.model.KonversationOrderStatus;
import io.github.camelchatbots.component.konversation.model.KonversationProduct;
import io.github.camelchatbots.component.konversation.model.KonversationProductDraft;
import io.github.camelchatbots.component.konversation.model.KonversationSubFlow;
import io.github.camelchatbots.component.konversation.model.KonversationSubFlowRequest;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriberUpdate;
import io.github.camelchatbots.component.konversation.model.KonversationTag;
import io.github.camelchatbots.component.konversation.model.KonversationTagChange;
import io.github.camelchatbots.component.konversation.model.KonversationTemplate;
import io.github.camelchatbots.component.konversation.model.KonversationText;
import io.github.camelchatbots.component.konversation.model.KonversationVariant;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.producer.ExchangeValues;

import static io.github.camelchatbots.component.konversation.KonversationCall.array;
import static io.github.camelchatbots.component.konversation.KonversationCall.atMost;
import static io.github.camelchatbots.component.konversation.KonversationCall.call;
import static io.github.camelchatbots.component.konversation.KonversationCall.delete;
import static io.github.camelchatbots.component.konversation.KonversationCall.either;
import static io.github.camelchatbots.component.konversation.KonversationCall.flag;
import static io.github.camelchatbots.component.konversation.KonversationCall.get;
import static io.github.camelchatbots.component.konversation.KonversationCall.inOrder;
import static io.github.camelchatbots.component.konversation.KonversationCall.joined;
import static io.github.camelchatbots.component.konversation.KonversationCall.only;
import static io.github.camelchatbots.component.konversation.KonversationCall.path;
import static io.github.camelchatbots.component.konversation.KonversationCall.post;
import static io.github.camelchatbots.component.konversation.KonversationCall.put;
import static io.github.camelchatbots.component.konversation.KonversationCall.required;
import static io.github.camelchatbots.component.konversation.KonversationCall.unixSeconds;
import static io.github.camelchatbots.component.konversation.KonversationCall.value;
import static io.github.camelchatbots.component.konversation.KonversationCall.withinLastMonth;
import static io.github.camelchatbots.component.konversation.KonversationCall.yesNo;
import static io.github.camelchatbots.component.konversation.KonversationInput.BOT_INTERACTED_IN_LAST24H;
import static io.github.camelchatbots.component.konversation.KonversationInput.BROADCAST_NAME;
import static io.github.camelchatbots.component.konversation.KonversationInput.BROADCAST_TYPE;
import static io.github.camelchatbots.component.konversation.KonversationInput.CHANNEL;
import static io.github.camelchatbots.component.konversation.KonversationInput.CONTENT;
import static io.github.camelchatbots.component.konversation.KonversationInput.CREATE_IF_NOT_FOUND;
import static io.github.camelchatbots.component.konversation.KonversationInput.DESCRIPTION;
import static io.github.camelchatbots.component.konversation.KonversationInput.DISPLAY_TYPE;
import static io.github.camelchatbots.component.konversation.KonversationInput.EMAIL;
import static io.github.camelchatbots.component.konversation.KonversationInput.EVENT_NS;
import static io.github.camelchatbots.component.konversation.KonversationInput.EXCLUDE_TAG_NS;
import static io.github.camelchatbots.component.konversation.KonversationInput.FIELD_NAME;
import static io.github.camelchatbots.component.konversation.KonversationInput.FIELD_NAMES;
import static io.github.camelchatbots.component.konversation.KonversationInput.FIELD_VALUE;
import static io.github.camelchatbots.component.konversation.KonversationInput.FIELD_VALUES;
import static io.github.camelchatbots.component.konversation.KonversationInput.FLOW_NAME;
import static io.github.camelchatbots.component.konversation.KonversationInput.INTERACTED_IN_LAST24H;
import static io.github.camelchatbots.component.konversation.KonversationInput.LABEL_ID;
import static io.github.camelchatbots.component.konversation.KonversationInput.LAST_MESSAGE_IN_LAST24H;
import static io.github.camelchatbots.component.konversation.KonversationInput.MESSAGE_TAG;
import static io.github.camelchatbots.component.konversation.KonversationInput.OPT_IN_EMAIL;
import static io.github.camelchatbots.component.konversation.KonversationInput.OPT_IN_SMS;
import static io.github.camelchatbots.component.konversation.KonversationInput.ORDER_ID;
import static io.github.camelchatbots.component.konversation.KonversationInput.ORDER_STATUS;
import static io.github.camelchatbots.component.konversation.KonversationInput.PAYMENT_METHOD;
import static io.github.camelchatbots.component.konversation.KonversationInput.PHONE;
import static io.github.camelchatbots.component.konversation.KonversationInput.PRODUCT_TYPE_ID;
import static io.github.camelchatbots.component.konversation.KonversationInput.QTY;
import static io.github.camelchatbots.component.konversation.KonversationInput.SCHEDULED_TIME;
import static io.github.camelchatbots.component.konversation.KonversationInput.SEGMENT_NS;
import static io.github.camelchatbots.component.konversation.KonversationInput.SEND_AS_AGENT;
import static io.github.camelchatbots.component.konversation.KonversationInput.SHIPPING_METHOD;
import static io.github.camelchatbots.component.konversation.KonversationInput.SUB_FLOW_NS;
import static io.github.camelchatbots.component.konversation.KonversationInput.TAG_NAME;
import static io.github.camelchatbots.component.konversation.KonversationInput.TAG_NAMES;
import static io.github.camelchatbots.component.konversation.KonversationInput.TAG_NS;
import static io.github.camelchatbots.component.konversation.KonversationInput.TEMPLATE_LANG;
import static io.github.camelchatbots.component.konversation.KonversationInput.TEMPLATE_NAME;
import static io.github.camelchatbots.component.konversation.KonversationInput.TEMPLATE_NAMESPACE;
import static io.github.camelchatbots.component.konversation.KonversationInput.TEMPLATE_PARAMS;
import static io.github.camelchatbots.component.konversation.KonversationInput.USER_FIELD_NS;
import static io.github.camelchatbots.component.konversation.KonversationInput.USER_FIELD_VALUE;
import static io.github.camelchatbots.component.konversation.KonversationInput.USER_ID;
import static io.github.camelchatbots.component.konversation.KonversationInput.USER_NS;
import static io.github.camelchatbots.component.konversation.KonversationInput.USER_NS_LIST;
import static io.github.camelchatbots.component.konversation.KonversationInput.VAR_NS;
import static io.github.camelchatbots.component.konversation.KonversationInput.VAR_TYPE;
import static io.github.camelchatbots.component.konversation.KonversationInput.VENDOR_ID;
import static io.github.camelchatbots.component.konversation.client.KonversationAnswer.ok;
import static io.github.camelchatbots.component.konversation.client.KonversationAnswer.page;
import static io.github.camelchatbots.component.konversation.client.KonversationAnswer.single;

/**
 * The konversation calls, by the names used in {@code konversation:<operation>} URIs, each declared by one line of
 * this table: the HTTP method and path (or the paths it chooses between), the request field each value fills within
 * its documented limits, the record the body may be and the record the answer is read into. Values are given by
 * headers, body fields or options ({@link KonversationInput}); paths are the API's, below the base URL.
 */
public enum KonversationOperation {

    // ---- flow tags and sub flows
    tags(call(page(KonversationTag.class), only(get("flow/tags", Fields.limit(), Fields.page(100), Fields.search())))),
    createTag(call(single(KonversationTag.class, null), only(post("flow/create-tag",
            value(TAG_NAME, "name").required()))).request(KonversationTag.class)),
    deleteTag(call(ok(), either(
            delete("flow/delete-tag", value(TAG_NS, "tag_ns")).when(TAG_NS),
            delete("flow/delete-tag-by-name", value(TAG_NAME, "name")).when(TAG_NAME))).request(KonversationTag.class)),
    subFlows(call(page(KonversationSubFlow.class), only(get("flow/subflows", Fields.limit(), Fields.page(100),
            Fields.search())))),
    deleteSubFlow(call(ok(), only(delete("flow/delete-sub-flow", value(SUB_FLOW_NS, "sub_flow_ns").required())))),

    // ---- flow fields: user fields (a subscriber's custom fields) and bot fields (the bot's variables)
    userFields(call(page(KonversationField.class), only(get("flow/user-fields", Fields.limit(), Fields.page(100),
            Fields.search())))),
    createUserField(call(single(KonversationField.class, null), only(post("flow/create-user-field",
            value(FIELD_NAME, "name").required(), value(VAR_TYPE, "var_type").required(),
            value(DESCRIPTION, "description"), value(FIELD_VALUE, "value").orElse(""))))
            .passBody().request(KonversationField.class)),
    updateUserField(call(ok(), only(post("flow/update-user-field", value(VAR_NS, "var_ns").required(),
            value(FIELD_NAME, "name"), value(DISPLAY_TYPE, "display_type")))).request(KonversationField.class)),
    deleteUserField(call(ok(), either(
            delete("flow/delete-user-field", value(VAR_NS, "var_ns")).when(VAR_NS),
            delete("flow/delete-user-field-by-name", value(FIELD_NAME, "name")).when(FIELD_NAME)))
            .request(KonversationField.class)),
    botFields(call(page(KonversationField.class), only(get("flow/bot-fields", Fields.limit(), Fields.page(100),
            Fields.search())))),
    createBotField(call(single(KonversationField.class, null), only(post("flow/create-bot-field",
            value(FIELD_NAME, "name").required(), value(VAR_TYPE, "var_type").required(),
            value(DESCRIPTION, "description"), value(FIELD_VALUE, "value").orElse(""))))
            .passBody().request(KonversationField.class)),
    setBotField(call(ok(), either(
            put("flow/set-bot-field", value(VAR_NS, "var_ns"), value(FIELD_VALUE, "value").required()).when(VAR_NS),
            put("flow/set-bot-field-by-name", value(FIELD_NAME, "name"), value(FIELD_VALUE, "value").required())
                    .when(FIELD_NAME))).request(KonversationField.class)),
    setBotFields(call(ok(), Fields.batch("PUT", "flow/set-bot-field", "flow/set-bot-fields", FIELD_VALUES,
            FIELD_VALUES, "var_ns", "name", "name", true, "fields")).request(KonversationFieldValues.class)),
    deleteBotField(call(ok(), either(
            delete("flow/delete-bot-field", value(VAR_NS, "var_ns")).when(VAR_NS),
            delete("flow/delete-bot-field-by-name", value(FIELD_NAME, "name")).when(FIELD_NAME)))
            .request(KonversationField.class)),

    // ---- subscribers
    subscriber(call(single(KonversationSubscriber.class, "user_ns"), either(
            get("subscriber/get-info", value(USER_NS, "user_ns")).when(USER_NS),
            get("subscriber/get-info-by-user-id", value(USER_ID, "user_id")).when(USER_ID)))),
    subscribers(call(page(KonversationSubscriber.class), only(get("subscribers", Fields.limit(), Fields.page(1000),
            Fields.search(), value(PHONE, "phone"), value(EMAIL, "email"), value(CHANNEL, "is_channel"),
            yesNo(OPT_IN_EMAIL, "is_opt_in_email"), yesNo(OPT_IN_SMS, "is_opt_in_sms"),
            yesNo(INTERACTED_IN_LAST24H, "is_interacted_in_last_24h"),
            yesNo(BOT_INTERACTED_IN_LAST24H, "is_bot_interacted_in_last_24h"),
            yesNo(LAST_MESSAGE_IN_LAST24H, "is_last_message_in_last_24h"), value(SEGMENT_NS, "segment_ns"),
            value(TAG_NS, "tag_ns"), value(LABEL_ID, "label_id").between(1, Integer.MAX_VALUE),
            value(EVENT_NS, "event_ns"), value(USER_FIELD_NS, "user_field_ns"),
            value(USER_FIELD_VALUE, "user_field_value")))).check(Fields.requiredWith("user_field_value",
                    "user_field_ns", "userFieldValue needs userFieldNs, the field it is looked for in"))),
    createSubscriber(call(single(KonversationSubscriber.class, null), only(post("subscriber/create",
            value(PHONE, "phone"), value(EMAIL, "email")))).passBody().request(KonversationNewSubscriber.class)
            .check(Fields.phoneOrEmail())),
    createSubscribers(call(ok(), only(post("subscriber/create-many"))).passBody().listBody("users")
            .request(KonversationNewSubscribers.class).check(Fields.newSubscribers())),
    updateSubscriber(call(single(KonversationSubscriber.class, null), only(put("subscriber/update", Fields.userNs(),
            value(PHONE, "phone"), value(EMAIL, "email")))).passBody().request(KonversationSubscriberUpdate.class)),
    deleteSubscriber(call(ok(), only(delete("subscriber/delete", Fields.userNs())))),
    addTags(call(ok(), Fields.batch("POST", "subscriber/add-tag", "subscriber/add-tags", TAG_NS, TAG_NAMES, "tag_ns",
            "tag_name", "tag_name", false, "tags", Fields.userNs())).request(KonversationTagChange.class)),
    removeTags(call(ok(), Fields.batch("DELETE", "subscriber/remove-tag", "subscriber/remove-tags", TAG_NS,
            TAG_NAMES, "tag_ns", "tag_name", "tag_name", false, "tags", Fields.userNs()))
            .request(KonversationTagChange.class)),
    setUserFields(call(ok(), Fields.batch("PUT", "subscriber/set-user-field", "subscriber/set-user-fields",
            FIELD_VALUES, FIELD_VALUES, "var_ns", "field_name", "name", true, "fields", Fields.userNs()))
            .request(KonversationFieldValues.class)),
    clearUserFields(call(ok(), Fields.batch("DELETE", "subscriber/clear-user-field", "subscriber/clear-user-fields",
            VAR_NS, FIELD_NAMES, "var_ns", "field_name", "name", false, "fields", Fields.userNs()))
            .request(KonversationFieldValues.class)),

    // ---- sending
    sendSubFlow(call(ok(), either(
            post("subscriber/send-sub-flow", value(USER_NS, "user_ns"), value(SUB_FLOW_NS, "sub_flow_ns"))
                    .when(USER_NS, SUB_FLOW_NS),
            post("subscriber/send-sub-flow-by-flow-name", value(USER_NS, "user_ns"), value(FLOW_NAME, "flow_name"))
                    .when(USER_NS, FLOW_NAME),
            post("subscriber/send-sub-flow-by-user-id", value(USER_ID, "user_id"), value(SUB_FLOW_NS, "sub_flow_ns"))
                    .when(USER_ID, SUB_FLOW_NS))).request(KonversationSubFlowRequest.class)),
    sendText(call(ok(), only(post("subscriber/send-text", Fields.userNs(), value(CONTENT, "content").required())))
            .textBody(CONTENT).request(KonversationText.class)),
    sendContent(call(ok(), only(post("subscriber/send-content", Fields.userNs(),
            flag(SEND_AS_AGENT, "send_as_agent")))).passBody().textBody("data", Fields::textContent)
            .request(KonversationContent.class).check(required("data", "its messages as the body: a"
                    + " KonversationContent, its data as a Map or JSON, or a text to send"))),
    sendWhatsAppTemplate(call(ok(), either(
            post("subscriber/send-whatsapp-template", value(USER_NS, "user_ns"), Fields.template(TEMPLATE_NAMESPACE),
                    Fields.template(TEMPLATE_NAME), Fields.template(TEMPLATE_LANG), Fields.template(TEMPLATE_PARAMS))
                    .when(USER_NS),
            post("subscriber/send-whatsapp-template-by-user-id", value(USER_ID, "user_id"),
                    yesNo(CREATE_IF_NOT_FOUND, "create_if_not_found"), Fields.template(TEMPLATE_NAMESPACE),
                    Fields.template(TEMPLATE_NAME), Fields.template(TEMPLATE_LANG), Fields.template(TEMPLATE_PARAMS))
                    .when(USER_ID))).passBody().request(KonversationTemplate.class)
            .check(required("content.name", "templateName: the template's name"),
                    required("content.lang", "templateLang: the template's language code"))),
    broadcast(call(ok(), either(
            post("subscriber/broadcast", joined(USER_NS_LIST, "user_ns_list").atMost(200, "subscribers"),
                    value(SUB_FLOW_NS, "sub_flow_ns").required(), value(BROADCAST_TYPE, "type"),
                    unixSeconds(SCHEDULED_TIME, "scheduled_time"), Fields.maxPerMinute()).when(USER_NS_LIST),
            post("subscriber/broadcast-by-tag", array(TAG_NS, "tags").atMost(10, "tags"),
                    array(EXCLUDE_TAG_NS, "exclude_tags"), value(SUB_FLOW_NS, "sub_flow_ns").required(),
                    value(BROADCAST_NAME, "name"), unixSeconds(SCHEDULED_TIME, "scheduled_time"),
                    Fields.maxPerMinute(), value(BROADCAST_TYPE, "type"), value(MESSAGE_TAG, "message_tag"))
                    .when(TAG_NS))).passBody().request(KonversationBroadcast.class)
            .check(atMost("user_fields", 10, "field values"))),

    // ---- chat history
    chatMessages(call(page(KonversationChatMessage.class), either(
            Fields.chat(value(USER_NS, "user_ns")).when(USER_NS),
            Fields.chat(value(USER_ID, "user_id")).when(USER_ID)))
            .check(withinLastMonth("start_time", "end_time"), inOrder("start_time", "end_time"))),

    // ---- e-commerce: the subscriber's cart and orders
    cart(call(single(KonversationCart.class, null), only(get("subscriber/cart", Fields.userNs())))),
    addToCart(call(ok(), only(post("subscriber/add-to-cart", Fields.userNs(), Fields.variant(),
            value(QTY, "qty").between(1, Integer.MAX_VALUE)))).request(KonversationCartChange.class)),
    removeFromCart(call(ok(), only(delete("subscriber/remove-from-cart", Fields.userNs(), Fields.variant())))
            .request(KonversationCartChange.class)),
    emptyCart(call(ok(), only(delete("subscriber/empty-cart", Fields.userNs())))),
    cartPaid(call(ok(), only(post("subscriber/cart-paid", Fields.userNs(), value(SHIPPING_METHOD, "shipping_method"),
            value(PAYMENT_METHOD, "payment_method")))).passBody().request(KonversationCheckout.class)),
    updateOrderStatus(call(ok(), only(post("subscriber/update-order-status", Fields.userNs(),
            value(ORDER_ID, "order_id").required().between(1, Integer.MAX_VALUE),
            value(ORDER_STATUS, "status").required()))).request(KonversationOrderStatus.class)),

    // ---- e-commerce: the shop's catalogue and orders
    products(call(page(KonversationProduct.class), only(get("shop/products", Fields.limit(), Fields.page(100),
            Fields.search(), value(PRODUCT_TYPE_ID, "product_type_id"), value(VENDOR_ID, "vendor_id"))))),
    product(call(single(KonversationProduct.class, "id"), only(get("shop/products/{productId}/get-info",
            Fields.product())))),
    createProduct(call(single(KonversationProduct.class, null), only(post("shop/products/create"))).passBody()
            .request(KonversationProductDraft.class).check(required("name", "the product's name in the body"))),
    updateProduct(call(single(KonversationProduct.class, null), only(put("shop/products/{productId}/update",
            Fields.product()))).passBody().request(KonversationProductDraft.class)),
    deleteProduct(call(ok(), only(delete("shop/products/{productId}/delete", Fields.product())))),
    productVariants(call(page(KonversationVariant.class), only(get("shop/products/{productId}/variants",
            Fields.product(), Fields.limit(), Fields.page(100))))),
    orders(call(page(KonversationOrder.class), only(get("shop/orders", Fields.limit(), Fields.page(100),
            value(USER_NS, "user_ns"), value(ORDER_STATUS, "status"))))),
    order(call(single(KonversationOrder.class, "id"), only(get("shop/orders/{orderId}/get-info",
            path(ORDER_ID, "orderId").between(1, Integer.MAX_VALUE)))));

    /** How errors name the vendor. */
    public static final String VENDOR = "konversation";

    private final KonversationCall call;

    KonversationOperation(KonversationCall call) {
        this.call = call;
    }

    /** The operation as URIs and errors name it, e.g. {@code konversation:addTags}. */
    public String uri() {
        return VENDOR + ":" + name();
    }

    /** What the answer is read into. */
    public KonversationAnswer answer() {
        return call.answer;
    }

    /** The record a producer's body may be for this operation, or null when it takes no body. */
    public Class<?> requestType() {
        return call.requestType();
    }

    /** The values the operation takes. */
    public List<KonversationInput> inputs() {
        return List.copyOf(call.inputs().keySet());
    }

    /** The request for values given in Java, each as a header would give it. */
    public KonversationRequest request(Map<KonversationInput, ?> values) {
        Map<KonversationInput, Given> given = new EnumMap<>(KonversationInput.class);
        values.forEach((input, value) -> {
            Given converted = input.of(value, input.label());
            if (converted != null) {
                given.put(input, converted);
            }
        });
        return call.prepare(uri(), given, ChatbotJson.mapper().createObjectNode());
    }

    /** The request for an exchange: each value from its header, then the body, then the endpoint's options. */
    KonversationRequest request(ExchangeValues values, KonversationConfiguration configuration) {
        ObjectNode base = ChatbotJson.mapper().createObjectNode();
        JsonNode list = call.listBodyKey() != null ? Fields.listBody(values) : null;
        if (list != null) {
            base.set(call.listBodyKey(), list);
        } else if (call.passesBody()) {
            Object request = values.bodyAs(call.requestType());
            if (request != null) {
                base.setAll((ObjectNode) ChatbotJson.mapper().valueToTree(request));
            }
        }
        Map<KonversationInput, Given> given = new EnumMap<>(KonversationInput.class);
        call.inputs().forEach((input, field) -> {
            Given value = input.read(values, field, configuration);
            if (value != null) {
                given.put(input, value);
            }
        });
        String text = Fields.textBody(values);
        if (text != null && call.textInput() != null && !given.containsKey(call.textInput())) {
            given.put(call.textInput(), new Given(text, "the body"));
        }
        if (text != null && call.textKey() != null && !KonversationCall.has(base, call.textKey())) {
            base.set(call.textKey(), call.textShape().apply(text));
        }
        return call.prepare(uri(), given, base);
    }

    /** Checks the endpoint's options against this operation's limits, so that a wrong one stops the route at start. */
    void checkOptions(KonversationConfiguration configuration) {
        Map<KonversationInput, Given> given = new EnumMap<>(KonversationInput.class);
        for (KonversationInput input : KonversationInput.values()) {
            Given value = input.of(input.configured(configuration), "option " + input.option());
            if (value != null) {
                given.put(input, value);
            }
        }
        call.checkAhead(uri(), given);
    }
}
