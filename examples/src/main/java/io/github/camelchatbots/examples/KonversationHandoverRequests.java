package io.github.camelchatbots.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;

/**
 * Tells whether a chat's user asked for a human agent: one of the phrases, as whole words and in any case, in a
 * message the user wrote. The bot's and agents' own messages do not count: "let me connect you to a human" is the
 * bot offering, not the user asking.
 */
public final class KonversationHandoverRequests {

    private Pattern asked = compile("human,agent");

    /** The phrases, separated by commas, e.g. {@code human,agent,real person}. */
    public void setPhrases(String phrases) {
        this.asked = compile(phrases);
    }

    public boolean askedForAgent(ChatTranscript transcript) {
        for (ChatMessage message : transcript.messages()) {
            if (message.sender() == ChatParticipant.USER && message.text() != null
                && asked.matcher(message.text()).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String phrases) {
        List<String> words = Arrays.stream(phrases.split(",")).map(String::trim).filter(phrase -> !phrase.isEmpty())
                .map(phrase -> Pattern.quote(phrase.toLowerCase(Locale.ROOT))).toList();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("needsAgent.phrases names no phrase");
        }
        return Pattern.compile("\\b(" + words.stream().collect(Collectors.joining("|")) + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
