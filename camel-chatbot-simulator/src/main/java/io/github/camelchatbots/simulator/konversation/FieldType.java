package io.github.camelchatbots.simulator.konversation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The documented {@code var_type}s of user and bot fields, and what a value of each must look like. Values are
 * stored as the text the client sent; a blank value is accepted for every type, as an empty field.
 */
enum FieldType {
    TEXT, NUMBER, BOOLEAN, DATE, DATETIME, ARRAY, LONGTEXT;

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final String wireName = name().toLowerCase(Locale.ROOT);

    static List<String> wireNames() {
        return Arrays.stream(values()).map(type -> type.wireName).toList();
    }

    static FieldType of(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("var_type must be one of " + wireNames()));
    }

    /** Returns the value when it suits the type, else refuses it naming {@code field} and the field's name. */
    String check(String value, String field, String fieldName) {
        if (value.isBlank()) {
            return value;
        }
        boolean fits = switch (this) {
            case NUMBER -> isNumber(value);
            case BOOLEAN -> List.of("true", "false", "1", "0", "yes", "no").contains(value.toLowerCase(Locale.ROOT));
            case DATE -> parses(() -> LocalDate.parse(value));
            case DATETIME -> parses(() -> OffsetDateTime.parse(value)) || parses(() -> LocalDateTime.parse(value))
                    || parses(() -> LocalDateTime.parse(value, SPACED));
            case TEXT, ARRAY, LONGTEXT -> true;
        };
        if (!fits) {
            throw ApiError.badRequest("The " + field + " field must be a valid " + wireName + " for the " + wireName
                    + " field " + fieldName + ".");
        }
        return value;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
