package io.github.camelchatbots.component.engati;

import org.apache.camel.spi.Metadata;

/** Message headers of the Engati component: read by its producers to override options, set to describe answers. */
public final class EngatiConstants {

    @Metadata(description = "The user's id on the channel (for WhatsApp the phone number's digits, country code"
                            + " first). Overrides the channelUserId option of conversations.",
              javaType = "String")
    public static final String CHANNEL_USER_ID = "CamelEngatiChannelUserId";

    @Metadata(description = "A message's id. Set by sendTemplate to the id WhatsApp gave the template message"
                            + " (wamid....).",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelEngatiMessageId";

    @Metadata(description = "Overrides the attributeName option of users.", javaType = "String")
    public static final String ATTRIBUTE_NAME = "CamelEngatiAttributeName";

    @Metadata(description = "Overrides the attributeValue option of users.", javaType = "String")
    public static final String ATTRIBUTE_VALUE = "CamelEngatiAttributeValue";

    @Metadata(label = "producer",
              description = "Overrides the startDate option of conversations: an Instant, a Date, epoch milliseconds"
                            + " or ISO-8601 text.",
              javaType = "Object")
    public static final String START_DATE = "CamelEngatiStartDate";

    @Metadata(label = "producer",
              description = "Overrides the endDate option of conversations: an Instant, a Date, epoch milliseconds or"
                            + " ISO-8601 text.",
              javaType = "Object")
    public static final String END_DATE = "CamelEngatiEndDate";

    @Metadata(label = "producer", description = "Overrides the pageNumber option of conversations.",
              javaType = "Integer")
    public static final String PAGE_NUMBER = "CamelEngatiPageNumber";

    @Metadata(label = "producer", description = "Overrides the pageSize option of conversations.", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelEngatiPageSize";

    @Metadata(label = "producer", description = "Overrides the flowKey option of triggerFlow.", javaType = "String")
    public static final String FLOW_KEY = "CamelEngatiFlowKey";

    @Metadata(label = "producer",
              description = "The recipient's phone number: overrides the phoneNumber option and the body's phoneNumber"
                            + " of sendTemplate, and the body's user.phone_no of triggerFlow.",
              javaType = "String")
    public static final String PHONE_NUMBER = "CamelEngatiPhoneNumber";

    @Metadata(label = "producer",
              description = "The whole WhatsApp template payload of sendTemplate or broadcast (name, language,"
                            + " namespace, components): an EngatiTemplate, a Map or JSON text.",
              javaType = "Object")
    public static final String TEMPLATE = "CamelEngatiTemplate";

    @Metadata(label = "producer", description = "Overrides the template payload's name and the templateName option.",
              javaType = "String")
    public static final String TEMPLATE_NAME = "CamelEngatiTemplateName";

    @Metadata(label = "producer",
              description = "Overrides the template payload's language code and the templateLanguage option.",
              javaType = "String")
    public static final String TEMPLATE_LANGUAGE = "CamelEngatiTemplateLanguage";

    @Metadata(label = "producer",
              description = "Overrides the template payload's namespace and the templateNamespace option.",
              javaType = "String")
    public static final String TEMPLATE_NAMESPACE = "CamelEngatiTemplateNamespace";

    @Metadata(label = "producer", description = "Overrides the broadcastId option of broadcast.", javaType = "String")
    public static final String BROADCAST_ID = "CamelEngatiBroadcastId";

    private EngatiConstants() {
    }
}
