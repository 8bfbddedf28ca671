package io.github.camelchatbots.simulator.konversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A flow's subscribers, kept in the order {@code /subscribers} lists them: latest interaction first, those who never
 * interacted last (as MySQL sorts nulls in a descending order), newer subscribers first among equals. The order and
 * the lookups by user id, phone and e-mail are kept up to date as subscribers change, so no request sorts or scans
 * the store to find one. Not thread-safe: guarded by the {@link Bot}'s lock.
 */
final class SubscriberStore {

    private static final Comparator<Subscriber> LATEST_INTERACTION_FIRST = Comparator
            .comparing((Subscriber s) -> s.lastInteraction, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(s -> s.number)
            .reversed();

    private final Map<String, Subscriber> byNs = new HashMap<>();
    private final Map<String, Subscriber> byUserId = new HashMap<>();
    private final Map<String, Subscriber> byPhone = new HashMap<>();
    private final Map<String, Subscriber> byEmail = new HashMap<>();
    private final TreeSet<Subscriber> ordered = new TreeSet<>(LATEST_INTERACTION_FIRST);

    void add(Subscriber subscriber) {
        byNs.put(subscriber.userNs, subscriber);
        index(subscriber);
    }

    /** Every change to interaction times, user id, phone or e-mail goes through here, to keep the indexes right. */
    void update(Subscriber subscriber, Consumer<Subscriber> change) {
        unindex(subscriber);
        try {
            change.accept(subscriber);
        } finally {
            index(subscriber);
        }
    }

    void remove(Subscriber subscriber) {
        byNs.remove(subscriber.userNs);
        unindex(subscriber);
    }

    Optional<Subscriber> byNs(String userNs) {
        return Optional.ofNullable(byNs.get(userNs));
    }

    Optional<Subscriber> byUserId(String userId) {
        return Optional.ofNullable(byUserId.get(userId));
    }

    Optional<Subscriber> byPhone(String phone) {
        return Optional.ofNullable(byPhone.get(phoneKey(phone)));
    }

    Optional<Subscriber> byEmail(String email) {
        return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    /** Latest interaction first; live, so callers must not change interaction times while iterating. */
    Iterable<Subscriber> inOrder() {
        return ordered;
    }

    void clear() {
        byNs.clear();
        byUserId.clear();
        byPhone.clear();
        byEmail.clear();
        ordered.clear();
    }

    /** "+61 400 000 001" and "61400000001" are the same number. */
    static String phoneKey(String phone) {
        return phone.replaceAll("\\D", "");
    }

    private void index(Subscriber subscriber) {
        ordered.add(subscriber);
        if (subscriber.userId != null) {
            byUserId.put(subscriber.userId, subscriber);
        }
        if (subscriber.phone != null) {
            byPhone.put(phoneKey(subscriber.phone), subscriber);
        }
        if (subscriber.email != null) {
            byEmail.put(subscriber.email.toLowerCase(Locale.ROOT), subscriber);
        }
    }

    private void unindex(Subscriber subscriber) {
        ordered.remove(subscriber);
        if (subscriber.userId != null) {
            byUserId.remove(subscriber.userId, subscriber);
        }
        if (subscriber.phone != null) {
            byPhone.remove(phoneKey(subscriber.phone), subscriber);
        }
        if (subscriber.email != null) {
            byEmail.remove(subscriber.email.toLowerCase(Locale.ROOT), subscriber);
        }
    }
}
