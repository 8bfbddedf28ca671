package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.github.camelchatbots.support.consumer.scan.MutatingWindowList.Item;
import io.github.camelchatbots.support.consumer.scan.MutatingWindowList.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The window scan against a list that mutates at random between page reads (items at the newest end, many sharing
 * a second; deletions anywhere; one-off answers with items missing, of another page, or of the request before), in
 * whichever order the vendor lists a window, over thousands of runs: every item still there at the end is taken
 * exactly once, in rank order, none twice, and after every poll the position covers only items it took.
 */
class TimeWindowScanTest {

    private static final int RUNS = 2_400;

    private record Run(MutatingWindowList list, List<Item> taken, ScanPosition position, boolean caughtUp,
                       int pageSize, int lastPollRequests) {
    }

    private static TimeWindowScan<Item> scanOf(MutatingWindowList list, int pageSize) {
        return new TimeWindowScan<>((from, to, page) -> list.read(from, to, page, pageSize), Item::rank, Item::id,
                pageSize, 0);
    }

    /**
     * Every item present from {@code from} on that the position covers has been taken: the position is never past
     * an untaken item. (Checked without AssertJ in the loop: it runs after every poll of every run.)
     */
    private static void assertCoversOnlyTaken(MutatingWindowList list, ScanPosition position, Set<String> ids,
                                              long from, long seed) {
        // oldest first: nothing ranked after the position is covered
        for (Item item : list.present()) {
            if (item.rank() > position.rank()) {
                break;
            }
            if (item.rank() >= from && position.covers(item.rank(), item.id()) && !ids.contains(item.id())) {
                fail("seed %d: %s is behind the position %s but was never taken", seed, item, position);
            }
        }
    }

