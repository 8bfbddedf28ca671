package io.github.camelchatbots.simulator.chatbotcom;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * One condition of the list users filter, over a user's attributes. Text comparisons ignore case, as people searching
 * for an e-mail address expect; an unset attribute only satisfies the negative operators and {@code isNotSet}.
 */
record UserFilter(String attribute, Operator operator, String value) {

    enum Operator {
        IS("is", String::equals),
        IS_NOT("isNot", (actual, expected) -> !actual.equals(expected)),
        CONTAINS("contains", String::contains),
        NOT_CONTAINS("notContains", (actual, expected) -> !actual.contains(expected)),
        STARTS_WITH("startsWith", String::startsWith),
        ENDS_WITH("endsWith", String::endsWith),
        IS_SET("isSet", (actual, expected) -> true),
        IS_NOT_SET("isNotSet", (actual, expected) -> false);

        final String wireName;
        private final BiPredicate<String, String> test;

        Operator(String wireName, BiPredicate<String, String> test) {
            this.wireName = wireName;
            this.test = test;
        }

        boolean needsValue() {
            return this != IS_SET && this != IS_NOT_SET;
        }

        static Optional<Operator> of(String wireName) {
            return Arrays.stream(values()).filter(op -> op.wireName.equals(wireName)).findFirst();
        }

        static String wireNames() {
            return String.join(", ", Arrays.stream(values()).map(op -> op.wireName).toList());
        }
    }

    boolean matches(User user) {
        String actual = user.attribute(attribute);
        if (actual == null) {
            return operator == Operator.IS_NOT || operator == Operator.NOT_CONTAINS
                    || operator == Operator.IS_NOT_SET;
        }
        String expected = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return operator.test.test(actual.toLowerCase(Locale.ROOT), expected);
    }
}
