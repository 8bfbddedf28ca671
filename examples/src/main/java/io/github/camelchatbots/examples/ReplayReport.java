package io.github.camelchatbots.examples;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What replaying archived Ebbot chats into ChatBot.com showed; written as replay-report.json.
 *
 * @param transcriptsReplayed     chats whose user messages were all sent
 * @param transcriptsFailed       chats that could not be read or whose conversation broke off, see
 *                                {@code failedTranscripts}
 * @param transcriptsNotAttempted chats left out because the replay stopped early
 * @param stoppedBecause          why the replay stopped before the end of the archive (e.g. a wrong access token),
 *                                null when it went through
 * @param userMessagesReplayed    user messages ChatBot.com answered
 * @param matched                 answers from an interaction other than the fallback ones
 * @param fellBack                answers from a fallback interaction: what the new bot would not have understood
 * @param matchRate               {@code matched / userMessagesReplayed}, 0 when nothing was replayed
 * @param interactions            answers per interaction name, most frequent first
 * @param fallbackQuestions       the questions that fell back, most frequent first: what the new bot still has to
 *                                learn
 * @param notReplayed             user messages ChatBot.com cannot take as they are, e.g. longer than 256 characters
 * @param failedTranscripts       why a chat could not be replayed
 */
public record ReplayReport(int transcriptsReplayed, int transcriptsFailed, int transcriptsNotAttempted,
                           String stoppedBecause, int userMessagesReplayed, int matched, int fellBack,
                           double matchRate, Map<String, Integer> interactions,
                           List<FallbackQuestion> fallbackQuestions, List<NotReplayed> notReplayed,
                           List<FailedTranscript> failedTranscripts) {

    /** How many questions of the summary a person reads; the report file has them all. */
    static final int SUMMARY_QUESTIONS = 10;

    /**
     * @param question the text as first asked; later ones differing only in case, spacing or punctuation at the end
     *                 count as the same question
     * @param chatIds  the Ebbot chats it was asked in, to look the conversation up
     */
    public record FallbackQuestion(String question, int times, List<String> chatIds) {
    }

    public record NotReplayed(String chatId, String text, String reason) {
    }

    /** @param file the transcript's file name: a file that cannot be read has no chat id */
    public record FailedTranscript(String file, String error) {
    }

    /** The report for the log, a few lines a person reads at a glance. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "ChatBot.com matched %d of %d user messages (%.1f %%) from %d Ebbot chats; %d fell back.",
                matched, userMessagesReplayed, matchRate * 100, transcriptsReplayed, fellBack));
        if (!interactions.isEmpty()) {
            text.append("\n  Answers by interaction: ").append(interactions.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (!fallbackQuestions.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%n  Most frequent of the %d different questions that fell back:",
                    fallbackQuestions.size()));
            fallbackQuestions.stream().limit(SUMMARY_QUESTIONS).forEach(question -> text.append(
                    String.format(Locale.ROOT, "%n    %3d  %s", question.times(), question.question())));
        }
        if (!notReplayed.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%n  Not replayed: %d user messages ChatBot.com cannot take"
                                                   + " (see notReplayed)", notReplayed.size()));
        }
        if (stoppedBecause != null) {
            text.append(String.format(Locale.ROOT, "%n  STOPPED EARLY, %d chats not attempted: %s",
                    transcriptsNotAttempted, stoppedBecause));
        }
        // the failure that stopped the replay is already told above
        if (failedTranscripts.size() > (stoppedBecause == null ? 0 : 1)) {
            text.append(String.format(Locale.ROOT, "%n  FAILED: %d chats could not be replayed, first: %s: %s",
                    transcriptsFailed, failedTranscripts.get(0).file(), failedTranscripts.get(0).error()));
        }
        return text.toString();
    }
}
