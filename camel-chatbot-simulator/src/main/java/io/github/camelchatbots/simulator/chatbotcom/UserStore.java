package io.github.camelchatbots.simulator.chatbotcom;

import io.github.camelchatbots.simulator.chatbotcom.UserQuery.SortField;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The account's users and segments. Users are indexed in both list orders, so that a page is a walk from the
 * {@code after} user rather than a sort of them all; every change that moves a user in an index or can change what
 * a filter matches therefore goes through here. Not thread-safe: guarded by the {@link ChatbotcomPlatform} lock.
 */
final class UserStore {

    record Segment(String id, String name, Instant createdAt) {
    }

    /** One page of users and how many users match the filters in total. */
    record Page(List<User> users, int count) {
    }

    /**
     * How many users matched these filters when the store had seen {@code changes} changes: a client paging with
     * filters asks for the same count with every page, which would otherwise cost a walk over all users each time.
     */
    private record MatchCount(List<UserFilter> filters, boolean matchAll, long changes, int count) {
    }

    /** In the order they were added, which {@link #all()} keeps. */
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, User> byUserId = new HashMap<>();
    private final NavigableSet<User> byCreatedAt = new TreeSet<>(SortField.CREATED_AT.ascending);
    private final NavigableSet<User> byLastSeen = new TreeSet<>(SortField.LAST_SEEN.ascending);
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private final Map<String, Integer> segmentSizes = new HashMap<>();
    /** Users added or removed and attributes changed: what can change the number of users a filter matches. */
    private long changes;
    private MatchCount lastMatchCount;
    private long visited;

    User add(User user) {
        if (byUserId.containsKey(user.userId)) {
            throw ApiError.badRequest("userId '" + user.userId + "' already exists");
        }
        users.put(user.id, user);
        byUserId.put(user.userId, user);
        byCreatedAt.add(user);
        byLastSeen.add(user);
        changes++;
        return user;
    }

    void remove(User user) {
        users.remove(user.id);
        byUserId.remove(user.userId);
        byCreatedAt.remove(user);
        byLastSeen.remove(user);
        user.segmentIds().forEach(segmentId -> segmentSizes.merge(segmentId, -1, Integer::sum));
        changes++;
    }

    /** The user was active at {@code at}, which moves them in the lastSeen order. */
    void see(User user, Instant at) {
        // out and back in: the index finds a user by the lastSeen it was sorted under
        byLastSeen.remove(user);
        user.see(at);
        byLastSeen.add(user);
    }

    void mergeAttributes(User user, Map<String, String> changed) {
        user.mergeAttributes(changed);
        changes++;
    }

    void join(User user, String segmentId) {
        if (user.joinSegment(segmentId)) {
            segmentSizes.merge(segmentId, 1, Integer::sum);
        }
    }

    Optional<User> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    User get(String id) {
        return find(id).orElseThrow(() -> ApiError.notFound("user '" + id + "' not found"));
    }

    Optional<User> findByUserId(String userId) {
        return Optional.ofNullable(byUserId.get(userId));
    }

    /** Oldest first. */
    List<User> all() {
        return List.copyOf(users.values());
    }

    /**
     * The page starts right after the {@code after} user's place in the requested order, whether it matches or not.
     * Without filters it visits just the page's users; with filters it stops as soon as the page is full.
     */
    Page page(UserQuery query) {
        NavigableSet<User> order = query.sortField() == SortField.CREATED_AT ? byCreatedAt : byLastSeen;
        if (query.descending()) {
            order = order.descendingSet();
        }
        if (query.after() != null) {
            User after = find(query.after()).orElseThrow(() -> ApiError.badRequest(
                    "after must be the id of an existing user, was '" + query.after() + "'"));
            order = order.tailSet(after, false);
        }
        List<User> page = new ArrayList<>(query.limit());
        for (User user : order) {
            visited++;
            if (query.matches(user)) {
                page.add(user);
                if (page.size() == query.limit()) {
                    break;
                }
            }
        }
        return new Page(page, matchCount(query));
    }

    /** How many users list pages have stepped over, taken or counted, ever: what tests of the list's cost count. */
    long visited() {
        return visited;
    }

    Segment addSegment(Segment segment) {
        segments.put(segment.id(), segment);
        return segment;
    }

    Segment segment(String id) {
        Segment segment = segments.get(id);
        if (segment == null) {
            throw ApiError.badRequest("segments contains unknown segment id '" + id + "'");
        }
        return segment;
    }

    List<Segment> segments() {
        return List.copyOf(segments.values());
    }

    int members(String segmentId) {
        return segmentSizes.getOrDefault(segmentId, 0);
    }

    void clear() {
        users.clear();
        byUserId.clear();
        byCreatedAt.clear();
        byLastSeen.clear();
        segments.clear();
        segmentSizes.clear();
        changes++;
    }

    private int matchCount(UserQuery query) {
        if (query.filters().isEmpty()) {
            return users.size();
        }
        MatchCount known = lastMatchCount;
        if (known != null && known.changes() == changes && known.matchAll() == query.matchAll()
                && known.filters().equals(query.filters())) {
            return known.count();
        }
        int count = 0;
        for (User user : users.values()) {
            visited++;
            if (query.matches(user)) {
                count++;
            }
        }
        lastMatchCount = new MatchCount(query.filters(), query.matchAll(), changes, count);
        return count;
    }
}
