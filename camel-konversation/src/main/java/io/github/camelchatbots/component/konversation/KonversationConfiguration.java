package io.github.camelchatbots.component.konversation;

import io.github.camelchatbots.support.ChatbotConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The konversation options, settable on the component (as defaults) and on each endpoint. Each producer option feeds
 * one request field of the operations that take it; the header named after it overrides it per exchange.
 */
@UriParams
public class KonversationConfiguration extends ChatbotConfiguration {

    @UriParam(label = "security", secret = true,
              description = "The API key (konversation: the menu at the top right of the dashboard, then API; created"
                            + " for one workspace and one chatbot, and shown only once), sent as Authorization:"
                            + " Bearer.")
    @Metadata(required = true)
    private String apiKey;

    @UriParam(description = "The workspace's konversation address followed by /api, e.g. https://<your konversation"
                            + " domain>/api: the address of the API documentation page the key was created on."
                            + " konversation documents no default host, so it must be set.")
    @Metadata(required = true)
    private String baseUrl;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Requests per rateLimitPeriod allowed for this API key, shared by every endpoint using the"
                            + " same key and base URL in this JVM. konversation throttles each key (HTTP 429 with"
                            + " Retry-After) without documenting its limit, so none is held here by default (0); a 429"
                            + " pauses every endpoint on the key for the time konversation asks, and the budget left"
                            + " comes back in header CamelKonversationRateLimitRemaining.")
    private int rateLimit;

    @UriParam(label = "producer",
              description = "The subscriber's namespace (user_ns, e.g. f131667u184732093) that subscriber, "
                          + "updateSubscriber, deleteSubscriber, addTags, removeTags, setUserFields, "
                          + "clearUserFields, sendSubFlow, sendText, sendContent, sendWhatsAppTemplate, "
                          + "chatMessages and the cart operations act on; orders lists only this subscriber's "
                          + "orders. Header CamelKonversationUserNs overrides it.")
    private String userNs;

    @UriParam(label = "producer",
              description = "The subscriber's id on their channel (user_id: a WhatsApp number's digits, a Facebook "
                          + "id, ...), for subscriber, sendSubFlow, sendWhatsAppTemplate and chatMessages when no "
                          + "userNs is given. Header CamelKonversationUserId overrides it.")
    private String userId;

    @UriParam(label = "producer",
              description = "Tag namespaces (tag_ns, e.g. f131667t5), separated by commas: the tags addTags and "
                          + "removeTags change (at most 20), the tags a broadcast goes to (at most 10), the tag "
                          + "deleteTag deletes; subscribers filters by one. Header CamelKonversationTagNs "
                          + "overrides it.")
    private String tagNs;

    @UriParam(label = "producer",
              description = "One tag's name: the tag createTag creates, or deleteTag deletes by name. Header "
                          + "CamelKonversationTagName overrides it.")
    private String tagName;

    @UriParam(label = "producer",
              description = "Tag names separated by commas, for addTags and removeTags by name (at most 20). A name "
                          + "that contains a comma goes in a List (header, or body field tag_names). Header "
                          + "CamelKonversationTagNames overrides it.")
    private String tagNames;

    @UriParam(label = "producer",
              description = "Field namespaces (var_ns, e.g. f131667v3) separated by commas: the user field "
                          + "updateUserField and deleteUserField act on, the bot field setBotField sets and "
                          + "deleteBotField deletes, the user fields clearUserFields clears (at most 20). Header "
                          + "CamelKonversationVarNs overrides it.")
    private String varNs;

    @UriParam(label = "producer",
              description = "A user or bot field's name: the field createUserField or createBotField creates, "
                          + "updateUserField's new name, and the field deleteUserField, deleteBotField or "
                          + "setBotField acts on by name. Header CamelKonversationFieldName overrides it.")
    private String fieldName;

    @UriParam(label = "producer",
              description = "User field names separated by commas, for clearUserFields by name (at most 20). Header "
                          + "CamelKonversationFieldNames overrides it.")
    private String fieldNames;

    @UriParam(label = "producer",
              description = "The value setBotField sets, and the value createUserField and createBotField start with "
                          + "(numbers, booleans and dates as text). Header CamelKonversationFieldValue overrides "
                          + "it.")
    private String fieldValue;

    @UriParam(label = "producer", enums = "text,number,boolean,date,datetime,array,longtext",
              description = "The type of the field createUserField or createBotField creates. Header "
                          + "CamelKonversationVarType overrides it.")
    private String varType;

    @UriParam(label = "producer",
              description = "The description of the field createUserField or createBotField creates. Header "
                          + "CamelKonversationDescription overrides it.")
    private String description;

    @UriParam(label = "producer", enums = "default,pin,hidden",
              description = "How the inbox shows the field updateUserField changes. Header "
                          + "CamelKonversationDisplayType overrides it.")
    private String displayType;

    @UriParam(label = "producer",
              description = "The sub flow (sub_flow_ns, e.g. f131667s2) that sendSubFlow or a broadcast sends, or "
                          + "deleteSubFlow deletes. Header CamelKonversationSubFlowNs overrides it.")
    private String subFlowNs;

    @UriParam(label = "producer",
              description = "The sub flow sendSubFlow sends, by its name instead of subFlowNs. Header "
                          + "CamelKonversationFlowName overrides it.")
    private String flowName;

    @UriParam(label = "producer",
              description = "The text sendText sends unless header CamelKonversationContent or the body's content "
                          + "field gives another. Without it, a text body is the text to send. Header "
                          + "CamelKonversationContent overrides it.")
    private String content;

    @UriParam(label = "producer",
              description = "Whether sendContent shows its messages as written by an agent (send_as_agent). Header "
                          + "CamelKonversationSendAsAgent overrides it.")
    private Boolean sendAsAgent;

    @UriParam(label = "producer",
              description = "The namespace of the WhatsApp template sendWhatsAppTemplate sends. Header "
                          + "CamelKonversationTemplateNamespace overrides it.")
    private String templateNamespace;

    @UriParam(label = "producer",
              description = "The name of the WhatsApp template sendWhatsAppTemplate sends. Header "
                          + "CamelKonversationTemplateName overrides it.")
    private String templateName;

    @UriParam(label = "producer",
              description = "The language code of the WhatsApp template sendWhatsAppTemplate sends, e.g. en_US. "
                          + "Header CamelKonversationTemplateLang overrides it.")
    private String templateLang;

    @UriParam(label = "producer",
              description = "Whether sendWhatsAppTemplate by userId creates the subscriber when none has that id "
                          + "(create_if_not_found). Header CamelKonversationCreateIfNotFound overrides it.")
    private Boolean createIfNotFound;

    @UriParam(label = "producer",
              description = "The subscribers a broadcast goes to: their namespaces separated by commas, at most 200. "
                          + "Header CamelKonversationUserNsList overrides it.")
    private String userNsList;

    @UriParam(label = "producer",
              description = "Tag namespaces separated by commas whose subscribers a broadcast by tag leaves out "
                          + "(exclude_tags). Header CamelKonversationExcludeTagNs overrides it.")
    private String excludeTagNs;

    @UriParam(label = "producer", enums = "EMAIL,SMS,WHATSAPP_TEMPLATE,FACEBOOK_NOTIFICATION",
              description = "The kind of message a broadcast sends (type). Header CamelKonversationBroadcastType "
                          + "overrides it.")
    private String broadcastType;

    @UriParam(label = "producer",
              description = "The name of a broadcast by tag. Header CamelKonversationBroadcastName overrides it.")
    private String broadcastName;

    @UriParam(label = "producer",
              description = "When a broadcast starts: an ISO-8601 instant such as 2024-08-01T09:00:00Z, or unix "
                          + "seconds; at once when unset. Header CamelKonversationScheduledTime overrides it.")
    private String scheduledTime;

    @UriParam(label = "producer",
              description = "How many recipients a broadcast reaches per minute; konversation's default is 60. "
                          + "Header CamelKonversationMaxPerMinute overrides it.")
    private Integer maxPerMinute;

    @UriParam(label = "producer",
              description = "The Facebook message tag of a broadcast by tag (message_tag). Header "
                          + "CamelKonversationMessageTag overrides it.")
    private String messageTag;

    @UriParam(label = "producer",
              description = "The page a list read returns, from 1: at most 100 for the flow and shop lists, 1000 for "
                          + "subscribers. Header CamelKonversationPage overrides it.")
    private Integer page;

    @UriParam(label = "producer",
              description = "Items per page of a list read, 1 to 100; konversation's own default when unset. Header "
                          + "CamelKonversationLimit overrides it.")
    private Integer limit;

    @UriParam(label = "producer",
              description = "The name search of tags, userFields, botFields, subFlows, subscribers and products (the "
                          + "API's name parameter). Header CamelKonversationSearch overrides it.")
    private String search;

    @UriParam(label = "producer",
              description = "subscribers: only the subscriber with this phone number; createSubscriber and "
                          + "updateSubscriber: the phone number. Header CamelKonversationPhone overrides it.")
    private String phone;

    @UriParam(label = "producer",
              description = "subscribers: only the subscriber with this e-mail address; createSubscriber and "
                          + "updateSubscriber: the address. Header CamelKonversationEmail overrides it.")
    private String email;

    @UriParam(label = "producer",
              enums = "facebook,instagram,whatsapp_cloud,whatsapp,google,telegram,tiktok,line,viber,vk,wechat,web,"
                      + "apichat",
              description = "subscribers: only those on this channel (is_channel). Header CamelKonversationChannel "
                          + "overrides it.")
    private String channel;

    @UriParam(label = "producer",
              description = "subscribers: only those who opted in to e-mail (true), or only those who did not "
                          + "(false). Header CamelKonversationOptInEmail overrides it.")
    private Boolean optInEmail;

    @UriParam(label = "producer",
              description = "subscribers: only those who opted in to SMS (true), or only those who did not (false). "
                          + "Header CamelKonversationOptInSms overrides it.")
    private Boolean optInSms;

    @UriParam(label = "producer",
              description = "subscribers: only those who interacted with the bot within the last 24 hours (true), or "
                          + "only those who did not (false). Header CamelKonversationInteractedInLast24h overrides "
                          + "it.")
    private Boolean interactedInLast24h;

    @UriParam(label = "producer",
              description = "subscribers: only those the bot wrote to within the last 24 hours (true), or only those "
                          + "it did not (false). Header CamelKonversationBotInteractedInLast24h overrides it.")
    private Boolean botInteractedInLast24h;

    @UriParam(label = "producer",
              description = "subscribers: only those whose last message came within the last 24 hours (true), or "
                          + "only those whose did not (false). Header CamelKonversationLastMessageInLast24h "
                          + "overrides it.")
    private Boolean lastMessageInLast24h;

    @UriParam(label = "producer",
              description = "subscribers: only those in this segment (segment_ns). Header CamelKonversationSegmentNs "
                          + "overrides it.")
    private String segmentNs;

    @UriParam(label = "producer",
              description = "subscribers: only those with this inbox label (label_id). Header "
                          + "CamelKonversationLabelId overrides it.")
    private Integer labelId;

    @UriParam(label = "producer",
              description = "subscribers: only those who triggered this custom event (event_ns). Header "
                          + "CamelKonversationEventNs overrides it.")
    private String eventNs;

    @UriParam(label = "producer",
              description = "subscribers: only those with a value in this user field (user_field_ns), or with "
                          + "userFieldValue in it. Header CamelKonversationUserFieldNs overrides it.")
    private String userFieldNs;

    @UriParam(label = "producer",
              description = "subscribers: only those whose userFieldNs field holds this value. Header "
                          + "CamelKonversationUserFieldValue overrides it.")
    private String userFieldValue;

    @UriParam(label = "producer",
              description = "chatMessages: the bot's messages too (include_bot); konversation leaves them out by "
                          + "default. Header CamelKonversationIncludeBot overrides it.")
    private Boolean includeBot;

    @UriParam(label = "producer",
              description = "chatMessages: the agents' notes too (include_note). Header CamelKonversationIncludeNote "
                          + "overrides it.")
    private Boolean includeNote;

    @UriParam(label = "producer",
              description = "chatMessages: system messages too (include_system). Header "
                          + "CamelKonversationIncludeSystem overrides it.")
    private Boolean includeSystem;

    @UriParam(label = "producer", enums = "image,audio,video,file",
              description = "chatMessages: only messages of this media type. Header CamelKonversationMsgType "
                          + "overrides it.")
    private String msgType;

    @UriParam(label = "producer",
              description = "chatMessages: only messages from this time on: an ISO-8601 instant or unix seconds, no "
                          + "earlier than one month ago. Header CamelKonversationStartTime overrides it.")
    private String startTime;

    @UriParam(label = "producer",
              description = "chatMessages: only messages up to this time: an ISO-8601 instant or unix seconds, no "
                          + "earlier than one month ago. Header CamelKonversationEndTime overrides it.")
    private String endTime;

    @UriParam(label = "producer",
              description = "The product that product, updateProduct, deleteProduct and productVariants act on. "
                          + "Header CamelKonversationProductId overrides it.")
    private Integer productId;

    @UriParam(label = "producer",
              description = "The order that order and updateOrderStatus act on. Header CamelKonversationOrderId "
                          + "overrides it.")
    private Integer orderId;

    @UriParam(label = "producer",
              description = "The product variant addToCart adds or removeFromCart removes (variant_id). Header "
                          + "CamelKonversationVariantId overrides it.")
    private Integer variantId;

    @UriParam(label = "producer",
              description = "How many of the variant addToCart adds. Header CamelKonversationQty overrides it.")
    private Integer qty;

    @UriParam(label = "producer", enums = "paid,ordered,processing,shipped,completed,cancelled,refunded",
              description = "updateOrderStatus: the order's new status; orders: only orders in this status. Header "
                          + "CamelKonversationOrderStatus overrides it.")
    private String orderStatus;

    @UriParam(label = "producer",
              description = "products: only products of this product type (product_type_id). Header "
                          + "CamelKonversationProductTypeId overrides it.")
    private Integer productTypeId;

    @UriParam(label = "producer",
              description = "products: only products of this vendor (vendor_id). Header CamelKonversationVendorId "
                          + "overrides it.")
    private Integer vendorId;

    @UriParam(label = "producer", enums = "pickup,delivery",
              description = "cartPaid: how the order is delivered (shipping_method). Header "
                          + "CamelKonversationShippingMethod overrides it.")
    private String shippingMethod;

    @UriParam(label = "producer",
              description = "cartPaid: how the order was paid (payment_method), e.g. cash or card. Header "
                          + "CamelKonversationPaymentMethod overrides it.")
    private String paymentMethod;

    @Override
    public KonversationConfiguration copy() {
        return (KonversationConfiguration) super.copy();
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public int getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public String getUserNs() {
        return userNs;
    }

    public void setUserNs(String userNs) {
        this.userNs = userNs;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getTagNs() {
        return tagNs;
    }

    public void setTagNs(String tagNs) {
        this.tagNs = tagNs;
    }

    public String getTagName() {
        return tagName;
    }

    public void setTagName(String tagName) {
        this.tagName = tagName;
    }

    public String getTagNames() {
        return tagNames;
    }

    public void setTagNames(String tagNames) {
        this.tagNames = tagNames;
    }

    public String getVarNs() {
        return varNs;
    }

    public void setVarNs(String varNs) {
        this.varNs = varNs;
    }

    public String getFieldName() {
        return fieldName;
    }

    public void setFieldName(String fieldName) {
        this.fieldName = fieldName;
    }

    public String getFieldNames() {
        return fieldNames;
    }

    public void setFieldNames(String fieldNames) {
        this.fieldNames = fieldNames;
    }

    public String getFieldValue() {
        return fieldValue;
    }

    public void setFieldValue(String fieldValue) {
        this.fieldValue = fieldValue;
    }

    public String getVarType() {
        return varType;
    }

    public void setVarType(String varType) {
        this.varType = varType;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getDisplayType() {
        return displayType;
    }

    public void setDisplayType(String displayType) {
        this.displayType = displayType;
    }

    public String getSubFlowNs() {
        return subFlowNs;
    }

    public void setSubFlowNs(String subFlowNs) {
        this.subFlowNs = subFlowNs;
    }

    public String getFlowName() {
        return flowName;
    }

    public void setFlowName(String flowName) {
        this.flowName = flowName;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public Boolean getSendAsAgent() {
        return sendAsAgent;
    }

    public void setSendAsAgent(Boolean sendAsAgent) {
        this.sendAsAgent = sendAsAgent;
    }

    public String getTemplateNamespace() {
        return templateNamespace;
    }

    public void setTemplateNamespace(String templateNamespace) {
        this.templateNamespace = templateNamespace;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getTemplateLang() {
        return templateLang;
    }

    public void setTemplateLang(String templateLang) {
        this.templateLang = templateLang;
    }

    public Boolean getCreateIfNotFound() {
        return createIfNotFound;
    }

    public void setCreateIfNotFound(Boolean createIfNotFound) {
        this.createIfNotFound = createIfNotFound;
    }

    public String getUserNsList() {
        return userNsList;
    }

    public void setUserNsList(String userNsList) {
        this.userNsList = userNsList;
    }

    public String getExcludeTagNs() {
        return excludeTagNs;
    }

    public void setExcludeTagNs(String excludeTagNs) {
        this.excludeTagNs = excludeTagNs;
    }

    public String getBroadcastType() {
        return broadcastType;
    }

    public void setBroadcastType(String broadcastType) {
        this.broadcastType = broadcastType;
    }

    public String getBroadcastName() {
        return broadcastName;
    }

    public void setBroadcastName(String broadcastName) {
        this.broadcastName = broadcastName;
    }

    public String getScheduledTime() {
        return scheduledTime;
    }

    public void setScheduledTime(String scheduledTime) {
        this.scheduledTime = scheduledTime;
    }

    public Integer getMaxPerMinute() {
        return maxPerMinute;
    }

    public void setMaxPerMinute(Integer maxPerMinute) {
        this.maxPerMinute = maxPerMinute;
    }

    public String getMessageTag() {
        return messageTag;
    }

    public void setMessageTag(String messageTag) {
        this.messageTag = messageTag;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public Boolean getOptInEmail() {
        return optInEmail;
    }

    public void setOptInEmail(Boolean optInEmail) {
        this.optInEmail = optInEmail;
    }

    public Boolean getOptInSms() {
        return optInSms;
    }

    public void setOptInSms(Boolean optInSms) {
        this.optInSms = optInSms;
    }

    public Boolean getInteractedInLast24h() {
        return interactedInLast24h;
    }

    public void setInteractedInLast24h(Boolean interactedInLast24h) {
        this.interactedInLast24h = interactedInLast24h;
    }

    public Boolean getBotInteractedInLast24h() {
        return botInteractedInLast24h;
    }

    public void setBotInteractedInLast24h(Boolean botInteractedInLast24h) {
        this.botInteractedInLast24h = botInteractedInLast24h;
    }

    public Boolean getLastMessageInLast24h() {
        return lastMessageInLast24h;
    }

    public void setLastMessageInLast24h(Boolean lastMessageInLast24h) {
        this.lastMessageInLast24h = lastMessageInLast24h;
    }

    public String getSegmentNs() {
        return segmentNs;
    }

    public void setSegmentNs(String segmentNs) {
        this.segmentNs = segmentNs;
    }

    public Integer getLabelId() {
        return labelId;
    }

    public void setLabelId(Integer labelId) {
        this.labelId = labelId;
    }

    public String getEventNs() {
        return eventNs;
    }

    public void setEventNs(String eventNs) {
        this.eventNs = eventNs;
    }

    public String getUserFieldNs() {
        return userFieldNs;
    }

    public void setUserFieldNs(String userFieldNs) {
        this.userFieldNs = userFieldNs;
    }

    public String getUserFieldValue() {
        return userFieldValue;
    }

    public void setUserFieldValue(String userFieldValue) {
        this.userFieldValue = userFieldValue;
    }

    public Boolean getIncludeBot() {
        return includeBot;
    }

    public void setIncludeBot(Boolean includeBot) {
        this.includeBot = includeBot;
    }

    public Boolean getIncludeNote() {
        return includeNote;
    }

    public void setIncludeNote(Boolean includeNote) {
        this.includeNote = includeNote;
    }

    public Boolean getIncludeSystem() {
        return includeSystem;
    }

    public void setIncludeSystem(Boolean includeSystem) {
        this.includeSystem = includeSystem;
    }

    public String getMsgType() {
        return msgType;
    }

    public void setMsgType(String msgType) {
        this.msgType = msgType;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public Integer getProductId() {
        return productId;
    }

    public void setProductId(Integer productId) {
        this.productId = productId;
    }

    public Integer getOrderId() {
        return orderId;
    }

    public void setOrderId(Integer orderId) {
        this.orderId = orderId;
    }

    public Integer getVariantId() {
        return variantId;
    }

    public void setVariantId(Integer variantId) {
        this.variantId = variantId;
    }

    public Integer getQty() {
        return qty;
    }

    public void setQty(Integer qty) {
        this.qty = qty;
    }

    public String getOrderStatus() {
        return orderStatus;
    }

    public void setOrderStatus(String orderStatus) {
        this.orderStatus = orderStatus;
    }

    public Integer getProductTypeId() {
        return productTypeId;
    }

    public void setProductTypeId(Integer productTypeId) {
        this.productTypeId = productTypeId;
    }

    public Integer getVendorId() {
        return vendorId;
    }

    public void setVendorId(Integer vendorId) {
        this.vendorId = vendorId;
    }

    public String getShippingMethod() {
        return shippingMethod;
    }

    public void setShippingMethod(String shippingMethod) {
        this.shippingMethod = shippingMethod;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }
}
