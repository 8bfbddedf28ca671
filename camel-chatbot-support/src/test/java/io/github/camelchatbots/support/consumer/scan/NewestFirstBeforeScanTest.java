package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.github.camelchatbots.support.consumer.scan.MutatingList.Item;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-cursor scan against a list that mutates at random between reads (items at the front, deletions anywhere,
 * one-off short answers, an answer repeated from the request before), for vendors that read the cursor as "before"
 * and as "at or before": every item still there at the end is taken exactly once, in rank order.
 */
class NewestFirstBeforeScanTest {

    private static final int RUNS = 2_000;

    private record Run(MutatingList list, List<Item> taken, ScanPosition position, boolean caughtUp, int pageSize) {

        /**
         * Whether the scan was right to stop short: with a fixed page size, a rank with as many items as a page holds
         * cannot be told complete.
         */
        boolean stuckOnARankLargerThanAPage() {
            return list.everInserted().stream()
                    .collect(java.util.stream.Collectors.groupingBy(Item::rank, java.util.stream.Collectors.counting()))
                    .values().stream().anyMatch(count -> count >= pageSize - 1);
        }
    }

    private static void assertNothingLost(Run run, long seed, long from) {
        if (!run.caughtUp()) {
            assertThat(run.stuckOnARankLargerThanAPage()).as("seed %d: caught up once the list is quiet", seed)
                    .isTrue();
        }
        Set<String> ids = new HashSet<>();
        long lastRank = Long.MIN_VALUE;
        for (Item item : run.taken()) {
            assertThat(ids.add(item.id())).as("seed %d: %s taken twice", seed, item).isTrue();
            assertThat(item.rank()).as("seed %d: rank order", seed).isGreaterThanOrEqualTo(lastRank);
            assertThat(item.rank()).as("seed %d: before the start", seed).isGreaterThanOrEqualTo(from);
            lastRank = item.rank();
        }
        for (Item item : run.list().present()) {
            if (item.rank() >= from && (run.caughtUp() || run.position().covers(item.rank(), item.id()))) {
                assertThat(ids).as("seed %d: %s never taken", seed, item).contains(item.id());
            }
        }
    }

    private static Run drain(long seed, ScanPosition start) {
        Random random = new Random(seed);
        MutatingList list = new MutatingList(seed);
        list.insert(random.nextInt(300));
        list.insertChance = random.nextDouble() * 0.3;
        list.deleteChance = random.nextDouble() * 0.2;
        list.shortPageChance = random.nextDouble() * 0.15;
        list.wrongPageChance = random.nextDouble() * 0.15;
        int pageSize = 3 + random.nextInt(40);
        boolean inclusive = random.nextBoolean();
        NewestFirstBeforeScan<Item> scan = new NewestFirstBeforeScan<>(
                before -> list.readBefore(before, pageSize, inclusive), Item::rank, Item::id, pageSize, 0);
        List<Item> taken = new ArrayList<>();
        ScanPosition position = start;
        for (int poll = 0; poll < 30; poll++) {
            int allowed = 1 + random.nextInt(25);
            int[] made = { 0 };
            int maxTaken = random.nextInt(5) == 0 ? random.nextInt(10) : Integer.MAX_VALUE;
            int[] takenThisPoll = { 0 };
            ScanOutcome outcome = scan.scan(position, item -> {
            }, item -> {
                if (takenThisPoll[0] >= maxTaken) {
                    return false;
                }
                takenThisPoll[0]++;
                taken.add(item);
                return true;
            }, () -> made[0]++ < allowed);
            assertThat(outcome.position().rank()).isGreaterThanOrEqualTo(position.rank());
            position = outcome.position();
        }
        list.quiet();
        boolean caughtUp = false;
        int pollsWithoutProgress = 0;
        for (int poll = 0; poll < 2_000 && !caughtUp && pollsWithoutProgress < 3; poll++) {
            ScanOutcome outcome = scan.scan(position, item -> {
            }, taken::add, Budget.unlimited());
            pollsWithoutProgress = outcome.position().equals(position) ? pollsWithoutProgress + 1 : 0;
            position = outcome.position();
            caughtUp = outcome.caughtUp();
        }
        return new Run(list, taken, position, caughtUp, pageSize);
    }

    @Test
    void everyItemStillThereIsTakenExactlyOnceInRankOrder() {
        for (long seed = 0; seed < RUNS; seed++) {
            assertNothingLost(drain(seed, ScanPosition.beginning()), seed, Long.MIN_VALUE);
        }
    }

    @Test
    void aStartFromATimeTakesExactlyTheItemsFromThen() {
        for (long seed = 0; seed < RUNS / 2; seed++) {
            long from = 1_000 + new Random(seed ^ 0x5DEECE66DL).nextInt(400);
            assertNothingLost(drain(seed, ScanPosition.before(from)), seed, from);
        }
    }

    @Test
    void anIdlePollCostsOneRequest() {
        MutatingList list = new MutatingList(3);
        list.insert(400);
        NewestFirstBeforeScan<Item> scan = new NewestFirstBeforeScan<>(before -> list.readBefore(before, 40, false),
                Item::rank, Item::id, 40, 0);
        ScanPosition position = ScanPosition.beginning();
        for (int i = 0; i < 1_000; i++) {
            ScanOutcome outcome = scan.scan(position, item -> {
            }, item -> true, Budget.unlimited());
            position = outcome.position();
            if (outcome.caughtUp()) {
                break;
            }
        }

        int before = list.reads;
        ScanOutcome idle = scan.scan(position, item -> {
        }, item -> true, Budget.unlimited());

        assertThat(idle.caughtUp()).isTrue();
        assertThat(list.reads - before).isEqualTo(1);
    }

    @Test
    void aLargeBacklogIsWalkedAboutAPageAtATime() {
        MutatingList list = new MutatingList(5);
        list.insert(20_000);
        NewestFirstBeforeScan<Item> scan = new NewestFirstBeforeScan<>(before -> list.readBefore(before, 40, false),
                Item::rank, Item::id, 40, 0);
        List<Item> taken = new ArrayList<>();
        ScanPosition position = ScanPosition.beginning();
        for (int i = 0; i < 10_000; i++) {
            ScanOutcome outcome = scan.scan(position, item -> {
            }, taken::add, Budget.unlimited());
            position = outcome.position();
            if (outcome.caughtUp()) {
                break;
            }
        }

        assertThat(taken).hasSize(20_000);
        assertThat(list.reads).isLessThan(20_000 / 10);
    }
}
