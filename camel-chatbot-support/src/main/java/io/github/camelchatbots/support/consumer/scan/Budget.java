package io.github.camelchatbots.support.consumer.scan;

/** Whether a scan may make one more request now: the account's rate limit and the poll's own bounds. */
@FunctionalInterface
public interface Budget {

    boolean mayRequest();

    static Budget unlimited() {
        return () -> true;
    }
}
