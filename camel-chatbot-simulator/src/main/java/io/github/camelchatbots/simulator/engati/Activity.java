package io.github.camelchatbots.simulator.engati;

import io.github.camelchatbots.simulator.RequestLog;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.Broadcast;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.FlowTrigger;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TemplateSend;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What clients made the simulated Engati do (flows triggered, templates and broadcasts sent), for tests to assert
 * on. Each kind keeps only the newest {@link RequestLog#DEFAULT_CAPACITY}, like the request log, so that a long
 * benchmark does not grow memory without end.
 */
final class Activity {

    private final Deque<FlowTrigger> triggers = new ArrayDeque<>();
    private final Deque<TemplateSend> templates = new ArrayDeque<>();
    private final Deque<Broadcast> broadcasts = new ArrayDeque<>();

    synchronized void add(FlowTrigger trigger) {
        bounded(triggers, trigger);
    }

    synchronized void add(TemplateSend template) {
        bounded(templates, template);
    }

    synchronized void add(Broadcast broadcast) {
        bounded(broadcasts, broadcast);
    }

    synchronized List<FlowTrigger> triggers() {
        return List.copyOf(triggers);
    }

    synchronized List<TemplateSend> templates() {
        return List.copyOf(templates);
    }

    synchronized List<Broadcast> broadcasts() {
        return List.copyOf(broadcasts);
    }

    synchronized void clear() {
        triggers.clear();
        templates.clear();
        broadcasts.clear();
    }

    private static <T> void bounded(Deque<T> log, T item) {
        if (log.size() == RequestLog.DEFAULT_CAPACITY) {
            log.removeFirst();
        }
        log.addLast(item);
    }
}
