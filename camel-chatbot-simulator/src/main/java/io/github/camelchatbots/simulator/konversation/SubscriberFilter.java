package io.github.camelchatbots.simulator.konversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The documented filters of {@code GET /subscribers}; {@code null} means "not filtered". Text filters match a part
 * of the value, ignoring case, like the SQL {@code LIKE} behind them; yes/no filters are {@code Boolean}s. Which time
 * each 24-hour filter looks at is our reading of the names: any message for "interacted", the bot's for "bot
 * interacted", the subscriber's own for "last message".
 */
record SubscriberFilter(String name, String phone, String email, String channel, Boolean optInEmail,
        Boolean optInSms, Boolean interactedInLast24h, Boolean botInteractedInLast24h, Boolean lastMessageInLast24h,
        Set<String> segmentMembers, String tagNs, Integer labelId, String eventNs, String userFieldNs,
        String userFieldValue) {

    private static final Duration DAY = Duration.ofHours(24);

    boolean matches(Subscriber s, Instant now) {
        return contains(s.displayName(), name)
                && contains(s.phone, phone)
                && contains(s.email, email)
                && (channel == null || channel.equals(s.channel))
                && is(optInEmail, s.optedInEmail != null)
                && is(optInSms, s.optedInSms != null)
                && is(interactedInLast24h, within24h(s.lastInteraction, now))
                && is(botInteractedInLast24h, within24h(s.lastBotInteraction, now))
                && is(lastMessageInLast24h, within24h(s.lastMessageAt, now))
                && (segmentMembers == null || segmentMembers.contains(s.userNs))
                && (tagNs == null || s.tagNs.contains(tagNs))
                && (labelId == null || s.labelIds.contains(labelId))
                && (eventNs == null || s.eventNs.contains(eventNs))
                && fieldMatches(s);
    }

    static boolean within24h(Instant at, Instant now) {
        return at != null && at.isAfter(now.minus(DAY));
    }

    /** With a field and no value: the field has a value; with both: it has exactly that value. */
    private boolean fieldMatches(Subscriber s) {
        if (userFieldNs == null) {
            return true;
        }
        String value = s.fieldValues.get(userFieldNs);
        return userFieldValue == null ? value != null && !value.isEmpty() : userFieldValue.equals(value);
    }

    private static boolean contains(String value, String part) {
        return part == null
                || value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static boolean is(Boolean wanted, boolean actual) {
        return wanted == null || wanted == actual;
    }
}
