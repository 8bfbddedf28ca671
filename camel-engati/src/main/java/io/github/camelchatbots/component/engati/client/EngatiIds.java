package io.github.camelchatbots.component.engati.client;

import java.util.regex.Pattern;

import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.Texts;

/**
 * The identifiers Engati's paths and bodies take, checked before anything is sent: each error names the option or
 * header the value came from and quotes it.
 */
public final class EngatiIds {

    public static final String VENDOR = "Engati";

    private static final Pattern CUSTOMER_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern BOT_KEY = Pattern.compile("[0-9a-fA-F]{16}");
    private static final Pattern FLOW_KEY = Pattern.compile("[0-9a-fA-F]{32}");
    /** A country code and a number, grouped by spaces or dashes as people write them; E.164 has at most 15 digits. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 -]*[0-9]");

    private EngatiIds() {
    }

    /** @param source the option or header the value came from */
    public static String customerId(String source, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(VENDOR + ": " + source + " is required: the customer id of Integrations,"
                                               + " Engati API, such as 10294");
        }
        String trimmed = value.trim();
        if (!CUSTOMER_ID.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(VENDOR + ": " + source + " must be a positive whole number such as"
                                               + " 10294, not " + Texts.quote(value));
        }
        return trimmed;
    }

    public static String botKey(String source, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(VENDOR + ": " + source + " is required: the bot key of Integrations,"
                                               + " Engati API, 16 hexadecimal characters such as 1a1c9bfa5e0f41ed");
        }
        String trimmed = value.trim();
        if (!BOT_KEY.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(VENDOR + ": " + source + " must be 16 hexadecimal characters such as"
                                               + " 1a1c9bfa5e0f41ed, not " + Texts.quote(value));
        }
        return trimmed;
    }

    public static String flowKey(String source, String value) {
        String trimmed = value == null ? null : value.trim();
        if (trimmed == null || !FLOW_KEY.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(VENDOR + ": " + source + " must be 32 hexadecimal characters such as"
                                               + " 27055FA465AE4076BD2D41403A62B1B7 (the flow builder's path info), not "
                                               + Texts.quote(value));
        }
        return trimmed;
    }

    public static String channelUserId(String source, String value) {
        return Ids.check(VENDOR, source, value == null ? null : value.trim());
    }

    /** A phone number with country code, with or without +, as given (trimmed). */
    public static String phoneNumber(String source, String value) {
        String trimmed = value == null ? null : value.trim();
        long digits = trimmed == null ? 0 : trimmed.chars().filter(Character::isDigit).count();
        if (trimmed == null || !PHONE_NUMBER.matcher(trimmed).matches() || digits < 6 || digits > 15) {
            throw new IllegalArgumentException(VENDOR + ": " + source + " must be a phone number with country code"
                                               + " such as +919876543210, not " + Texts.quote(value));
        }
        return trimmed;
    }
}
