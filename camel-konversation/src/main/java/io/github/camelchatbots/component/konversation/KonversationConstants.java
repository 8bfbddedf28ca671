package io.github.camelchatbots.component.konversation;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the konversation component. Each producer option has a header, named after it, that overrides
 * it per exchange; the producers set the headers that describe their answer.
 */
public final class KonversationConstants {

    @Metadata(label = "producer",
              description = "The subscriber's namespace (user_ns). Overrides the userNs option; set by subscriber, "
                          + "createSubscriber and updateSubscriber to the subscriber's.",
              javaType = "String")
    public static final String USER_NS = "CamelKonversationUserNs";

    @Metadata(label = "producer",
              description = "Overrides the userId option.",
              javaType = "String")
    public static final String USER_ID = "CamelKonversationUserId";

    @Metadata(label = "producer",
              description = "Overrides the tagNs option: text separated by commas, or a List.",
              javaType = "Object")
    public static final String TAG_NS = "CamelKonversationTagNs";

    @Metadata(label = "producer",
              description = "Overrides the tagName option.",
              javaType = "String")
    public static final String TAG_NAME = "CamelKonversationTagName";

    @Metadata(label = "producer",
              description = "Overrides the tagNames option: text separated by commas, or a List.",
              javaType = "Object")
    public static final String TAG_NAMES = "CamelKonversationTagNames";

    @Metadata(label = "producer",
              description = "Overrides the varNs option: text separated by commas, or a List.",
              javaType = "Object")
    public static final String VAR_NS = "CamelKonversationVarNs";

    @Metadata(label = "producer",
              description = "Overrides the fieldName option.",
              javaType = "String")
    public static final String FIELD_NAME = "CamelKonversationFieldName";

    @Metadata(label = "producer",
              description = "Overrides the fieldNames option: text separated by commas, or a List.",
              javaType = "Object")
    public static final String FIELD_NAMES = "CamelKonversationFieldNames";

    @Metadata(label = "producer",
              description = "Overrides the fieldValue option.",
              javaType = "String")
    public static final String FIELD_VALUE = "CamelKonversationFieldValue";

    @Metadata(label = "producer",
              description = "Overrides the varType option.",
              javaType = "String")
    public static final String VAR_TYPE = "CamelKonversationVarType";

    @Metadata(label = "producer",
              description = "Overrides the description option.",
              javaType = "String")
    public static final String DESCRIPTION = "CamelKonversationDescription";

    @Metadata(label = "producer",
              description = "Overrides the displayType option.",
              javaType = "String")
    public static final String DISPLAY_TYPE = "CamelKonversationDisplayType";

    @Metadata(label = "producer",
              description = "Overrides the subFlowNs option.",
              javaType = "String")
    public static final String SUB_FLOW_NS = "CamelKonversationSubFlowNs";

    @Metadata(label = "producer",
              description = "Overrides the flowName option.",
              javaType = "String")
    public static final String FLOW_NAME = "CamelKonversationFlowName";

    @Metadata(label = "producer",
              description = "Overrides the content option.",
              javaType = "String")
    public static final String CONTENT = "CamelKonversationContent";

    @Metadata(label = "producer",
              description = "Overrides the sendAsAgent option.",
              javaType = "Boolean")
    public static final String SEND_AS_AGENT = "CamelKonversationSendAsAgent";

    @Metadata(label = "producer",
              description = "Overrides the templateNamespace option.",
              javaType = "String")
    public static final String TEMPLATE_NAMESPACE = "CamelKonversationTemplateNamespace";

    @Metadata(label = "producer",
              description = "Overrides the templateName option.",
              javaType = "String")
    public static final String TEMPLATE_NAME = "CamelKonversationTemplateName";

    @Metadata(label = "producer",
              description = "Overrides the templateLang option.",
              javaType = "String")
    public static final String TEMPLATE_LANG = "CamelKonversationTemplateLang";

    @Metadata(label = "producer",
              description = "Overrides the createIfNotFound option.",
              javaType = "Boolean")
    public static final String CREATE_IF_NOT_FOUND = "CamelKonversationCreateIfNotFound";

    @Metadata(label = "producer",
              description = "Overrides the userNsList option: text separated by commas, or a List.",
              javaType = "Object")
    public static final String USER_NS_LIST = "CamelKonversationUserNsList";

