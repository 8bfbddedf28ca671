package io.github.camelchatbots.support.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

// a limiter that never grants blocks acquire() for good: fail instead of hanging the build
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RateLimiterTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void grantsItsPermitsThenRefuses() {
        RateLimiter limiter = new RateLimiter(3, LONG);

        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        // a refused attempt must not be counted, or a busy poller would starve itself
        assertThat(limiter.hasPermitNow()).isFalse();
    }

    @Test
    void askingWhetherAPermitIsFreeDoesNotSpendIt() {
        RateLimiter limiter = new RateLimiter(1, LONG);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.hasPermitNow()).isTrue();
        }
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.hasPermitNow()).isFalse();
    }

    @Test
    void permitsComeBackOnceTheWindowHasPassed() {
        Duration window = Duration.ofMillis(200);
        RateLimiter limiter = new RateLimiter(2, window);
        long start = System.nanoTime();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();

        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(3)).until(limiter::hasPermitNow);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(window);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void acquireWaitsForTheOldestPermitToExpire() throws InterruptedException {
        Duration window = Duration.ofMillis(300);
        RateLimiter limiter = new RateLimiter(1, window);
        long start = System.nanoTime();
        assertThat(limiter.tryAcquire()).isTrue();

        limiter.acquire();

        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(window).isLessThan(Duration.ofSeconds(3));
        // acquire() counted its permit: the next one is a whole window away again
        assertThat(limiter.hasPermitNow()).isFalse();
    }

    @Test
    void acquireDoesNotWaitWhileAPermitIsFree() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(2, LONG);
        long start = System.nanoTime();

        limiter.acquire();
        limiter.acquire();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void aWaitingCallerCanBeInterrupted() {
        RateLimiter limiter = new RateLimiter(1, LONG);
        assertThat(limiter.tryAcquire()).isTrue();
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
        await().atMost(Duration.ofSeconds(3)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);

        waiter.interrupt();

        await().atMost(Duration.ofSeconds(3)).until(() -> !waiter.isAlive());
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void pauseHoldsEveryCallerBackEvenWithPermitsLeft() throws InterruptedException {
        Duration pause = Duration.ofMillis(300);
        RateLimiter limiter = new RateLimiter(100, LONG);
        long start = System.nanoTime();

        limiter.pauseFor(pause);

        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(limiter.hasPermitNow()).isFalse();
        limiter.acquire();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(pause)
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aShorterPauseDoesNotCutALongerOneShort() {
        RateLimiter limiter = new RateLimiter(100, LONG);
        assertThat(limiter.hasPermitNow()).isTrue();

        limiter.pauseFor(Duration.ofMinutes(1));
        limiter.pauseFor(Duration.ofMillis(1));

        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1))
                .until(() -> !limiter.hasPermitNow());
    }

    @Test
    void unlimitedNeverWaitsExceptForAPause() {
        RateLimiter limiter = RateLimiter.unlimited();

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
        assertThat(limiter.hasPermitNow()).isTrue();
        CompletableFuture<Void> acquired = CompletableFuture.runAsync(() -> {
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(acquired).succeedsWithin(Duration.ofSeconds(1));

        // a vendor without a documented limit can still answer 429 with Retry-After
        limiter.pauseFor(Duration.ofMillis(200));
        assertThat(limiter.tryAcquire()).isFalse();
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(3)).until(limiter::hasPermitNow);
    }

    @Test
    void zeroPermitsMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0, Duration.ZERO);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
        assertThat(limiter).hasToString("RateLimiter[unlimited]");
    }

    @Test
    void negativePermitsAreRejected() {
        assertThatThrownBy(() -> new RateLimiter(-1, LONG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permits");
    }
}
