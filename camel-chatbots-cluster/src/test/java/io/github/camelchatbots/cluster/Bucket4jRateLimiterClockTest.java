package io.github.camelchatbots.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelchatbots.support.http.RateLimiter;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter's promises checked exactly: three nodes, each with its own pool on one real PostgreSQL, share a bucket
 * and a virtual clock, so that a test walks through hundreds of windows in moments and knows the time of every grant.
 */
class Bucket4jRateLimiterClockTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration MARGIN = Duration.ofSeconds(1);

    private final VirtualClock clock = new VirtualClock();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private List<Bucket4jRateLimiter> nodes(int count, String key, int permits, int burst) {
        List<Bucket4jRateLimiter> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(node(key, permits, burst));
        }
        return nodes;
    }

    private Bucket4jRateLimiter node(String key, int permits, int burst) {
        HikariDataSource pool = TestPostgres.newPool("clock-node");
        pools.add(pool);
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(pool, key, permits, WINDOW);
        limiter.setBurst(burst);
        limiter.setWindowMargin(MARGIN);
        limiter.useClock(clock, clock.sleeper());
        ServiceHelper.startService(limiter);
        return limiter;
    }

    /**
     * Nodes take permits in a random order at random moments, sometimes all they can at once, sometimes after long
     * idle spells, sometimes pausing the account: no span of the counted window ever holds more than the permits,
     * no grant falls inside a pause, and a node told it has budget gets its permit without waiting.
     */
    @ParameterizedTest(name = "{0} permits, burst {1}")
    @CsvSource({ "5, 0", "1, 0", "20, 20", "20, 1", "7, 4" })
    void neverMoreThanThePermitsInAnySpanOfTheWindow(int permits, int burst) throws InterruptedException {
        List<Bucket4jRateLimiter> nodes = nodes(3, TestPostgres.uniqueName("random"), permits, burst);
        Duration counted = nodes.get(0).getCountedWindow();
        Random random = new Random(permits * 31L + burst);
        Grants grants = new Grants();
        List<long[]> pauses = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            Bucket4jRateLimiter node = nodes.get(random.nextInt(nodes.size()));
            int action = random.nextInt(100);
            if (action < 30) {
                // idle spells from a blink to several windows, so that refills meet bursts at every phase
                clock.advance((long) (random.nextDouble() * random.nextDouble() * 3 * counted.toNanos()));
            } else if (action < 60) {
                while (node.hasBudget()) {
                    long before = clock.currentTimeNanos();
                    node.acquire().close();
                    assertThat(clock.currentTimeNanos()).as("a node with budget does not wait").isEqualTo(before);
                    grants.add(before, before, "node");
                }
            } else if (action < 97) {
                node.acquire().close();
                grants.add(clock.currentTimeNanos(), clock.currentTimeNanos(), "node");
            } else {
                long pause = (long) (random.nextDouble() * 2 * counted.toNanos());
                // grants from here on must come after the pause
                pauses.add(new long[] { grants.size(), clock.currentTimeNanos() + pause });
                node.pauseFor(Duration.ofNanos(pause));
            }
        }

        assertThat(grants.size()).isGreaterThan(150);
        assertThat(grants.mostInAnyWindow(counted)).isLessThanOrEqualTo(permits);
        List<Grants.Grant> inOrder = grants.all();
        for (long[] pause : pauses) {
            assertThat(inOrder.subList((int) pause[0], inOrder.size()))
                    .noneMatch(grant -> grant.fromNanos() < pause[1]);
        }
    }

    /** Held back only as much as promised: a steady taker gets the burst, then the refill of every window. */
    @ParameterizedTest(name = "{0} permits, burst {1}")
    @CsvSource({ "5, 0", "1, 0", "20, 20", "20, 1", "7, 4" })
    void aSteadyTakerGetsTheBurstThenEveryRefill(int permits, int burst) throws InterruptedException {
        List<Bucket4jRateLimiter> nodes = nodes(3, TestPostgres.uniqueName("steady"), permits, burst);
        Bucket4jRateLimiter first = nodes.get(0);
        long counted = first.getCountedWindow().toNanos();
        int effectiveBurst = first.getBurst();
        long refill = permits - effectiveBurst + 1;
        int windows = 6;
        long start = clock.currentTimeNanos();
        long taken = effectiveBurst + windows * refill;
        for (long i = 0; i < taken; i++) {
            nodes.get((int) (i % nodes.size())).acquire().close();
        }
        long elapsed = clock.currentTimeNanos() - start;
        // the last token of the sixth window's refill arrives at the sixth window's end, not later
        assertThat(elapsed).isLessThanOrEqualTo(windows * counted + Duration.ofMillis(5).toNanos());
        assertThat(elapsed).isGreaterThan((windows - 1) * counted);
    }

    @Test
    void askingForBudgetSpendsNone() throws InterruptedException {
        Bucket4jRateLimiter node = node(TestPostgres.uniqueName("asking"), 5, 0);
        assertThat(node.getBurst()).isEqualTo(3);
        for (int i = 0; i < 50; i++) {
            assertThat(node.hasBudget()).isTrue();
        }
        long before = clock.currentTimeNanos();
        for (int i = 0; i < 3; i++) {
            node.acquire().close();
        }
        assertThat(clock.currentTimeNanos()).isEqualTo(before);
        assertThat(node.hasBudget()).isFalse();
    }

    /** Options changed on a restart take effect for every node, without handing out a fresh bucket. */
    @Test
    void theNodeStartedLastReconfiguresTheBucket() throws InterruptedException {
        String key = TestPostgres.uniqueName("reconfigured");
        Bucket4jRateLimiter before = node(key, 10, 10);
        before.acquire().close();
        before.acquire().close();

        Bucket4jRateLimiter after = node(key, 4, 2);
        int granted = 0;
        while (after.hasBudget() || before.hasBudget()) {
            (granted % 2 == 0 ? after : before).acquire().close();
            granted++;
        }
        assertThat(granted).isEqualTo(2);

        clock.advance(after.getCountedWindow());
        granted = 0;
        while (before.hasBudget()) {
            before.acquire().close();
            granted++;
        }
        assertThat(granted).as("refilled to the new capacity, not the old").isEqualTo(2);
    }

    @Test
    void aPauseOfAnotherNodeHoldsAWaitingNodeUntilItEnds() throws InterruptedException {
        String key = TestPostgres.uniqueName("paused");
        Bucket4jRateLimiter pausing = node(key, 6, 0);
        Bucket4jRateLimiter waiting = node(key, 6, 0);
        long start = clock.currentTimeNanos();
        Duration retryAfter = Duration.ofSeconds(95);
        pausing.pauseFor(retryAfter);
        assertThat(waiting.hasBudget()).isFalse();
        waiting.acquire().close();
        assertThat(clock.currentTimeNanos() - start).isGreaterThanOrEqualTo(retryAfter.toNanos())
                .isLessThan(retryAfter.plus(waiting.getCountedWindow()).toNanos());

        // a second node answered with the same Retry-After at the same moment does not double the pause
        start = clock.currentTimeNanos();
        pausing.pauseFor(retryAfter);
        waiting.pauseFor(retryAfter);
        waiting.acquire().close();
        assertThat(clock.currentTimeNanos() - start).isGreaterThanOrEqualTo(retryAfter.toNanos())
                .isLessThan(retryAfter.plus(waiting.getCountedWindow()).toNanos());

        pausing.pauseFor(Duration.ZERO);
        pausing.pauseFor(Duration.ofSeconds(-1));
    }
}
