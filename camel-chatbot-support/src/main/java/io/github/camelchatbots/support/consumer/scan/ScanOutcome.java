package io.github.camelchatbots.support.consumer.scan;

/**
 * Where a scan stopped.
 *
 * @param position  how far the list has been taken, to resume from
 * @param caughtUp  whether the newest item of the list has been taken: nothing more until it changes
 * @param requests  how many requests the scan made
 */
public record ScanOutcome(ScanPosition position, boolean caughtUp, int requests) {
}
