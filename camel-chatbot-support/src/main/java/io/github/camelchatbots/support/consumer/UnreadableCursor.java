package io.github.camelchatbots.support.consumer;

import java.util.Locale;

import io.github.camelchatbots.support.Texts;

/** What a consumer does with a stored cursor it cannot read ({@code unreadableCursor}). */
public enum UnreadableCursor {

    /** The route does not start; the cursor stays as it is, for someone to look at. */
    FAIL,
    /** Starts over from the beginning, keeping the old cursor aside. */
    BEGINNING,
    /** Starts over from now, keeping the old cursor aside. */
    NOW;

    public static UnreadableCursor parse(String value) {
        if (value == null || value.isBlank()) {
            return FAIL;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadableCursor must be fail, beginning or now, not "
                                               + Texts.quote(value), e);
        }
    }
}
