package io.github.camelchatbots.support.http;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitersTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    // the registry is JVM-wide: a base URL of its own keeps each test clear of every other test's accounts
    private final String baseUrl = "https://" + UUID.randomUUID() + ".example.com/api";

    @Test
    void theSameAccountSharesOneLimiter() {
        // separate Authentication objects, as two endpoints of the same account would build them
        RateLimiter first = RateLimiters.forAccount(baseUrl, Authentication.headerKey("x-api-key", "key-1"), 10, MINUTE);
        RateLimiter second = RateLimiters.forAccount(baseUrl, Authentication.headerKey("x-api-key", "key-1"), 10, MINUTE);

        assertThat(second).isSameAs(first);
    }

    @Test
    void anotherCredentialIsAnotherAccount() {
        RateLimiter first = RateLimiters.forAccount(baseUrl, Authentication.headerKey("x-api-key", "key-1"), 10, MINUTE);
        RateLimiter second = RateLimiters.forAccount(baseUrl, Authentication.headerKey("x-api-key", "key-2"), 10, MINUTE);

        assertThat(second).isNotSameAs(first);
    }

    @Test
    void anotherHostIsAnotherAccount() {
        Authentication key = Authentication.headerKey("x-api-key", "key-1");
        RateLimiter first = RateLimiters.forAccount("https://ebbot.eu", key, 10, MINUTE);
        RateLimiter second = RateLimiters.forAccount("https://v2.ebbot.app", key, 10, MINUTE);

        assertThat(second).isNotSameAs(first);
    }

    @Test
    void anotherSpellingOfTheSameAddressIsTheSameAccount() {
        // the vendor counts per account: a trailing slash or a path must not double the budget
        Authentication key = Authentication.headerKey("x-api-key", "key-spelling");
        RateLimiter first = RateLimiters.forAccount("https://ebbot.eu", key, 10, MINUTE);

        assertThat(RateLimiters.forAccount("https://EBBOT.eu/", key, 10, MINUTE)).isSameAs(first);
        assertThat(RateLimiters.forAccount("https://ebbot.eu:443/api", key, 10, MINUTE)).isSameAs(first);
    }

    @Test
    void aLaterDifferentLimitGetsTheExistingBudget() {
        Authentication key = Authentication.bearer("token");
        RateLimiter first = RateLimiters.forAccount(baseUrl, key, 10, MINUTE);

        // two budgets for one account would let the vendor's limit be exceeded
        RateLimiter second = RateLimiters.forAccount(baseUrl, key, 500, Duration.ofSeconds(1));

        assertThat(second).isSameAs(first);
        assertThat(second.getPermits()).isEqualTo(10);
        assertThat(second.getWindow()).isEqualTo(MINUTE);
    }

    @Test
    void noLimitGivesAnUnlimitedLimiter() {
        RateLimiter limiter = RateLimiters.forAccount(baseUrl, Authentication.none(), 0, null);

        assertThat(limiter.getPermits()).isZero();
        assertThat(limiter.tryAcquire()).isTrue();
    }
}
