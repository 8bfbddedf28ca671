package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.consumer.scan.AfterIdScan.Outcome;
import io.github.camelchatbots.support.consumer.scan.AfterIdScan.Position;
import io.github.camelchatbots.support.consumer.scan.MutatingAscendingList.Item;
import io.github.camelchatbots.support.consumer.scan.MutatingAscendingList.UnknownCursor;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The after-id scan against a list that mutates at random between reads (items at the end, some in the newest
 * millisecond; deletions anywhere, often of the very items its trail reads after; in lastSeen order, items seen
 * again moving to the end; one-off short answers and answers repeated from the request before), for vendors that
 * refuse an unknown cursor, answer it from the start or answer it empty, over thousands of runs: every sighting
 * still there at the end is taken exactly once, in rank order, none twice, and after every poll the position covers
 * only sightings it took.
 */
class AfterIdScanTest {

    private static final int RUNS = 2_400;

    private record Run(MutatingAscendingList list, List<Item> taken, Position position, boolean caughtUp,
                       int pageSize, int idleRequests) {
    }

    private static AfterIdScan<Item> scanOf(MutatingAscendingList list, int pageSize) {
        return new AfterIdScan<>(after -> list.read(after, pageSize), Item::rank, Item::id, pageSize);
    }

    /** Every sighting present from {@code from} on that the position covers was taken (checked plainly: hot loop). */
    private static void assertCoversOnlyTaken(MutatingAscendingList list, ScanPosition position, Set<Item> taken,
                                              long from, long seed) {
        for (Item item : list.present()) {
            if (item.rank() > position.rank()) {
                break;
            }
            if (item.rank() >= from && position.covers(item.rank(), item.id()) && !taken.contains(item)) {
                fail("seed %d: %s is behind the position %s but was never taken", seed, item, position);
            }
        }
    }

    private static List<String> targetsOf(Position position) {
        List<String> targets = new ArrayList<>(position.trail());
        targets.addAll(position.position().ids());
        return targets;
    }

    /**
     * Polls with a random request budget each (and now and then a sink that takes only a few items), while the list
     * mutates, aiming deletions and moves at the position's trail now and then; then, once the list is quiet and a
     * newer item has arrived (which lets a crowded newest rank be settled), polls until caught up, and once more.
     */
    private static Run drain(long seed, Position start) {
        long from = start.position().isBeginning() ? Long.MIN_VALUE : start.position().rank();
        Random random = new Random(seed);
        MutatingAscendingList list = new MutatingAscendingList(seed);
        list.lastSeen = random.nextBoolean();
        list.unknownCursor = UnknownCursor.values()[random.nextInt(UnknownCursor.values().length)];
        list.tieChance = random.nextDouble() * 0.5;
        list.insert(random.nextInt(300));
        list.insertChance = random.nextDouble() * 0.3;
        list.deleteChance = random.nextDouble() * 0.2;
        list.moveChance = random.nextDouble() * 0.3;
        list.targetChance = random.nextDouble() * 0.6;
        list.shortPageChance = random.nextDouble() * 0.15;
        list.repeatChance = random.nextDouble() * 0.15;
        int pageSize = 3 + random.nextInt(30);
        AfterIdScan<Item> scan = scanOf(list, pageSize);
        List<Item> taken = new ArrayList<>();
        Set<Item> takenSet = new HashSet<>();
        Position position = start;
        for (int poll = 0; poll < 30; poll++) {
            list.targets = targetsOf(position);
            int allowed = 1 + random.nextInt(25);
            int[] made = { 0 };
            int maxTaken = random.nextInt(5) == 0 ? random.nextInt(10) : Integer.MAX_VALUE;
            int[] takenThisPoll = { 0 };
            Outcome outcome = scan.scan(position, item -> {
            }, item -> {
                if (takenThisPoll[0] >= maxTaken) {
                    return false;
                }
                takenThisPoll[0]++;
                taken.add(item);
                takenSet.add(item);
                return true;
            }, () -> made[0]++ < allowed);
            if (outcome.position().position().rank() < position.position().rank()) {
                fail("seed %d: the position went back", seed);
            }
            if (outcome.requests() > allowed) {
                fail("seed %d: %d requests for a budget of %d", seed, outcome.requests(), allowed);
            }
            position = outcome.position();
            assertCoversOnlyTaken(list, position.position(), takenSet, from, seed);
        }
        list.quiet();
        list.insertSharingOneRank(1);
        boolean caughtUp = false;
        for (int poll = 0; poll < 2_000 && !caughtUp; poll++) {
            Outcome outcome = scan.scan(position, item -> {
            }, item -> {
                taken.add(item);
                takenSet.add(item);
                return true;
            }, Budget.unlimited());
            position = outcome.position();
            caughtUp = outcome.caughtUp();
            assertCoversOnlyTaken(list, position.position(), takenSet, from, seed);
        }
        int idleRequests = Integer.MAX_VALUE;
        if (caughtUp) {
            Outcome idle = scan.scan(position, item -> {
            }, item -> {
                taken.add(item);
                return true;
            }, Budget.unlimited());
            assertThat(idle.position().position()).as("seed %d: an idle poll moved", seed)
                    .isEqualTo(position.position());
            idleRequests = idle.caughtUp() ? idle.requests() : Integer.MAX_VALUE;
        }
        return new Run(list, taken, position, caughtUp, pageSize, idleRequests);
    }

