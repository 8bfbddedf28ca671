package io.github.camelchatbots.support.component;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import io.github.camelchatbots.support.Texts;

/**
 * Strict reading of option values given as text. Camel reads a whole-number option through its time-pattern parser,
 * which turns anything it does not understand ({@code 1.5}, {@code twenty}, {@code forever}) into 0; for a rate limit
 * or a quiet period, 0 means "off". Here a value that does not parse is an error that names the option and quotes
 * the value, before Camel converts it.
 */
public final class OptionValues {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    /** Camel's own time pattern, e.g. {@code 90s}, {@code 1h30m}, {@code 250ms}; units in lower case, as it reads them. */
    private static final Pattern TIME_PATTERN = Pattern.compile("(?=\\d)(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?");

    private OptionValues() {
    }

    /**
     * Checks a value given as text for an option of the catalog type, and returns it in the form the component
     * expects (an enum value in its declared spelling).
     *
     * @param  owner                    who is configured, for the message, e.g. {@code ChatBot.com}
     * @throws IllegalArgumentException naming the option and quoting the value, when it does not parse
     */
    public static String check(String owner, ComponentModel.Option option, String text) {
        String value = text.trim();
        switch (option.type()) {
            case "integer" -> {
                boolean isLong = option.javaType().equals("long") || option.javaType().equals("java.lang.Long");
                if (WHOLE_NUMBER.matcher(value).matches()) {
                    requireInRange(owner, option, value, isLong);
                } else if (!(isLong && TIME_PATTERN.matcher(value).matches())) {
                    throw invalid(owner, option, text, "a whole number");
                }
            }
            case "number" -> {
                try {
                    if (!Double.isFinite(Double.parseDouble(value)) || value.endsWith("d") || value.endsWith("f")
                        || value.endsWith("D") || value.endsWith("F")) {
                        throw new NumberFormatException(value);
                    }
                } catch (NumberFormatException e) {
                    throw invalid(owner, option, text, "a number such as 0.5");
                }
            }
            case "duration" -> {
                if (!isDuration(value)) {
                    throw invalid(owner, option, text,
                            "a duration: milliseconds such as 30000, or 30s, 5m, 1h30m, 250ms, or ISO-8601 such as PT5M");
                }
            }
            case "boolean" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw invalid(owner, option, text, "true or false");
                }
                return value.toLowerCase(java.util.Locale.ROOT);
            }
            default -> {
                if (!option.enums().isEmpty()) {
                    for (String allowed : option.enums()) {
                        if (allowed.equalsIgnoreCase(value)) {
                            return allowed;
                        }
                    }
                    throw invalid(owner, option, text, "one of " + String.join(", ", option.enums()));
                }
                return text;
            }
        }
        return value;
    }

    /** Whether text is a duration Camel reads as such: digits (milliseconds), its time pattern, or ISO-8601. */
    public static boolean isDuration(String text) {
        String value = text.trim();
        if (WHOLE_NUMBER.matcher(value).matches() || TIME_PATTERN.matcher(value).matches()) {
            return true;
        }
        if (value.startsWith("P") || value.startsWith("p") || value.startsWith("-P")) {
            try {
                Duration.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static void requireInRange(String owner, ComponentModel.Option option, String value, boolean isLong) {
        try {
            if (isLong) {
                Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
            } else {
                Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
            }
        } catch (NumberFormatException e) {
            throw invalid(owner, option, value, "a whole number no larger than " + (isLong ? Long.MAX_VALUE
                    : Integer.MAX_VALUE));
        }
    }

    private static IllegalArgumentException invalid(String owner, ComponentModel.Option option, String value,
                                                    String expected) {
        return new IllegalArgumentException(owner + ": option " + option.name() + " must be " + expected + ", not "
                                            + Texts.quote(value));
    }
}
