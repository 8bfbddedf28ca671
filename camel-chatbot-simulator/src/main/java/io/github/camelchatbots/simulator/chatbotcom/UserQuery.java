package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The parameters of the list users request, already checked. */
record UserQuery(int limit, String after, SortField sortField, boolean descending, boolean matchAll,
        List<UserFilter> filters) {

    static final int MAX_LIMIT = 40;
    static final int MAX_FILTERS = 5;

    enum SortField {
        CREATED_AT("createdAt", user -> user.createdAt),
        LAST_SEEN("lastSeen", User::lastSeen);

        final String wireName;
        /** By the field, then by id, so that users with equal timestamps still have a fixed place for paging. */
        final Comparator<User> ascending;

        SortField(String wireName, Function<User, Instant> value) {
            this.wireName = wireName;
            this.ascending = Comparator.comparing(value).thenComparing(user -> user.id);
        }
    }

    UserQuery {
        filters = List.copyOf(filters);
    }

    boolean matches(User user) {
        if (filters.isEmpty()) {
            return true;
        }
        return matchAll ? filters.stream().allMatch(filter -> filter.matches(user))
                : filters.stream().anyMatch(filter -> filter.matches(user));
    }
}
