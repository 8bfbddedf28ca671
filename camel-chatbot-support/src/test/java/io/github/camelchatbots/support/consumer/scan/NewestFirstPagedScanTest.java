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
 * The paged scan against a list that mutates at random between page reads (items at the front, deletions
 * anywhere, one-off short pages, pages answered with another page's content), over thousands of runs: every item
 * that is still there at the end is taken exactly once, none twice, in rank order, and the position never moves past
 * an item it did not take.
 */
class NewestFirstPagedScanTest {

    private static final int RUNS = 2_000;

    private record Run(MutatingList list, List<Item> taken, ScanPosition position, boolean caughtUp) {
    }

    private static NewestFirstPagedScan<Item> scanOf(MutatingList list, int maxLimit) {
        return new NewestFirstPagedScan<>(list::read, Item::rank, Item::id, maxLimit);
    }

    /** Polls with a random request budget each, while the list mutates; then quiet polls until caught up. */
    private static Run drain(long seed, ScanPosition start) {
        Random random = new Random(seed);
        MutatingList list = new MutatingList(seed);
        list.insert(random.nextInt(300));
        list.insertChance = random.nextDouble() * 0.3;
        list.deleteChance = random.nextDouble() * 0.2;
        list.shortPageChance = random.nextDouble() * 0.15;
        list.wrongPageChance = random.nextDouble() * 0.15;
        int maxLimit = 2 + random.nextInt(20);
        NewestFirstPagedScan<Item> scan = scanOf(list, maxLimit);
        List<Item> taken = new ArrayList<>();
        ScanPosition position = start;
        for (int poll = 0; poll < 30; poll++) {
            int allowed = 1 + random.nextInt(25);
            int[] made = { 0 };
            // now and then a poll may take only a few items, as maxMessagesPerPoll makes it
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
        for (int poll = 0; poll < 10_000; poll++) {
            ScanOutcome outcome = scan.scan(position, item -> {
            }, taken::add, Budget.unlimited());
            position = outcome.position();
            if (outcome.caughtUp()) {
                caughtUp = true;
                break;
            }
        }
        return new Run(list, taken, position, caughtUp);
    }

    @Test
    void everyItemStillThereIsTakenExactlyOnceInRankOrder() {
        for (long seed = 0; seed < RUNS; seed++) {
            Run run = drain(seed, ScanPosition.beginning());
            assertThat(run.caughtUp()).as("seed %d: caught up once the list is quiet", seed).isTrue();

            Set<String> ids = new HashSet<>();
            long lastRank = Long.MIN_VALUE;
            for (Item item : run.taken()) {
                assertThat(ids.add(item.id())).as("seed %d: %s taken twice", seed, item).isTrue();
                assertThat(item.rank()).as("seed %d: rank order", seed).isGreaterThanOrEqualTo(lastRank);
                lastRank = item.rank();
            }
            for (Item item : run.list().present()) {
                assertThat(ids).as("seed %d: %s never taken", seed, item).contains(item.id());
            }
            assertThat(run.list().everInserted()).extracting(Item::id).containsAll(ids);
        }
    }

    @Test
    void aStartFromATimeTakesExactlyTheItemsFromThen() {
        for (long seed = 0; seed < RUNS / 2; seed++) {
            long from = 1_000 + new Random(seed ^ 0x5DEECE66DL).nextInt(400);
            Run run = drain(seed, ScanPosition.before(from));
            assertThat(run.caughtUp()).as("seed %d: caught up once the list is quiet", seed).isTrue();

            Set<String> ids = new HashSet<>();
            for (Item item : run.taken()) {
                assertThat(ids.add(item.id())).as("seed %d: %s taken twice", seed, item).isTrue();
                assertThat(item.rank()).as("seed %d: before the start", seed).isGreaterThanOrEqualTo(from);
            }
            for (Item item : run.list().present()) {
                if (item.rank() >= from) {
                    assertThat(ids).as("seed %d: %s never taken", seed, item).contains(item.id());
                }
            }
        }
    }

    @Test
    void anIdlePollOfAListThatKeepsUpCostsOneRequest() {
        MutatingList list = new MutatingList(42);
        list.insert(500);
        NewestFirstPagedScan<Item> scan = scanOf(list, 15);
        ScanPosition position = ScanPosition.beginning();
        for (int i = 0; i < 1_000; i++) {
            ScanOutcome outcome = scan.scan(position, item -> {
            }, item -> true, Budget.unlimited());
            position = outcome.position();
            if (outcome.caughtUp()) {
                break;
            }
        }
        list.insert(3);
        scan.scan(position, item -> {
        }, item -> true, Budget.unlimited());

        int before = list.reads;
        ScanOutcome idle = scan.scan(position, item -> {
        }, item -> true, Budget.unlimited());

        assertThat(idle.caughtUp()).isTrue();
        assertThat(list.reads - before).isEqualTo(1);
    }

    @Test
    void theOldestItemOfALargeBacklogComesAfterALogarithmicNumberOfRequests() {
        MutatingList list = new MutatingList(7);
        list.insert(150_000);
        NewestFirstPagedScan<Item> scan = scanOf(list, 15);
        List<Item> first = new ArrayList<>();

        scan.scan(ScanPosition.beginning(), item -> {
        }, item -> first.isEmpty() && first.add(item), Budget.unlimited());

        assertThat(first).singleElement().isEqualTo(list.present().get(list.present().size() - 1));
        // 10,000 pages of 15: a walk would take 10,000 reads; a search about 2 * log2(10,000) plus a confirmation
        assertThat(list.reads).isLessThan(60);
    }

    @Test
    void aWalkTakesAboutAPageOfItemsPerRequest() {
        MutatingList list = new MutatingList(11);
        list.insert(3_000);
        NewestFirstPagedScan<Item> scan = scanOf(list, 15);
        List<Item> taken = new ArrayList<>();
        ScanPosition position = ScanPosition.beginning();
        for (int i = 0; i < 1_000; i++) {
            ScanOutcome outcome = scan.scan(position, item -> {
            }, taken::add, Budget.unlimited());
            position = outcome.position();
            if (outcome.caughtUp()) {
                break;
            }
        }

        assertThat(taken).hasSize(3_000);
        // at least half a page per request on average
        assertThat(list.reads).isLessThan(3_000 / 7);
    }
}
