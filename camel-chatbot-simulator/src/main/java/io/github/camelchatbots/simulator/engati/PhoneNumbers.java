package io.github.camelchatbots.simulator.engati;

import java.util.regex.Pattern;

/**
 * Phone numbers as Engati's clients send them: with or without the leading {@code +}, sometimes grouped by spaces or
 * dashes. WhatsApp's channel user id is the bare digits, country code first.
 */
final class PhoneNumbers {

    /** E.164 allows at most 15 digits; fewer than 6 cannot hold a country code and a subscriber number. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,20}[0-9]");

    private PhoneNumbers() {
    }

    /** The digits, or {@code null} when {@code raw} is not a phone number. */
    static String digits(String raw) {
        if (raw == null || !PHONE.matcher(raw.trim()).matches()) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9]", "");
        return digits.length() >= 6 && digits.length() <= 15 ? digits : null;
    }
}
