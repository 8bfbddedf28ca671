package io.github.camelchatbots.simulator.chatbotcom;

import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.ChatView;

import java.util.List;
import java.util.function.Supplier;

/**
 * Glitches of the chat archive list that tests arrange for its next requests, and a hook that lets them change the
 * archive between two pages of a client's scan. A scan follows an {@code after} cursor, so there is no page number
 * to tie a glitch to: it applies to the next requests, whichever page they ask for.
 */
final class ChatListFaults {

    private int shortItems;
    private int shortTimes;
    private int staleTimes;
    /** What the last list request was answered with, for a stale cache to answer again. */
    private List<ChatView> previous;
    private volatile Runnable beforeChatList;

    synchronized void answerShort(int items, int times) {
        if (items < 0 || times < 1) {
            throw new IllegalArgumentException("items must not be negative and times at least 1, were " + items
                    + " and " + times);
        }
        shortItems = items;
        shortTimes = times;
    }

    synchronized void answerWithPrevious(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        staleTimes = times;
    }

    void beforeChatList(Runnable hook) {
        beforeChatList = hook;
    }

    /**
     * Runs the hook, outside any lock so that it may change the archive, then answers with the {@code current}
     * page, or the previous answer while a stale cache is pending, cut short while a short answer is.
     */
    List<ChatView> answer(Supplier<List<ChatView>> current) {
        Runnable hook = beforeChatList;
        if (hook != null) {
            hook.run();
        }
        List<ChatView> stale = null;
        int maxItems = Integer.MAX_VALUE;
        synchronized (this) {
            if (staleTimes > 0 && previous != null) {
                staleTimes--;
                stale = previous;
            }
            if (shortTimes > 0) {
                shortTimes--;
                maxItems = shortItems;
            }
        }
        List<ChatView> page = stale != null ? stale : current.get();
        List<ChatView> answer = List.copyOf(page.subList(0, Math.min(page.size(), maxItems)));
        synchronized (this) {
            previous = answer;
        }
        return answer;
    }

    synchronized void clear() {
        shortTimes = 0;
        staleTimes = 0;
        previous = null;
        beforeChatList = null;
    }
}
