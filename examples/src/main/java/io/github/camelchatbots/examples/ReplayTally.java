package io.github.camelchatbots.examples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelchatbots.examples.ReplayReport.FailedTranscript;
import io.github.camelchatbots.examples.ReplayReport.FallbackQuestion;
import io.github.camelchatbots.examples.ReplayReport.NotReplayed;
import io.github.camelchatbots.support.error.ChatbotException;

/**
 * Counts what the ebbot-to-chatbotcom-replay route sees, one call per answer, and turns it into a
 * {@link ReplayReport} at the end. The route decides what counts as a fallback; this only adds up.
 * <p>
 * One instance lives for the whole run (the route's {@code beans} section). Its methods are synchronized so that the
 * counts stay right should the route ever replay chats in parallel.
 */
public class ReplayTally {

    /** Shown where ChatBot.com's answer named no interaction. */
    static final String NO_INTERACTION = "(none)";

    /** One chat's share of the tally, for the route's log line. */
    public record TranscriptOutcome(String chatId, int replayed, int matched, int fellBack, int notReplayed) {

        TranscriptOutcome plus(int replayedMore, int matchedMore, int fellBackMore, int notReplayedMore) {
            return new TranscriptOutcome(chatId, replayed + replayedMore, matched + matchedMore,
                    fellBack + fellBackMore, notReplayed + notReplayedMore);
        }
    }

    private static final class FallbackTally {
        final String question;
        final List<String> chatIds = new ArrayList<>();

        FallbackTally(String question) {
            this.question = question;
        }
    }

    private int transcriptsReplayed;
    private int transcriptsNotAttempted;
    private String stoppedBecause;
    private int userMessagesReplayed;
    private int matched;
    private int fellBack;
    private final Map<String, Integer> interactions = new HashMap<>();
    /** By normalized question, in the order first asked. */
    private final Map<String, FallbackTally> fallbackQuestions = new LinkedHashMap<>();
    private final List<NotReplayed> notReplayed = new ArrayList<>();
    private final List<FailedTranscript> failedTranscripts = new ArrayList<>();
    private final Map<String, TranscriptOutcome> openTranscripts = new HashMap<>();

    public synchronized void answered(String chatId, String question, String interaction, boolean fallback) {
        userMessagesReplayed++;
        interactions.merge(interaction == null ? NO_INTERACTION : interaction, 1, Integer::sum);
        if (fallback) {
            fellBack++;
            fallbackQuestions.computeIfAbsent(normalized(question), key -> new FallbackTally(question))
                    .chatIds.add(chatId);
        } else {
            matched++;
        }
        outcome(chatId, 1, fallback ? 0 : 1, fallback ? 1 : 0, 0);
    }

    public synchronized void notReplayed(String chatId, String text, String reason) {
        notReplayed.add(new NotReplayed(chatId, text, reason));
        outcome(chatId, 0, 0, 0, 1);
    }

    /** Closes a chat whose user messages have all been dealt with; returns its share for the log. */
    public synchronized TranscriptOutcome transcriptReplayed(String chatId) {
        transcriptsReplayed++;
        TranscriptOutcome outcome = openTranscripts.remove(chatId);
        return outcome == null ? new TranscriptOutcome(chatId, 0, 0, 0, 0) : outcome;
    }

    /**
     * A chat that could not be read or broke off. The answers it got before stay counted: ChatBot.com did give
     * them.
     */
    public synchronized FailedTranscript transcriptFailed(String file, Exception failure) {
        FailedTranscript failed = new FailedTranscript(file, reason(failure));
        failedTranscripts.add(failed);
        return failed;
    }

    /** The failure every further chat would run into as well: this one is counted failed, the rest not attempted. */
    public synchronized FailedTranscript stopReplay(String file, Exception failure) {
        FailedTranscript failed = transcriptFailed(file, failure);
        stoppedBecause = failed.error();
        return failed;
    }

    public synchronized boolean stopped() {
        return stoppedBecause != null;
    }

    public synchronized void notAttempted() {
        transcriptsNotAttempted++;
    }

    public synchronized ReplayReport report() {
        Map<String, Integer> byInteraction = new LinkedHashMap<>();
        interactions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> byInteraction.put(entry.getKey(), entry.getValue()));
        // a stable sort keeps equally frequent questions in the order they were first asked
        List<FallbackQuestion> questions = fallbackQuestions.values().stream()
                .map(tally -> new FallbackQuestion(tally.question, tally.chatIds.size(), List.copyOf(tally.chatIds)))
                .sorted(Comparator.comparingInt(FallbackQuestion::times).reversed())
                .toList();
        double matchRate = userMessagesReplayed == 0 ? 0
                : Math.round(10_000.0 * matched / userMessagesReplayed) / 10_000.0;
        return new ReplayReport(transcriptsReplayed, failedTranscripts.size(), transcriptsNotAttempted, stoppedBecause,
                userMessagesReplayed, matched, fellBack, matchRate, byInteraction, questions,
                List.copyOf(notReplayed), List.copyOf(failedTranscripts));
    }

    private void outcome(String chatId, int replayed, int matchedNow, int fellBackNow, int notReplayedNow) {
        TranscriptOutcome open = openTranscripts.getOrDefault(chatId, new TranscriptOutcome(chatId, 0, 0, 0, 0));
        openTranscripts.put(chatId, open.plus(replayed, matchedNow, fellBackNow, notReplayedNow));
    }

    /**
     * The component's exception says what went wrong in ChatBot.com's terms (call, HTTP status, ChatBot.com's
     * message) and never carries the access token; Camel's split only wraps it. Anything else, e.g. a file that is
     * not JSON, is best told by its innermost cause.
     */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (true) {
            if (cause instanceof ChatbotException) {
                break;
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** "Where is my order?", "where is my order" and "Where is my  order ?!" are one question to teach the bot. */
    static String normalized(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s?!.]+$", "");
    }
}