    @Metadata(label = "producer",
              description = "Overrides the excludeTagNs option: text separated by commas, or a List.",
              javaType = "Object")
    public static final String EXCLUDE_TAG_NS = "CamelKonversationExcludeTagNs";

    @Metadata(label = "producer",
              description = "Overrides the broadcastType option.",
              javaType = "String")
    public static final String BROADCAST_TYPE = "CamelKonversationBroadcastType";

    @Metadata(label = "producer",
              description = "Overrides the broadcastName option.",
              javaType = "String")
    public static final String BROADCAST_NAME = "CamelKonversationBroadcastName";

    @Metadata(label = "producer",
              description = "Overrides the scheduledTime option: an Instant, unix seconds or ISO-8601 text.",
              javaType = "Object")
    public static final String SCHEDULED_TIME = "CamelKonversationScheduledTime";

    @Metadata(label = "producer",
              description = "Overrides the maxPerMinute option.",
              javaType = "Integer")
    public static final String MAX_PER_MINUTE = "CamelKonversationMaxPerMinute";

    @Metadata(label = "producer",
              description = "Overrides the messageTag option.",
              javaType = "String")
    public static final String MESSAGE_TAG = "CamelKonversationMessageTag";

    @Metadata(label = "producer",
              description = "Overrides the page option.",
              javaType = "Integer")
    public static final String PAGE = "CamelKonversationPage";

    @Metadata(label = "producer",
              description = "Overrides the limit option.",
              javaType = "Integer")
    public static final String LIMIT = "CamelKonversationLimit";

    @Metadata(label = "producer",
              description = "Overrides the search option.",
              javaType = "String")
    public static final String SEARCH = "CamelKonversationSearch";

    @Metadata(label = "producer",
              description = "Overrides the phone option.",
              javaType = "String")
    public static final String PHONE = "CamelKonversationPhone";

    @Metadata(label = "producer",
              description = "Overrides the email option.",
              javaType = "String")
    public static final String EMAIL = "CamelKonversationEmail";

    @Metadata(label = "producer",
              description = "Overrides the channel option.",
              javaType = "String")
    public static final String CHANNEL = "CamelKonversationChannel";

    @Metadata(label = "producer",
              description = "Overrides the optInEmail option.",
              javaType = "Boolean")
    public static final String OPT_IN_EMAIL = "CamelKonversationOptInEmail";

    @Metadata(label = "producer",
              description = "Overrides the optInSms option.",
              javaType = "Boolean")
    public static final String OPT_IN_SMS = "CamelKonversationOptInSms";

    @Metadata(label = "producer",
              description = "Overrides the interactedInLast24h option.",
              javaType = "Boolean")
    public static final String INTERACTED_IN_LAST24H = "CamelKonversationInteractedInLast24h";

    @Metadata(label = "producer",
              description = "Overrides the botInteractedInLast24h option.",
              javaType = "Boolean")
    public static final String BOT_INTERACTED_IN_LAST24H = "CamelKonversationBotInteractedInLast24h";

    @Metadata(label = "producer",
              description = "Overrides the lastMessageInLast24h option.",
              javaType = "Boolean")
    public static final String LAST_MESSAGE_IN_LAST24H = "CamelKonversationLastMessageInLast24h";

    @Metadata(label = "producer",
              description = "Overrides the segmentNs option.",
              javaType = "String")
    public static final String SEGMENT_NS = "CamelKonversationSegmentNs";

    @Metadata(label = "producer",
              description = "Overrides the labelId option.",
              javaType = "Integer")
    public static final String LABEL_ID = "CamelKonversationLabelId";

    @Metadata(label = "producer",
              description = "Overrides the eventNs option.",
              javaType = "String")
    public static final String EVENT_NS = "CamelKonversationEventNs";

    @Metadata(label = "producer",
              description = "Overrides the userFieldNs option.",
              javaType = "String")
    public static final String USER_FIELD_NS = "CamelKonversationUserFieldNs";

    @Metadata(label = "producer",
              description = "Overrides the userFieldValue option.",
              javaType = "String")
    public static final String USER_FIELD_VALUE = "CamelKonversationUserFieldValue";

    @Metadata(label = "producer",
              description = "Overrides the includeBot option.",
              javaType = "Boolean")
    public static final String INCLUDE_BOT = "CamelKonversationIncludeBot";

    @Metadata(label = "producer",
              description = "Overrides the includeNote option.",
              javaType = "Boolean")
    public static final String INCLUDE_NOTE = "CamelKonversationIncludeNote";