    private static void assertNothingLost(Run run, long seed, long from) {
        assertThat(run.caughtUp()).as("seed %d: caught up once the list is quiet", seed).isTrue();
        Set<Item> taken = new HashSet<>();
        long lastRank = Long.MIN_VALUE;
        for (Item item : run.taken()) {
            if (!taken.add(item)) {
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
            if (item.rank() >= from && !taken.contains(item)) {
                fail("seed %d: %s never taken", seed, item);
            }
        }
        Set<Item> sightings = new HashSet<>(run.list().sightings());
        for (Item item : taken) {
            if (!sightings.contains(item)) {
                fail("seed %d: %s taken but never in the list", seed, item);
            }
        }
    }

    /** How many items share the position's rank: pages starting below it are full of them from about a page on. */
    private static long atPositionRank(Run run) {
        return run.list().present().stream().filter(item -> item.rank() == run.position().position().rank()).count();
    }

    @Test
    void everySightingStillThereIsTakenExactlyOnceInRankOrder() {
        for (long seed = 0; seed < RUNS; seed++) {
            Run run = drain(seed, Position.beginning());
            assertNothingLost(run, seed, Long.MIN_VALUE);
            // an idle poll reads once after the trail, unless the trail is too short to start a page with a settled
            // item (a tiny list: then the start, confirmed) or a crowded rank fills that page
            int expected = run.position().trail().size() >= 2 && atPositionRank(run) < run.pageSize() - 1 ? 1 : 40;
            assertThat(run.idleRequests()).as("seed %d: requests of an idle poll (trail %s)", seed,
                    run.position().trail()).isLessThanOrEqualTo(expected);
        }
    }

    @Test
    void aStartFromATimeTakesExactlyTheSightingsFromThen() {
        for (long seed = 0; seed < RUNS / 4; seed++) {
            long from = 1_000 + new Random(seed ^ 0x5DEECE66DL).nextInt(400);
            assertNothingLost(drain(seed, Position.before(from)), seed, from);
        }
    }

    private static Outcome drainAll(AfterIdScan<Item> scan, Position from, List<Item> taken) {
        Position position = from;
        for (int i = 0; i < 10_000; i++) {
            Outcome outcome = scan.scan(position, item -> {
            }, taken::add, Budget.unlimited());
            position = outcome.position();
            if (outcome.caughtUp()) {
                return outcome;
            }
        }
        throw new AssertionError("never caught up");
    }

    private static Outcome poll(AfterIdScan<Item> scan, Position from, List<Item> taken) {
        return scan.scan(from, item -> {
        }, taken::add, Budget.unlimited());
    }

    @Test
    void anIdlePollCostsOneRequestWhileTheTrailIsIntact() {
        for (boolean lastSeen : new boolean[] { false, true }) {
            MutatingAscendingList list = new MutatingAscendingList(3);
            list.lastSeen = lastSeen;
            list.insert(400);
            AfterIdScan<Item> scan = scanOf(list, 20);
            Outcome caughtUp = drainAll(scan, Position.beginning(), new ArrayList<>());
            assertThat(caughtUp.position().trail()).hasSize(Position.TRAIL_LENGTH);

            int before = list.reads;
            Outcome idle = poll(scan, caughtUp.position(), new ArrayList<>());

            assertThat(idle.caughtUp()).isTrue();
            assertThat(idle.requests()).isEqualTo(1);
            assertThat(list.reads - before).isEqualTo(1);
            assertThat(idle.position()).isEqualTo(caughtUp.position());

            // and a poll with a few new items: one page, and one more to see the end again
            list.insert(5);
            List<Item> taken = new ArrayList<>();
            Outcome busy = poll(scan, idle.position(), taken);
            assertThat(taken).hasSize(5);
            assertThat(busy.caughtUp()).isTrue();
            assertThat(busy.requests()).isEqualTo(2);
        }
    }

    @Test
    void aDeletedAnchorIsReadAroundWhateverTheVendorAnswersForIt() {
        for (UnknownCursor unknown : UnknownCursor.values()) {
            for (int deleted = 1; deleted <= 2; deleted++) {
                MutatingAscendingList list = new MutatingAscendingList(5);
                list.unknownCursor = unknown;
                list.insert(200);
                AfterIdScan<Item> scan = scanOf(list, 10);
                Outcome caughtUp = drainAll(scan, Position.beginning(), new ArrayList<>());
                List<String> trail = caughtUp.position().trail();
                list.insert(7);
                List<Item> fresh = list.present().subList(list.present().size() - 7, list.present().size());
                // the item read after (refused, answered from the start or empty), and then the one after it too
                // (the page after the next older item then starts with the position's own rank: not settled)
                list.delete(trail.get(2));
                if (deleted == 2) {
                    list.delete(trail.get(3));
                }

                List<Item> taken = new ArrayList<>();
                Outcome outcome = poll(scan, caughtUp.position(), taken);

                assertThat(taken).as("%s, %d deleted", unknown, deleted).containsExactlyElementsOf(fresh);
                assertThat(outcome.caughtUp()).isTrue();
                // each deleted item costs a read after an older one; then the end is read once more
                assertThat(outcome.requests()).as("%s, %d deleted", unknown, deleted).isEqualTo(2 + deleted);
                assertThat(outcome.position().trail()).doesNotContainAnyElementsOf(trail.subList(4 - deleted, 4));
            }
        }
    }

    @Test
    void aTrailDeletedWholeFallsBackToTheListsStartAndNothingIsTakenTwice() {
        for (UnknownCursor unknown : UnknownCursor.values()) {
            MutatingAscendingList list = new MutatingAscendingList(6);
            list.unknownCursor = unknown;
            list.insert(300);
            AfterIdScan<Item> scan = scanOf(list, 10);
            Outcome caughtUp = drainAll(scan, Position.beginning(), new ArrayList<>());
            caughtUp.position().trail().forEach(list::delete);
            caughtUp.position().position().ids().forEach(list::delete);
            list.insert(4);
            List<Item> fresh = list.present().subList(list.present().size() - 4, list.present().size());

            List<Item> taken = new ArrayList<>();
            Outcome outcome = drainAll(scan, caughtUp.position(), taken);

            assertThat(taken).as("%s", unknown).containsExactlyElementsOf(fresh);
            int before = list.reads;
            assertThat(poll(scan, outcome.position(), new ArrayList<>()).requests()).isEqualTo(1);
            assertThat(list.reads - before).isEqualTo(1);
        }
    }

    @Test
    void anAnchorSeenAgainInLastSeenOrderIsANewSightingAndNothingBetweenIsSkipped() {
        MutatingAscendingList list = new MutatingAscendingList(7);
        list.lastSeen = true;
        list.insert(100);
        AfterIdScan<Item> scan = scanOf(list, 10);
        Outcome caughtUp = drainAll(scan, Position.beginning(), new ArrayList<>());
        List<String> trail = caughtUp.position().trail();
        list.insert(3);
        List<Item> fresh = new ArrayList<>(list.present().subList(list.present().size() - 3, list.present().size()));
        // the item read after moves to the end: reading after it now skips the three new items
        String anchor = trail.get(trail.size() - 2);
        list.move(anchor);
        Item moved = list.byId().get(anchor);
        fresh.add(moved);

        List<Item> taken = new ArrayList<>();
        Outcome outcome = drainAll(scan, caughtUp.position(), taken);

        assertThat(taken).containsExactlyElementsOf(fresh);
        assertThat(outcome.requests()).isLessThanOrEqualTo(4);
    }

    @Test
    void anItemNotTakenYetThatMovesIsTakenOnceAtItsNewPlace() {
        MutatingAscendingList list = new MutatingAscendingList(8);
        list.lastSeen = true;
        list.insert(50);
        AfterIdScan<Item> scan = scanOf(list, 10);
        List<Item> taken = new ArrayList<>();
        int[] left = { 20 };
        Outcome part = scan.scan(Position.beginning(), item -> {
        }, item -> left[0]-- > 0 && taken.add(item), Budget.unlimited());
        assertThat(taken).hasSize(20);
        String untaken = list.present().get(25).id();
        list.move(untaken);

        drainAll(scan, part.position(), taken);

        assertThat(taken).hasSize(50).extracting(Item::id).doesNotHaveDuplicates();
        assertThat(taken.get(49)).isEqualTo(list.byId().get(untaken));
        assertThat(taken).containsExactlyElementsOf(list.present());
    }

    @Test
    void aPositionStoredAsJsonResumesWhereItWas() throws Exception {
        MutatingAscendingList list = new MutatingAscendingList(9);
        list.tieChance = 0;
        list.insert(120);
        List<Item> taken = new ArrayList<>();
        int[] left = { 45 };
        Outcome part = scanOf(list, 10).scan(Position.beginning(), item -> {
        }, item -> left[0]-- > 0 && taken.add(item), Budget.unlimited());
        assertThat(taken).hasSize(45);

        String json = ChatbotJson.mapper().writeValueAsString(part.position());
        JsonNode tree = ChatbotJson.mapper().readTree(json);
        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrder("position", "trail");
        assertThat(tree.get("trail")).hasSize(Position.TRAIL_LENGTH);
        assertThat(tree.get("position").fieldNames()).toIterable().containsExactlyInAnyOrder("rank", "ids", "hint");
        Position restored = ChatbotJson.mapper().readValue(json, Position.class);
        assertThat(restored).isEqualTo(part.position());

        // a new scan, as after a restart: it reads after the stored trail, not from the start
        list.insert(5);
        List<String> cursors = new ArrayList<>();
        AfterIdScan<Item> restarted = new AfterIdScan<>(after -> {
            cursors.add(after);
            return list.read(after, 10);
        }, Item::rank, Item::id, 10);
        Outcome next = restarted.scan(restored, item -> {
        }, taken::add, Budget.unlimited());
        assertThat(next.caughtUp()).isTrue();
        assertThat(taken).containsExactlyElementsOf(list.present());
        assertThat(cursors.get(0)).isEqualTo(restored.trail().get(Position.TRAIL_LENGTH - 2));
        assertThat(cursors).doesNotContainNull();
        // 80 items, 8 new ones a page (a page starts with one settled item and the one taken last), and the end
        assertThat(next.requests()).isEqualTo(11);

        assertThat(ChatbotJson.mapper().readValue("{\"position\":{\"rank\":5,\"ids\":[\"a\"],\"hint\":-1}}",
                Position.class)).isEqualTo(new Position(new ScanPosition(5, List.of("a"), -1), List.of()));
        assertThat(new Position(null, List.of("a", "b", "c", "d", "e", "f")).trail()).containsExactly("c", "d", "e",
                "f");
    }

    @Test
    void aRankHoldingMoreThanAPageAtTheEndWaitsForANewerOneThenIsTakenWhole() {
        for (boolean lastSeen : new boolean[] { false, true }) {
            MutatingAscendingList list = new MutatingAscendingList(10);
            list.lastSeen = lastSeen;
            list.tieChance = 0;
            list.insert(30);
            long crowded = list.insertSharingOneRank(47);
            AfterIdScan<Item> scan = scanOf(list, 10);
            List<Item> taken = new ArrayList<>();
            Position position = Position.beginning();
            for (int poll = 0; poll < 5; poll++) {
                Outcome outcome = poll(scan, position, taken);
                position = outcome.position();
                assertThat(outcome.caughtUp()).isFalse();
                assertThat(outcome.requests()).isLessThan(20);
            }
            // the first page of that rank is taken (every item before it is); the rest waits, as more may come
            // listed among them
            assertThat(taken).hasSize(39).extracting(Item::id).doesNotHaveDuplicates();
            assertThat(taken.subList(30, 39)).allMatch(item -> item.rank() == crowded);

            list.insert(1);
            drainAll(scan, position, taken);

            assertThat(taken).containsExactlyElementsOf(list.present());
        }
    }

    @Test
    void aVendorListingNewestFirstIsToldSoAndNothingIsTakenFromIt() {
        MutatingAscendingList list = new MutatingAscendingList(12);
        list.tieChance = 0;
        list.insert(3);
        AfterIdScan<Item> scan = new AfterIdScan<>(after -> {
            // sort.order=desc by mistake: a page in the wrong order, which taken as it comes would pass the rest
            List<Item> page = new ArrayList<>(list.present());
            java.util.Collections.reverse(page);
            return page;
        }, Item::rank, Item::id, 10);
        List<Item> taken = new ArrayList<>();

        assertThatThrownBy(() -> scan.scan(Position.beginning(), item -> {
        }, taken::add, Budget.unlimited()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("id-2 (ranked " + list.present().get(2).rank() + ")")
                .hasMessageContaining("not once each in ascending rank order");
        assertThat(taken).isEmpty();
    }

    @Test
    void aVendorGoingOutOfOrderAfterItemsWereTakenEndsThatPollAndIsToldOnTheNext() {
        MutatingAscendingList list = new MutatingAscendingList(13);
        list.tieChance = 0;
        list.insert(30);
        AfterIdScan<Item> scan = new AfterIdScan<>(after -> {
            List<Item> page = new ArrayList<>(list.read(after, 10));
            if (after != null) {
                java.util.Collections.reverse(page);
            }
            return page;
        }, Item::rank, Item::id, 10);
        List<Item> taken = new ArrayList<>();

        Outcome first = scan.scan(Position.beginning(), item -> {
        }, taken::add, Budget.unlimited());

        // the first page, from the start, is in order and taken; its position is returned to be stored
        assertThat(first.caughtUp()).isFalse();
        assertThat(taken).containsExactlyElementsOf(list.present().subList(0, 10));
        assertThatThrownBy(() -> scan.scan(first.position(), item -> {
        }, taken::add, Budget.unlimited())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ascending rank order");
        assertThat(taken).hasSize(10);
    }

    @Test
    void aLargeBacklogIsWalkedAPageARequestAndItsOldestComesAtOnce() {
        MutatingAscendingList list = new MutatingAscendingList(11);
        list.tieChance = 0.3;
        list.insert(20_000);
        AfterIdScan<Item> scan = scanOf(list, 50);
        List<Item> first = new ArrayList<>();

        Outcome firstPoll = scan.scan(Position.beginning(), item -> {
        }, item -> first.isEmpty() && first.add(item), Budget.unlimited());

        assertThat(first).singleElement().isEqualTo(list.present().get(0));
        // the list's start, and once more to confirm it: nothing is settled yet
        assertThat(firstPoll.requests()).isEqualTo(2);

        List<Item> taken = new ArrayList<>(first);
        int before = list.reads;
        drainAll(scan, firstPoll.position(), taken);
        assertThat(taken).containsExactlyElementsOf(list.present());
        assertThat(list.reads - before).isLessThan(20_000 * 12 / 10 / 50);
    }
}
