package io.github.camelchatbots.support.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link AccountRateLimiter} per vendor account in the JVM: a vendor counts requests per key, so every endpoint,
 * producer and consumer using the same key draws from the same budget, whichever route or CamelContext it belongs
 * to. Every limit declared for an account holds, so the strictest wins whichever endpoint starts first.
 */
public final class RateLimiters {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiters.class);
    private static final Map<String, Account> BY_ACCOUNT = new ConcurrentHashMap<>();

    private static final class Account {
        private final AccountRateLimiter limiter;
        private boolean ledgerTried;

        private Account(AccountRateLimiter limiter) {
            this.limiter = limiter;
        }
    }

    private RateLimiters() {
    }

    /** Where ledgers go when no directory is configured. */
    public static Path defaultStateDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "camel-chatbots", "rate-limits");
    }

    /**
     * The limiter of an account, holding the given limit from now on (0 permits: no limit of its own). An account
     * is the vendor's origin plus the credential's fingerprint.
     *
     * @param vendor         the vendor's name, for the log
     * @param stateDirectory where the account's ledger is kept (see {@link RateLimitLedger}); null for none
     */
    public static AccountRateLimiter forAccount(String vendor, String baseUrl, Authentication authentication,
                                                int permits, Duration window, Path stateDirectory) {
        String origin = origin(baseUrl);
        String key = origin + "#" + authentication.fingerprint();
        Account account = BY_ACCOUNT.computeIfAbsent(key,
                ignored -> new Account(new AccountRateLimiter(vendor + " account at " + origin)));
        synchronized (account) {
            if (permits > 0) {
                List<AccountRateLimiter.Limit> before = account.limiter.getLimits();
                AccountRateLimiter.Limit limit = new AccountRateLimiter.Limit(permits, window);
                if (account.limiter.require(limit) && !before.isEmpty()) {
                    LOG.info("{} account at {}: requests are now held to {} as well, the strictest limit declared"
                             + " for the account (it held {})", vendor, origin, account.limiter.getLimits(), before);
                }
            }
            if (!account.ledgerTried && stateDirectory != null && !account.limiter.getLimits().isEmpty()) {
                account.ledgerTried = true;
                Path file = stateDirectory.resolve(digest(key) + ".ledger");
                RateLimitLedger ledger = RateLimitLedger.open(file);
                if (ledger == null) {
                    LOG.warn("{} account at {}: another process uses the same account and its rate-limit ledger {};"
                             + " the two count their requests separately and together may exceed the vendor's limit."
                             + " Give them a shared rateLimiter to keep one count", vendor, origin, file);
                } else {
                    account.limiter.recordIn(ledger);
                }
            }
        }
        return account.limiter;
    }

    /** Scheme, host and port: a vendor counts per account, not per spelling of its address. */
    static String origin(String baseUrl) {
        URI uri = ChatbotApiClient.validateBaseUrl(baseUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** A file name for the account that reveals neither the credential nor its fingerprint. */
    private static String digest(String account) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