    @Metadata(label = "producer",
              description = "Overrides the includeSystem option.",
              javaType = "Boolean")
    public static final String INCLUDE_SYSTEM = "CamelKonversationIncludeSystem";

    @Metadata(label = "producer",
              description = "Overrides the msgType option.",
              javaType = "String")
    public static final String MSG_TYPE = "CamelKonversationMsgType";

    @Metadata(label = "producer",
              description = "Overrides the startTime option: an Instant, unix seconds or ISO-8601 text.",
              javaType = "Object")
    public static final String START_TIME = "CamelKonversationStartTime";

    @Metadata(label = "producer",
              description = "Overrides the endTime option: an Instant, unix seconds or ISO-8601 text.",
              javaType = "Object")
    public static final String END_TIME = "CamelKonversationEndTime";

    @Metadata(label = "producer",
              description = "Overrides the productId option; set by product, createProduct and updateProduct to"
                          + " the product's id.",
              javaType = "Integer")
    public static final String PRODUCT_ID = "CamelKonversationProductId";

    @Metadata(label = "producer",
              description = "Overrides the orderId option.",
              javaType = "Integer")
    public static final String ORDER_ID = "CamelKonversationOrderId";

    @Metadata(label = "producer",
              description = "Overrides the variantId option.",
              javaType = "Integer")
    public static final String VARIANT_ID = "CamelKonversationVariantId";

    @Metadata(label = "producer",
              description = "Overrides the qty option.",
              javaType = "Integer")
    public static final String QTY = "CamelKonversationQty";

    @Metadata(label = "producer",
              description = "Overrides the orderStatus option.",
              javaType = "String")
    public static final String ORDER_STATUS = "CamelKonversationOrderStatus";

    @Metadata(label = "producer",
              description = "Overrides the productTypeId option.",
              javaType = "Integer")
    public static final String PRODUCT_TYPE_ID = "CamelKonversationProductTypeId";

    @Metadata(label = "producer",
              description = "Overrides the vendorId option.",
              javaType = "Integer")
    public static final String VENDOR_ID = "CamelKonversationVendorId";

    @Metadata(label = "producer",
              description = "Overrides the shippingMethod option.",
              javaType = "String")
    public static final String SHIPPING_METHOD = "CamelKonversationShippingMethod";

    @Metadata(label = "producer",
              description = "Overrides the paymentMethod option.",
              javaType = "String")
    public static final String PAYMENT_METHOD = "CamelKonversationPaymentMethod";

    @Metadata(label = "producer",
              description = "A map of user or bot field names to values for setUserFields and setBotFields, instead"
                            + " of the body's data items.",
              javaType = "java.util.Map<String, Object>")
    public static final String FIELD_VALUES = "CamelKonversationFieldValues";

    @Metadata(label = "producer",
              description = "The parameters of the WhatsApp template sendWhatsAppTemplate sends, e.g. BODY_{{1}},"
                            + " HEADER_IMAGE or QUICK_REPLY_1, as a map of names to values.",
              javaType = "java.util.Map<String, String>")
    public static final String TEMPLATE_PARAMS = "CamelKonversationTemplateParams";

    @Metadata(label = "producer", description = "After a list read, how many items the whole list has (meta.total).",
              javaType = "Integer")
    public static final String TOTAL = "CamelKonversationTotal";

    @Metadata(label = "producer", description = "After a list read, the page it returned (meta.current_page).",
              javaType = "Integer")
    public static final String CURRENT_PAGE = "CamelKonversationCurrentPage";

    @Metadata(label = "producer", description = "After a list read, the number of the list's last page"
                                                + " (meta.last_page).",
              javaType = "Integer")
    public static final String LAST_PAGE = "CamelKonversationLastPage";

    @Metadata(label = "producer", description = "The requests per window konversation allows the API key, as its"
                                                + " last answer said (X-RateLimit-Limit).",
              javaType = "Integer")
    public static final String RATE_LIMIT_LIMIT = "CamelKonversationRateLimitLimit";

    @Metadata(label = "producer", description = "The requests the API key has left in konversation's current window,"
                                                + " as its last answer said (X-RateLimit-Remaining); at 0 the next"
                                                + " request is answered 429 and pauses the key.",
              javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelKonversationRateLimitRemaining";

    private KonversationConstants() {
    }
}
