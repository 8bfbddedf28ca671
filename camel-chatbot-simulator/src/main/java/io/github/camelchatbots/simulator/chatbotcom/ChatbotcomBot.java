package io.github.camelchatbots.simulator.chatbotcom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the simulated bot picks an interaction. Far simpler than ChatBot.com's language model, but predictable: an
 * example phrase said exactly scores 1, otherwise the share of words the phrase and the message have in common.
 */
final class ChatbotcomBot {

    /** The chosen interaction, its score, and how it was found, for the query's {@code debug} output. */
    record Match(Interaction interaction, double score, List<String> trace) {
    }

    private ChatbotcomBot() {
    }

    static Match byTrigger(List<Interaction> story, String trigger) {
        return story.stream()
                .filter(interaction -> interaction.triggers().contains(trigger))
                .findFirst()
                .map(interaction -> new Match(interaction, 1, List.of("trigger '" + trigger + "' starts '"
                        + interaction.name() + "'")))
                .orElseGet(() -> fallback(story, List.of("no interaction has the trigger '" + trigger + "'")));
    }

    /**
     * The best-scoring interaction whose required context is active, if it reaches {@code confidence}. On a tie the
     * interaction that needs a context wins, being the more specific answer, then the one added first.
     */
    static Match byText(List<Interaction> story, Set<String> activeContexts, String text, double confidence) {
        List<String> trace = new ArrayList<>();
        trace.add("active contexts: " + activeContexts);
        Interaction best = null;
        double bestScore = 0;
        for (Interaction interaction : story) {
            if (interaction.fallback() || interaction.userSays().isEmpty()) {
                continue;
            }
            if (interaction.requiredContext() != null && !activeContexts.contains(interaction.requiredContext())) {
                trace.add("'" + interaction.name() + "' skipped: needs context '" + interaction.requiredContext()
                        + "'");
                continue;
            }
            double score = interaction.userSays().stream().mapToDouble(phrase -> score(phrase, text)).max().orElse(0);
            trace.add("'" + interaction.name() + "' scores " + score);
            boolean better = best == null || score > bestScore
                    || score == bestScore && best.requiredContext() == null && interaction.requiredContext() != null;
            if (better) {
                best = interaction;
                bestScore = score;
            }
        }
        if (best == null || bestScore < confidence) {
            trace.add("nothing reaches the confidence " + confidence);
            return fallback(story, trace);
        }
        trace.add("'" + best.name() + "' matches");
        return new Match(best, bestScore, trace);
    }

    static double score(String phrase, String text) {
        List<String> phraseWords = words(phrase);
        List<String> textWords = words(text);
        if (phraseWords.isEmpty() || textWords.isEmpty()) {
            return 0;
        }
        if (phraseWords.equals(textWords)) {
            return 1;
        }
        Set<String> common = new HashSet<>(phraseWords);
        common.retainAll(textWords);
        Set<String> all = new HashSet<>(phraseWords);
        all.addAll(textWords);
        return (double) common.size() / all.size();
    }

    private static Match fallback(List<Interaction> story, List<String> trace) {
        Interaction fallback = story.stream().filter(Interaction::fallback).findFirst().orElseThrow();
        return new Match(fallback, 0, trace);
    }

    /** Lower-case words; punctuation does not count, so "Hello!" is said exactly like "hello". */
    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
