package io.github.camelchatbots.simulator.konversation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Glitches of the paginated lists that tests arrange by list and page number, and a hook that lets them change the
 * bot between two pages of a client's scan. Claimed by the list routes on the server thread, arranged by tests on
 * theirs.
 */
final class ListFaults {

    /** The lists that page, below {@code /api}. */
    private static final Pattern LISTS = Pattern.compile("/flow/(tags|user-fields|bot-fields|subflows)|/subscribers"
            + "|/subscriber/chat-messages|/shop/products|/shop/products/\\d+/variants|/shop/orders");

    /** How to answer one list request: with which page, and at most how many of its items. */
    record Answer(int page, int maxItems) {
    }

    private record Key(String list, int page) {
    }

    private record Pending(int value, int times) {
    }

    private final Map<Key, Pending> shortPages = new HashMap<>();
    private final Map<Key, Pending> substitutePages = new HashMap<>();
    private volatile BiConsumer<String, Integer> beforeListPage;

    synchronized void answerShort(String list, int page, int items, int times) {
        check(list, page, times);
        if (items < 0) {
            throw new IllegalArgumentException("items must not be negative, was " + items);
        }
        shortPages.put(new Key(list, page), new Pending(items, times));
    }

    synchronized void answerWith(String list, int page, int otherPage, int times) {
        check(list, page, times);
        if (otherPage < 1) {
            throw new IllegalArgumentException("otherPage must be at least 1, was " + otherPage);
        }
        substitutePages.put(new Key(list, page), new Pending(otherPage, times));
    }

    void beforeListPage(BiConsumer<String, Integer> hook) {
        beforeListPage = hook;
    }

    /**
     * Runs the hook, then claims what is pending for the page: both glitches may apply to one request, which then
     * gets the other page, cut short.
     */
    Answer claim(String list, int page) {
        BiConsumer<String, Integer> hook = beforeListPage;
        if (hook != null) {
            hook.accept(list, page);
        }
        synchronized (this) {
            Key key = new Key(list, page);
            Pending substitute = claim(substitutePages, key);
            Pending cut = claim(shortPages, key);
            return new Answer(substitute == null ? page : substitute.value(),
                    cut == null ? Integer.MAX_VALUE : cut.value());
        }
    }

    synchronized void clear() {
        shortPages.clear();
        substitutePages.clear();
        beforeListPage = null;
    }

    private static Pending claim(Map<Key, Pending> pending, Key key) {
        Pending claimed = pending.remove(key);
        if (claimed != null && claimed.times() > 1) {
            pending.put(key, new Pending(claimed.value(), claimed.times() - 1));
        }
        return claimed;
    }

    private static void check(String list, int page, int times) {
        if (list == null || !LISTS.matcher(list).matches()) {
            throw new IllegalArgumentException("no paginated list " + list + "; lists are /flow/tags, /flow/user-fields,"
                    + " /flow/bot-fields, /flow/subflows, /subscribers, /subscriber/chat-messages, /shop/products,"
                    + " /shop/products/{id}/variants and /shop/orders");
        }
        if (page < 1 || times < 1) {
            throw new IllegalArgumentException("page and times must be at least 1, were " + page + " and " + times);
        }
    }
}
