package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a list has been taken: every item ranked below {@code rank} (a time, usually epoch milliseconds), and the
 * items of {@code rank} itself named in {@code ids}. Naming the ids of the last rank tells apart items that share it,
 * whatever order the vendor gives them among each other, so that none is skipped or taken twice.
 *
 * @param rank the rank reached; {@link Long#MIN_VALUE} before anything
 * @param ids  the ids taken at {@code rank}
 * @param hint  where the list's newest item the position covers was last seen (an index from the list's newest
 *              end), or -1; only saves requests, never trusted
 * @param trail the ids of the last items taken, for scans that read after an id ({@link AfterIdScan}); only saves
 *              requests, never trusted
 */
public record ScanPosition(long rank, List<String> ids, int hint,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> trail) {

    public ScanPosition {
        ids = ids == null ? List.of() : List.copyOf(ids);
        trail = trail == null ? List.of() : List.copyOf(trail);
    }

    public ScanPosition(long rank, List<String> ids, int hint) {
        this(rank, ids, hint, List.of());
    }

    /** Before the first item of any list. */
    public static ScanPosition beginning() {
        return new ScanPosition(Long.MIN_VALUE, List.of(), -1);
    }

    /** Before every item ranked at or after {@code rank}: where a start from a given time begins. */
    public static ScanPosition before(long rank) {
        return new ScanPosition(rank, List.of(), -1);
    }

    @JsonIgnore
    public boolean isBeginning() {
        return rank == Long.MIN_VALUE && ids.isEmpty();
    }

    /** Whether the item has been taken. */
    public boolean covers(long itemRank, String itemId) {
        return itemRank < rank || itemRank == rank && ids.contains(itemId);
    }

    /** The position once the item, ranked at or after this one, has been taken too. */
    public ScanPosition after(long itemRank, String itemId) {
        if (itemRank < rank) {
            throw new IllegalArgumentException("item " + itemId + " ranks before the position " + this);
        }
        if (itemRank > rank) {
            return new ScanPosition(itemRank, List.of(itemId), hint, trail);
        }
        List<String> taken = new ArrayList<>(ids);
        if (!taken.contains(itemId)) {
            taken.add(itemId);
        }
        return new ScanPosition(rank, taken, hint, trail);
    }

    public ScanPosition withHint(int newHint) {
        return new ScanPosition(rank, ids, newHint, trail);
    }

    public ScanPosition withTrail(List<String> newTrail) {
        return new ScanPosition(rank, ids, hint, newTrail);
    }
}
