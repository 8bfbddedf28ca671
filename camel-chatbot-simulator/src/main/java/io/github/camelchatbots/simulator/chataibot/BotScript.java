package io.github.camelchatbots.simulator.chataibot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One deployed bot's flow, reduced to what tests need: keyword rules tried in the order they were added, and a
 * fallback when none matches. A keyword matches as a whole word or phrase, case-insensitively, so that "hi" does not
 * answer "this".
 */
final class BotScript {

    private record Rule(String keyword, Pattern pattern, List<String> answers) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private List<String> fallback;

    BotScript(List<String> fallback) {
        this.fallback = List.copyOf(fallback);
    }

    void add(String keyword, List<String> answers) {
        if (keyword.isBlank()) {
            throw new IllegalArgumentException("a keyword must not be blank");
        }
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a scripted answer needs at least one message");
        }
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}])");
        rules.add(new Rule(keyword, pattern, List.copyOf(answers)));
    }

    void fallback(List<String> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("the fallback needs at least one message");
        }
        fallback = List.copyOf(answers);
    }

    List<String> answer(String visitorText) {
        String text = visitorText.toLowerCase(Locale.ROOT);
        return rules.stream()
                .filter(rule -> rule.pattern().matcher(text).find())
                .map(Rule::answers)
                .findFirst()
                .orElse(fallback);
    }
}
