package io.github.camelchatbots.support.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelchatbots.support.http.AccountRateLimiter.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

// a limiter that never grants blocks acquire() for good: fail instead of hanging the build
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AccountRateLimiterTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    private static AccountRateLimiter limited(int permits, Duration window) {
        return new AccountRateLimiter("test", new Limit(permits, window));
    }

    private static void send(RateLimiter limiter) throws InterruptedException {
        limiter.acquire().close();
    }

    @Test
    void grantsItsPermitsThenHasNoBudget() throws InterruptedException {
        AccountRateLimiter limiter = limited(3, LONG);

        send(limiter);
        send(limiter);
        assertThat(limiter.hasBudget()).isTrue();
        send(limiter);

        assertThat(limiter.hasBudget()).isFalse();
    }

    @Test
    void askingForBudgetDoesNotSpendIt() throws InterruptedException {
        AccountRateLimiter limiter = limited(1, LONG);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.hasBudget()).isTrue();
        }
        send(limiter);
        assertThat(limiter.hasBudget()).isFalse();
    }

    @Test
    void aRequestInFlightCountsUntilItIsOverAndAWholeWindowAfter() throws InterruptedException {
        Duration window = Duration.ofMillis(200);
        AccountRateLimiter limiter = limited(1, window);
        RateLimiter.Permit inFlight = limiter.acquire();

        // however long the vendor takes to answer, it may still be counting this request
        await().during(window.multipliedBy(2)).atMost(Duration.ofSeconds(5)).until(() -> !limiter.hasBudget());
        long ended = System.nanoTime();
        inFlight.close();
        assertThat(limiter.hasBudget()).isFalse();

        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5)).until(limiter::hasBudget);
        assertThat(Duration.ofNanos(System.nanoTime() - ended)).isGreaterThanOrEqualTo(window);
    }

    @Test
    void closingAPermitTwiceEndsItOnce() throws InterruptedException {
        AccountRateLimiter limiter = limited(2, LONG);
        RateLimiter.Permit permit = limiter.acquire();
        permit.close();
        permit.close();

        send(limiter);

        assertThat(limiter.hasBudget()).isFalse();
    }

    @Test
    void acquireWaitsAWindowAfterTheOldestRequestEnded() throws InterruptedException {
        Duration window = Duration.ofMillis(300);
        AccountRateLimiter limiter = limited(1, window);
        send(limiter);
        long start = System.nanoTime();

        RateLimiter.Permit next = limiter.acquire();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(window.minusMillis(10));
        assertThat(limiter.hasBudget()).isFalse();
        next.close();
    }

    @Test
    void aWaitingCallerIsWokenWhenARequestInFlightEnds() throws Exception {
        AccountRateLimiter limiter = limited(1, Duration.ofMillis(50));
        RateLimiter.Permit inFlight = limiter.acquire();
        CompletableFuture<RateLimiter.Permit> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return limiter.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting).isNotDone();

        inFlight.close();

        assertThat(waiting).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aWaitingCallerCanBeInterrupted() throws InterruptedException {
        AccountRateLimiter limiter = limited(1, LONG);
        send(limiter);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire();
                outcome.set(new AssertionError("acquire() returned although no permit was free"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);

        waiter.interrupt();

        await().atMost(Duration.ofSeconds(5)).until(() -> !waiter.isAlive());
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aPauseHoldsEveryCallerBackEvenWithPermitsLeft() throws InterruptedException {
        Duration pause = Duration.ofMillis(300);
        AccountRateLimiter limiter = limited(100, LONG);
        long start = System.nanoTime();

        limiter.pauseFor(pause);

        assertThat(limiter.hasBudget()).isFalse();
        send(limiter);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(pause);
    }

    @Test
    void aShorterPauseDoesNotCutALongerOneShort() {
        AccountRateLimiter limiter = limited(100, LONG);

        limiter.pauseFor(Duration.ofMinutes(1));
        limiter.pauseFor(Duration.ofMillis(1));

        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !limiter.hasBudget());
    }

    @Test
    void unlimitedNeverWaitsExceptForAPause() throws InterruptedException {
        RateLimiter limiter = RateLimiter.unlimited();

        for (int i = 0; i < 10_000; i++) {
            send(limiter);
        }
        assertThat(limiter.hasBudget()).isTrue();

        // a vendor without a documented limit can still answer 429 with Retry-After
        limiter.pauseFor(Duration.ofMillis(200));
        assertThat(limiter.hasBudget()).isFalse();
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5)).until(limiter::hasBudget);
    }

    @Test
    void aStricterLimitIsAddedAndALooserOneChangesNothing() {
        AccountRateLimiter limiter = limited(20, LONG);

        assertThat(limiter.require(new Limit(30, LONG))).isFalse();
        assertThat(limiter.require(new Limit(20, Duration.ofSeconds(30)))).isFalse();
        assertThat(limiter.getLimits()).containsExactly(new Limit(20, LONG));

        assertThat(limiter.require(new Limit(10, LONG))).isTrue();
        // 10 a minute makes 20 a minute redundant
        assertThat(limiter.getLimits()).containsExactly(new Limit(10, LONG));
    }

    @Test
    void limitsThatNeitherImpliesBothHold() throws InterruptedException {
        AccountRateLimiter limiter = limited(3, Duration.ofMillis(100));
        assertThat(limiter.require(new Limit(5, LONG))).isTrue();
        assertThat(limiter.getLimits()).hasSize(2);

        for (int i = 0; i < 5; i++) {
            send(limiter);
        }

        // well past the short window, the long one still holds
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !limiter.hasBudget());
    }

    @Test
    void aLimitNeedsAPermitAndAWindow() {
        assertThatThrownBy(() -> new Limit(0, LONG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 per");
        assertThatThrownBy(() -> new Limit(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itSaysWhatItHolds() {
        assertThat(limited(20, LONG)).hasToString("RateLimiter[test, [20 per PT1M]]");
        assertThat(RateLimiter.unlimited().toString()).contains("unlimited");
    }
}