    /**
     * Polls with a random request budget each (and now and then a sink that takes only a few items), while the list
     * mutates; then, once the list is quiet and a newer item has arrived (which lets a crowded newest second be
     * read), polls until caught up.
     */
    private static Run drain(long seed, ScanPosition start) {
        long from = start.isBeginning() ? Long.MIN_VALUE : start.rank();
        Random random = new Random(seed);
        MutatingWindowList list = new MutatingWindowList(seed);
        list.order = Order.values()[random.nextInt(Order.values().length)];
        list.tieChance = random.nextDouble() * 0.6;
        list.insert(random.nextInt(300));
        list.insertChance = random.nextDouble() * 0.3;
        list.deleteChance = random.nextDouble() * 0.2;
        list.shortPageChance = random.nextDouble() * 0.15;
        list.wrongPageChance = random.nextDouble() * 0.1;
        list.staleChance = random.nextDouble() * 0.1;
        int pageSize = 3 + random.nextInt(30);
        TimeWindowScan<Item> scan = scanOf(list, pageSize);
        List<Item> taken = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        ScanPosition position = start;
        for (int poll = 0; poll < 30; poll++) {
            int allowed = 1 + random.nextInt(40);
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
                ids.add(item.id());
                return true;
            }, () -> made[0]++ < allowed);
            assertThat(outcome.position().rank()).as("seed %d: the position went back", seed)
                    .isGreaterThanOrEqualTo(position.rank());
            assertThat(outcome.requests()).as("seed %d: requests beyond the budget", seed).isLessThanOrEqualTo(allowed);
            position = outcome.position();
            assertCoversOnlyTaken(list, position, ids, from, seed);
        }
        list.quiet();
        list.insertSharingOneRank(1);
        boolean caughtUp = false;
        int requests = 0;
        for (int poll = 0; poll < 2_000 && !caughtUp; poll++) {
            ScanOutcome outcome = scan.scan(position, item -> {
            }, item -> {
                taken.add(item);
                ids.add(item.id());
                return true;
            }, Budget.unlimited());
            position = outcome.position();
            caughtUp = outcome.caughtUp();
            assertCoversOnlyTaken(list, position, ids, from, seed);
        }
        if (caughtUp) {
            ScanOutcome idle = scan.scan(position, item -> {
            }, item -> {
                taken.add(item);
                return true;
            }, Budget.unlimited());
            assertThat(idle.position()).as("seed %d: an idle poll moved", seed).isEqualTo(position);
            requests = idle.caughtUp() ? idle.requests() : Integer.MAX_VALUE;
        }
        return new Run(list, taken, position, caughtUp, pageSize, requests);
    }

    private static void assertNothingLost(Run run, long seed, long from) {
        assertThat(run.caughtUp()).as("seed %d: caught up once the list is quiet", seed).isTrue();
        Set<String> ids = new HashSet<>();
        long lastRank = Long.MIN_VALUE;
        for (Item item : run.taken()) {
            if (!ids.add(item.id())) {
                fail("seed %d: %s taken twice", seed, item);
            }
            if (item.rank() < lastRank) {
                fail("seed %d: %s taken after an item ranked %d", seed, item, lastRank);
            }
            if (item.rank() < from) {
                fail("seed %d: %s taken, before the start %d", seed, item, from);
            }
            lastRank = item.rank();
        }
        for (Item item : run.list().present()) {
            if (item.rank() >= from && !ids.contains(item.id())) {
                fail("seed %d: %s never taken", seed, item);
            }
        }
        Set<String> inserted = new HashSet<>();
        run.list().everInserted().forEach(item -> inserted.add(item.id()));
        for (String taken : ids) {
            if (!inserted.contains(taken)) {
                fail("seed %d: %s taken but never in the list", seed, taken);
            }
        }
    }

    @Test
    void everyItemStillThereIsTakenExactlyOnceInRankOrder() {
        for (long seed = 0; seed < RUNS; seed++) {
            Run run = drain(seed, ScanPosition.beginning());
            assertNothingLost(run, seed, Long.MIN_VALUE);
            // an idle poll costs one request, unless the second taken last holds a page or more: its items then
            // fill every page that starts with that second
            assertThat(run.lastPollRequests()).as("seed %d: requests of an idle poll", seed)
                    .isLessThanOrEqualTo(crowdedAt(run, run.position().rank()) ? 200 : 1);
        }
    }

    @Test
    void aStartFromATimeTakesExactlyTheItemsFromThen() {
        for (long seed = 0; seed < RUNS / 4; seed++) {
            long from = 1_000 + new Random(seed ^ 0x5DEECE66DL).nextInt(400);
            assertNothingLost(drain(seed, ScanPosition.before(from)), seed, from);
        }
    }

    private static boolean crowdedAt(Run run, long rank) {
        return run.list().present().stream().filter(item -> item.rank() == rank).count() >= run.pageSize();
    }

    private static ScanOutcome drainAll(TimeWindowScan<Item> scan, ScanPosition from, List<Item> taken) {
        ScanPosition position = from;
        for (int i = 0; i < 10_000; i++) {
            ScanOutcome outcome = scan.scan(position, item -> {
            }, taken::add, Budget.unlimited());
            position = outcome.position();
            if (outcome.caughtUp()) {
                return outcome;
            }
        }
        throw new AssertionError("never caught up");
    }

    @Test
    void anIdlePollOfACaughtUpConsumerCostsOneRequest() {
        for (Order order : Order.values()) {
            MutatingWindowList list = new MutatingWindowList(3);
            list.order = order;
            list.insert(400);
            TimeWindowScan<Item> scan = scanOf(list, 20);
            ScanOutcome caughtUp = drainAll(scan, ScanPosition.beginning(), new ArrayList<>());

            int before = list.reads;
            ScanOutcome idle = scan.scan(caughtUp.position(), item -> {
            }, item -> true, Budget.unlimited());

            assertThat(idle.caughtUp()).isTrue();
            assertThat(idle.requests()).isEqualTo(1);
            assertThat(list.reads - before).isEqualTo(1);
            assertThat(idle.position()).isEqualTo(caughtUp.position());
        }
    }

    @Test
    void aSecondHoldingMoreThanAPageWaitsAtTheNewestEndAndIsTakenWholeOnceANewerItemCloses() {
        for (Order order : Order.values()) {
            MutatingWindowList list = new MutatingWindowList(5);
            list.order = order;
            list.tieChance = 0;
            list.insert(30);
            long crowded = list.insertSharingOneRank(47);
            TimeWindowScan<Item> scan = scanOf(list, 10);
            List<Item> taken = new ArrayList<>();

            ScanPosition position = ScanPosition.beginning();
            for (int poll = 0; poll < 5; poll++) {
                ScanOutcome outcome = scan.scan(position, item -> {
                }, taken::add, Budget.unlimited());
                position = outcome.position();
                // more items of that second may come: none of them can be told complete, so none is taken
                assertThat(outcome.caughtUp()).isFalse();
                assertThat(outcome.requests()).isLessThan(80);
            }
            assertThat(taken).hasSize(30).allMatch(item -> item.rank() < crowded);
            assertThat(position.rank()).isLessThan(crowded);

            // a newer item shows that the crowded second is over: its 47 items are read page by page, twice
            list.insert(1);
            List<Item> rest = new ArrayList<>();
            ScanOutcome outcome = drainAll(scan, position, rest);

            assertThat(rest).hasSize(48);
            assertThat(rest.subList(0, 47)).allMatch(item -> item.rank() == crowded)
                    .extracting(Item::id).doesNotHaveDuplicates();
            assertThat(rest.get(47).rank()).isGreaterThan(crowded);
            int before = list.reads;
            assertThat(scan.scan(outcome.position(), item -> {
            }, item -> true, Budget.unlimited()).caughtUp()).isTrue();
            assertThat(list.reads - before).isEqualTo(1);
        }
    }

    @Test
    void aCrowdedSecondBelowTheNewestIsTakenInOnePoll() {
        MutatingWindowList list = new MutatingWindowList(9);
        list.order = Order.SHUFFLED;
        list.tieChance = 0;
        list.insert(20);
        long crowded = list.insertSharingOneRank(95);
        list.insert(20);
        List<Item> taken = new ArrayList<>();

        ScanOutcome outcome = scanOf(list, 10).scan(ScanPosition.beginning(), item -> {
        }, taken::add, Budget.unlimited());

        assertThat(outcome.caughtUp()).isTrue();
        assertThat(taken).hasSize(135).extracting(Item::id).doesNotHaveDuplicates();
        assertThat(taken.stream().filter(item -> item.rank() == crowded)).hasSize(95);
        assertThat(taken).isSortedAccordingTo(java.util.Comparator.comparingLong(Item::rank));
    }

    @Test
    void aVendorWhosePagesAreSmallerThanConfiguredIsToldSo() {
        MutatingWindowList list = new MutatingWindowList(1);
        list.vendorPageSize = 7;
        list.insert(100);
        TimeWindowScan<Item> scan = scanOf(list, 20);
        List<Item> taken = new ArrayList<>();

        assertThatThrownBy(() -> scan.scan(ScanPosition.beginning(), item -> {
        }, taken::add, Budget.unlimited()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 7 items for a page of 20")
                .hasMessageContaining("set it to at most 7");
        assertThat(taken).isEmpty();
    }

    @Test
    void smallerPagesGoUnnoticedWhileEveryWindowFitsThemAndAreToldOnceOneDoesNot() {
        MutatingWindowList list = new MutatingWindowList(2);
        list.vendorPageSize = 7;
        list.insert(5);
        TimeWindowScan<Item> scan = scanOf(list, 20);
        List<Item> taken = new ArrayList<>();
        ScanOutcome first = scan.scan(ScanPosition.beginning(), item -> {
        }, taken::add, Budget.unlimited());
        assertThat(first.caughtUp()).isTrue();
        assertThat(taken).hasSize(5);

        // such a vendor never answers a whole page, so every window is the open one: the first that holds more
        // than its pages is the first read, before anything of it is taken
        list.insert(100);
        assertThatThrownBy(() -> scan.scan(first.position(), item -> {
        }, taken::add, Budget.unlimited())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 7 items for a page of 20");
        assertThat(taken).hasSize(5);
    }

    @Test
    void aLargeBacklogIsDrainedAboutAPageAtATimeAndItsOldestComesFirstAfterFewRequests() {
        for (Order order : Order.values()) {
            for (long base : new long[] { 1_000, 1_700_000_000L }) {
                MutatingWindowList list = new MutatingWindowList(11).startingAt(base);
                list.order = order;
                list.tieChance = 0.3;
                list.insert(20_000);
                int pageSize = 50;
                TimeWindowScan<Item> scan = scanOf(list, pageSize);
                List<Item> first = new ArrayList<>();

                ScanOutcome firstPoll = scan.scan(ScanPosition.beginning(), item -> {
                }, item -> first.isEmpty() && first.add(item), Budget.unlimited());

                assertThat(first).as("%s from %d", order, base).singleElement()
                        .isEqualTo(list.present().get(0));
                assertThat(firstPoll.requests()).as("%s from %d: requests for the first item", order, base)
                        .isLessThanOrEqualTo(40);

                List<Item> taken = new ArrayList<>(first);
                int before = list.reads;
                drainAll(scan, firstPoll.position(), taken);
                assertThat(taken).hasSize(20_000).extracting(Item::id).doesNotHaveDuplicates();
                assertThat(list.reads - before).as("%s from %d: requests for 400 pages' worth", order, base)
                        .isLessThan(4 * 20_000 / pageSize);
            }
        }
    }

    @Test
    void itemsAreOfferedOldestFirstAndTheSinkMayStopTheScanAnywhere() {
        MutatingWindowList list = new MutatingWindowList(13);
        list.order = Order.NEWEST_FIRST;
        list.insert(500);
        TimeWindowScan<Item> scan = scanOf(list, 15);
        List<Item> taken = new ArrayList<>();
        ScanPosition position = ScanPosition.beginning();
        for (int poll = 0; poll < 1_000; poll++) {
            int[] left = { 1 + poll % 7 };
            ScanOutcome outcome = scan.scan(position, item -> {
            }, item -> left[0]-- > 0 && taken.add(item), Budget.unlimited());
            position = outcome.position();
            if (outcome.caughtUp()) {
                break;
            }
        }
        assertThat(taken).extracting(Item::id).containsExactlyElementsOf(
                list.present().stream().sorted(java.util.Comparator.comparingLong(Item::rank)
                        .thenComparing(Item::id)).map(Item::id).toList());
    }

}
