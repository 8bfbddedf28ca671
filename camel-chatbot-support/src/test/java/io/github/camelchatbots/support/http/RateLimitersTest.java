package io.github.camelchatbots.support.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.github.camelchatbots.support.http.AccountRateLimiter.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitersTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    // the registry is JVM-wide: a base URL of its own keeps each test clear of every other test's accounts
    private final String baseUrl = "https://" + UUID.randomUUID() + ".example.com/api";

    @TempDir
    Path stateDirectory;

    private AccountRateLimiter forAccount(String url, Authentication authentication, int permits, Duration window) {
        return RateLimiters.forAccount("Test", url, authentication, permits, window, stateDirectory);
    }

    @Test
    void theSameAccountSharesOneLimiter() {
        // separate Authentication objects, as two endpoints of the same account would build them
        RateLimiter first = forAccount(baseUrl, Authentication.headerKey("x-api-key", "key-1"), 10, MINUTE);
        RateLimiter second = forAccount(baseUrl, Authentication.headerKey("x-api-key", "key-1"), 10, MINUTE);

        assertThat(second).isSameAs(first);
    }

    @Test
    void anotherCredentialIsAnotherAccount() {
        RateLimiter first = forAccount(baseUrl, Authentication.headerKey("x-api-key", "key-1"), 10, MINUTE);
        RateLimiter second = forAccount(baseUrl, Authentication.headerKey("x-api-key", "key-2"), 10, MINUTE);

        assertThat(second).isNotSameAs(first);
    }

    @Test
    void anotherHostIsAnotherAccount() {
        Authentication key = Authentication.headerKey("x-api-key", "key-" + UUID.randomUUID());
        RateLimiter first = forAccount("https://ebbot.eu", key, 10, MINUTE);
        RateLimiter second = forAccount("https://v2.ebbot.app", key, 10, MINUTE);

        assertThat(second).isNotSameAs(first);
    }

    @Test
    void anotherSpellingOfTheSameAddressIsTheSameAccount() {
        // the vendor counts per account: a trailing slash or a path must not double the budget
        Authentication key = Authentication.headerKey("x-api-key", "key-" + UUID.randomUUID());
        RateLimiter first = forAccount("https://ebbot.eu", key, 10, MINUTE);

        assertThat(forAccount("https://EBBOT.eu/", key, 10, MINUTE)).isSameAs(first);
        assertThat(forAccount("https://ebbot.eu:443/api", key, 10, MINUTE)).isSameAs(first);
    }

    @Test
    void theStrictestLimitHoldsWhicheverEndpointComesFirst() {
        Authentication key = Authentication.bearer("token");
        AccountRateLimiter first = forAccount(baseUrl, key, 20, MINUTE);

        AccountRateLimiter second = forAccount(baseUrl, key, 10, MINUTE);
        AccountRateLimiter third = forAccount(baseUrl, key, 500, Duration.ofSeconds(1));

        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
        assertThat(first.getLimits()).containsExactly(new Limit(10, MINUTE));
    }

    @Test
    void noLimitGivesAnUnlimitedLimiterUntilAnEndpointDeclaresOne() throws InterruptedException {
        Authentication key = Authentication.bearer("token-" + UUID.randomUUID());
        AccountRateLimiter limiter = forAccount(baseUrl, key, 0, MINUTE);
        assertThat(limiter.getLimits()).isEmpty();
        limiter.acquire().close();

        forAccount(baseUrl, key, 1, MINUTE);

        assertThat(limiter.hasBudget()).isFalse();
    }

    @Test
    void aLimitedAccountKeepsItsLedgerInTheStateDirectory() {
        forAccount(baseUrl, Authentication.bearer("token-" + UUID.randomUUID()), 5, MINUTE);

        assertThat(stateDirectory.toFile().list()).singleElement().asString().endsWith(".ledger")
                .doesNotContain("token");
    }
}
