package io.github.camelchatbots.simulator.engati;

import io.github.camelchatbots.simulator.engati.EngatiSimulation.ConversationRequest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Glitches of the conversations API for the next requests, and a hook that lets a test change a conversation between
 * two pages of a client's scan: what a consumer's fault tests need. Arranged by tests on their thread, claimed by the
 * conversations route on the server's.
 */
final class ConversationFaults {

    /** How to answer one request: at most this many of the page's messages, in the order set or shuffled. */
    record Answer(int maxItems, boolean shuffled) {

        static final Answer NORMAL = new Answer(Integer.MAX_VALUE, false);
    }

    private final Deque<Integer> shortAnswers = new ArrayDeque<>();
    private int shuffledAnswers;
    private volatile Consumer<ConversationRequest> beforePage;

    synchronized void answerShort(int items, int times) {
        if (items < 0 || times < 1) {
            throw new IllegalArgumentException("items must not be negative and times at least 1, were " + items
                    + " and " + times);
        }
        for (int i = 0; i < times; i++) {
            shortAnswers.addLast(items);
        }
    }

    synchronized void answerShuffled(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        shuffledAnswers += times;
    }

    void beforePage(Consumer<ConversationRequest> hook) {
        beforePage = hook;
    }

    /** Runs the hook outside any lock, so that it may change the conversation, then claims what is pending. */
    Answer claim(ConversationRequest request) {
        Consumer<ConversationRequest> hook = beforePage;
        if (hook != null) {
            hook.accept(request);
        }
        synchronized (this) {
            Integer cut = shortAnswers.pollFirst();
            boolean shuffled = shuffledAnswers > 0;
            if (shuffled) {
                shuffledAnswers--;
            }
            return cut == null && !shuffled ? Answer.NORMAL
                    : new Answer(cut == null ? Integer.MAX_VALUE : cut, shuffled);
        }
    }

    synchronized int pending() {
        return shortAnswers.size() + shuffledAnswers;
    }

    synchronized void clear() {
        shortAnswers.clear();
        shuffledAnswers = 0;
        beforePage = null;
    }
}
