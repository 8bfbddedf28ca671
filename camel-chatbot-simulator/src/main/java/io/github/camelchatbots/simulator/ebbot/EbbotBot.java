package io.github.camelchatbots.simulator.ebbot;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** The simulated bot: keyword rules tried in order, and Ebbot's catch-all scenario when none matches. */
final class EbbotBot {

    static final Reply CATCH_ALL =
            new Reply("generalcatchall", List.of("Sorry, I did not quite get that. Could you rephrase?"));

    record Reply(String scenario, List<String> answers) {
    }

    private record Rule(String keyword, Reply reply) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    void script(String keyword, String scenario, List<String> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a scripted rule needs at least one answer");
        }
        rules.add(new Rule(keyword.toLowerCase(Locale.ROOT), new Reply(scenario, List.copyOf(answers))));
    }

    Reply reply(String userText) {
        String text = userText.toLowerCase(Locale.ROOT);
        return rules.stream()
                .filter(rule -> text.contains(rule.keyword()))
                .map(Rule::reply)
                .findFirst()
                .orElse(CATCH_ALL);
    }

    void clear() {
        rules.clear();
    }
}
