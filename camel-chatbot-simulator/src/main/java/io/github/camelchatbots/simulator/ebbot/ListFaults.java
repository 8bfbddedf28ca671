package io.github.camelchatbots.simulator.ebbot;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Glitches of the chat list that tests arrange by page number, and a hook that lets them change the store between
 * two pages of a client's scan. Claimed by the list route on the server thread, arranged by tests on theirs.
 */
final class ListFaults {

    /** How to answer one list request: with which page's chats, and at most how many of them. */
    record Answer(int page, int maxItems) {
    }

    private record Pending(int value, int times) {
    }

    private final Map<Integer, Pending> shortPages = new HashMap<>();
    private final Map<Integer, Pending> substitutePages = new HashMap<>();
    private volatile IntConsumer beforeListPage;

    synchronized void answerShort(int page, int items, int times) {
        check(page, times);
        if (items < 0) {
            throw new IllegalArgumentException("items must not be negative, was " + items);
        }
        shortPages.put(page, new Pending(items, times));
    }

    synchronized void answerWith(int page, int otherPage, int times) {
        check(page, times);
        if (otherPage < 1) {
            throw new IllegalArgumentException("otherPage must be at least 1, was " + otherPage);
        }
        substitutePages.put(page, new Pending(otherPage, times));
    }

    void beforeListPage(IntConsumer hook) {
        beforeListPage = hook;
    }

    /**
     * Runs the hook, outside any lock, so that it may change the store, then claims what is pending for the page:
     * both glitches may apply to one request, which then gets the other page's chats, cut short.
     */
    Answer claim(int page) {
        IntConsumer hook = beforeListPage;
        if (hook != null) {
            hook.accept(page);
        }
        synchronized (this) {
            Pending substitute = claim(substitutePages, page);
            Pending cut = claim(shortPages, page);
            return new Answer(substitute == null ? page : substitute.value(),
                    cut == null ? Integer.MAX_VALUE : cut.value());
        }
    }

    synchronized void clear() {
        shortPages.clear();
        substitutePages.clear();
        beforeListPage = null;
    }

    /** The glitch pending for the page, if any, with one of its times used up. */
    private static Pending claim(Map<Integer, Pending> pendingByPage, int page) {
        Pending pending = pendingByPage.remove(page);
        if (pending != null && pending.times() > 1) {
            pendingByPage.put(page, new Pending(pending.value(), pending.times() - 1));
        }
        return pending;
    }

    private static void check(int page, int times) {
        if (page < 1 || times < 1) {
            throw new IllegalArgumentException("page and times must be at least 1, were " + page + " and " + times);
        }
    }
}
