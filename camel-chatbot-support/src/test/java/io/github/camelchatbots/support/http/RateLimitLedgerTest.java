package io.github.camelchatbots.support.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelchatbots.support.http.AccountRateLimiter.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JVM restarted within one window must not start with a full budget: the vendor still counts what the previous
 * run sent. Each "run" here is a limiter with the ledger opened anew, as a new JVM would open it; closing the ledger
 * without closing the permits is what a killed process leaves behind.
 */
class RateLimitLedgerTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path directory;

    private AccountRateLimiter run(Limit limit, RateLimitLedger ledger) {
        AccountRateLimiter limiter = new AccountRateLimiter("test", limit);
        limiter.recordIn(ledger);
        return limiter;
    }

    @Test
    void aRestartWithinTheWindowGoesOnFromWhatThePreviousRunSpent() throws InterruptedException {
        Path file = directory.resolve("account.ledger");
        RateLimitLedger first = RateLimitLedger.open(file);
        AccountRateLimiter before = run(new Limit(3, MINUTE), first);
        before.acquire().close();
        before.acquire().close();
        first.close();

        AccountRateLimiter after = run(new Limit(3, MINUTE), RateLimitLedger.open(file));

        assertThat(after.hasBudget()).isTrue();
        after.acquire().close();
        assertThat(after.hasBudget()).isFalse();
    }

    @Test
    void aRequestCutOffByACrashCountsAsEndingAtTheRestart() throws InterruptedException {
        Path file = directory.resolve("account.ledger");
        RateLimitLedger first = RateLimitLedger.open(file);
        run(new Limit(1, MINUTE), first).acquire();
        first.close();

        AccountRateLimiter after = run(new Limit(1, MINUTE), RateLimitLedger.open(file));

        assertThat(after.hasBudget()).isFalse();
    }

    @Test
    void requestsOlderThanTheWindowDoNotCount() throws InterruptedException {
        Duration window = Duration.ofMillis(200);
        Path file = directory.resolve("account.ledger");
        RateLimitLedger first = RateLimitLedger.open(file);
        AccountRateLimiter before = run(new Limit(1, window), first);
        before.acquire().close();
        await().atMost(Duration.ofSeconds(5)).until(before::hasBudget);
        first.close();

        AccountRateLimiter after = run(new Limit(1, window), RateLimitLedger.open(file));

        await().atMost(Duration.ofSeconds(5)).until(after::hasBudget);
    }

    @Test
    void aLedgerInUseIsNotOpenedTwice() {
        Path file = directory.resolve("account.ledger");
        RateLimitLedger held = RateLimitLedger.open(file);

        assertThat(RateLimitLedger.open(file)).isNull();
        held.close();
        RateLimitLedger reopened = RateLimitLedger.open(file);
        assertThat(reopened).isNotNull();
        reopened.close();
    }

    @Test
    void aFileThatIsNoLedgerHoldsNothing() throws IOException {
        Path file = directory.resolve("account.ledger");
        Files.writeString(file, "not a ledger at all");

        AccountRateLimiter limiter = run(new Limit(1, MINUTE), RateLimitLedger.open(file));

        assertThat(limiter.hasBudget()).isTrue();
    }

    @Test
    void theRingGrowsWithALargerLimitAndKeepsWhatItHeld() throws InterruptedException {
        Path file = directory.resolve("account.ledger");
        RateLimitLedger first = RateLimitLedger.open(file);
        AccountRateLimiter before = run(new Limit(1, MINUTE), first);
        before.acquire().close();
        before.require(new Limit(5, Duration.ofHours(1)));
        first.close();

        AccountRateLimiter after = run(new Limit(5, Duration.ofHours(1)), RateLimitLedger.open(file));
        for (int i = 0; i < 4; i++) {
            after.acquire().close();
        }

        assertThat(after.hasBudget()).isFalse();
    }
}
