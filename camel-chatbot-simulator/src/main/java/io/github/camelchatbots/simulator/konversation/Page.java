package io.github.camelchatbots.simulator.konversation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * One page of a Laravel paginator: the items of page {@code page} of size {@code perPage} among {@code total}
 * matches. Built in one pass over a source that is already in order, so no request sorts a store.
 */
record Page<T>(List<T> items, int page, int perPage, int total) {

    static <T> Page<T> of(Iterable<T> inOrder, Predicate<? super T> filter, int page, int perPage) {
        long first = (long) (page - 1) * perPage;
        List<T> items = new ArrayList<>();
        int total = 0;
        for (T item : inOrder) {
            if (filter.test(item)) {
                if (total >= first && items.size() < perPage) {
                    items.add(item);
                }
                total++;
            }
        }
        return new Page<>(items, page, perPage, total);
    }

    /** Laravel's last page is 1 even when there is nothing at all. */
    int lastPage() {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    /** 1-based position of the first item, {@code null} for an empty page. */
    Integer from() {
        return items.isEmpty() ? null : (page - 1) * perPage + 1;
    }

    Integer to() {
        return items.isEmpty() ? null : (page - 1) * perPage + items.size();
    }

    /** A list's items last to first, without copying it. */
    static <T> Iterable<T> backwards(List<T> list) {
        return () -> new Iterator<>() {
            private int next = list.size() - 1;

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public T next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                return list.get(next--);
            }
        };
    }
}
