package io.github.camelchatbots.component.konversation.model;

/**
 * What {@code subscribers} filters by; every field may be null. The yes/no filters are true, false or null (no
 * filter).
 *
 * @param search  a part of the subscriber's name
 * @param channel facebook, instagram, whatsapp_cloud, whatsapp, google, telegram, tiktok, line, viber, vk, wechat,
 *                web or apichat
 */
public record KonversationSubscriberFilter(String search, String phone, String email, String channel,
                                           Boolean optInEmail, Boolean optInSms, Boolean interactedInLast24h,
                                           Boolean botInteractedInLast24h, Boolean lastMessageInLast24h,
                                           String segmentNs, String tagNs, Integer labelId, String eventNs,
                                           String userFieldNs, String userFieldValue) {

    public static final KonversationSubscriberFilter NONE = new KonversationSubscriberFilter(null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);
}
