package io.github.camelchatbots.simulator.engati;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The API keys and bots: which customer a key belongs to and which of that customer's bots it may use. */
final class Accounts {

    /** A UUID, a dash and 7 alphanumerics, like the keys Engati's portal issues. */
    private static final Pattern API_KEY =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[A-Za-z0-9]{7}");

    record ApiKey(String key, long customerId, Set<String> botKeys) {
    }

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, EngatiBot> bots = new ConcurrentHashMap<>();
    private final Clock clock;

    Accounts(Clock clock) {
        this.clock = clock;
    }

    /**
     * Binds a key to a customer and bots, creating the bots that do not exist yet; binding a key again replaces its
     * bots.
     */
    synchronized void addApiKey(String key, long customerId, List<String> botKeys) {
        if (key == null || !API_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("an Engati API key is a UUID, a dash and 7 alphanumerics, like "
                    + EngatiSimulation.DEFAULT_API_KEY + ", was " + key);
        }
        if (customerId < 1) {
            throw new IllegalArgumentException("a customer id is a positive integer, was " + customerId);
        }
        for (String botKey : botKeys) {
            if (botKey == null || !EngatiBot.BOT_KEY.matcher(botKey).matches()) {
                throw new IllegalArgumentException("a bot key is 16 lowercase hexadecimal characters, was " + botKey);
            }
            EngatiBot existing = bots.get(botKey);
            if (existing != null && existing.customerId() != customerId) {
                throw new IllegalArgumentException("bot " + botKey + " belongs to customer " + existing.customerId()
                        + ", not " + customerId);
            }
        }
        botKeys.forEach(botKey -> bots.computeIfAbsent(botKey, k -> new EngatiBot(k, customerId, clock)));
        keys.put(key, new ApiKey(key, customerId, Set.copyOf(botKeys)));
    }

    /** The key's binding, or {@code null} for a key never issued. */
    ApiKey apiKey(String key) {
        return keys.get(key);
    }

    /** The bot, or {@code null} when no key ever named it. */
    EngatiBot bot(String botKey) {
        return bots.get(botKey);
    }

    /**
     * Only the default key and bot, and the bot emptied. The default entries are put back before the others are
     * dropped, so that a request during the reset never finds them missing.
     */
    synchronized void reset(String defaultKey, long defaultCustomer, String defaultBot) {
        keys.put(defaultKey, new ApiKey(defaultKey, defaultCustomer, Set.of(defaultBot)));
        keys.keySet().retainAll(Set.of(defaultKey));
        bots.keySet().retainAll(Set.of(defaultBot));
        bots.get(defaultBot).clear();
    }
}
