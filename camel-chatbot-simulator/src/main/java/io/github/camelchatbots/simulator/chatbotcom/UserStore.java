package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's users and segments. Not thread-safe: guarded by the {@link ChatbotcomPlatform} lock. */
final class UserStore {

    record Segment(String id, String name, Instant createdAt) {
    }

    /** One page of users and how many users match the filters in total. */
    record Page(List<User> users, int count) {
    }

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, User> byUserId = new HashMap<>();
    private final Map<String, Segment> segments = new LinkedHashMap<>();

    User add(User user) {
        if (byUserId.containsKey(user.userId)) {
            throw ApiError.badRequest("userId '" + user.userId + "' already exists");
        }
        users.put(user.id, user);
        byUserId.put(user.userId, user);
        return user;
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

    /** The page starts right after the {@code after} user's place in the requested order, whether it matches or not. */
    Page page(UserQuery query) {
        Comparator<User> order = query.order();
        List<User> matching = users.values().stream().filter(query::matches).sorted(order).toList();
        if (query.after() == null) {
            return new Page(matching.stream().limit(query.limit()).toList(), matching.size());
        }
        User after = find(query.after()).orElseThrow(
                () -> ApiError.badRequest("after must be the id of an existing user, was '" + query.after() + "'"));
        List<User> page =
                matching.stream().filter(user -> order.compare(user, after) > 0).limit(query.limit()).toList();
        return new Page(page, matching.size());
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
        return (int) users.values().stream().filter(user -> user.inSegment(segmentId)).count();
    }

    void clear() {
        users.clear();
        byUserId.clear();
        segments.clear();
    }
}
