package io.github.camelchatbots.support.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.ChatbotEndpoint;
import io.github.camelchatbots.support.consumer.scan.Budget;
import io.github.camelchatbots.support.consumer.scan.ListScan;
import io.github.camelchatbots.support.consumer.scan.ScanOutcome;
import io.github.camelchatbots.support.consumer.scan.ScanPosition;
import io.github.camelchatbots.support.error.ChatbotException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each conversation once it has ended, with its messages: {@code ebbot:transcript},
 * {@code chatbotcom:chat}. The vendor's consumer says only how conversations are listed, how one is fetched,
 * whether it has finished, its last activity and its id; this class does the rest, once for every vendor:
 * <ul>
 * <li>Conversations are taken from the list oldest first (the scan loses none) into a waiting set kept in the
 * cursor, at most {@value #MAX_WAITING}, and leave it only once delivered (or gone from the vendor, with a WARN).</li>
 * <li>A waiting conversation is fetched only once it may have ended: the list or a fetch said it finished, or
 * {@code quietPeriod} has passed since its last known activity. A fetch that finds it still going is not repeated
 * before its last activity is a quiet period old, so an open conversation costs one request per quiet period, not
 * one per poll.</li>
 * <li>A conversation whose fetch or delivery fails is tried again with back-off while the others go on.</li>
 * <li>Delivering comes before discovering: when little of the rate limit is left, it goes to conversations known to
 * be due. An idle poll costs one request, the list's newest page.</li>
 * </ul>
 *
 * @param <L> the list's entries
 * @param <C> the conversation as fetched, delivered as (or in) the exchange's body
 */
public abstract class EndedConversationConsumer<L, C> extends CursorPollingConsumer<EndedConversationConsumer.Progress> {

    /** Conversations taken in and not delivered at most: bounds the cursor, whatever the backlog. */
    public static final int MAX_WAITING = 10 * ROUND_SIZE;

    private static final Logger LOG = LoggerFactory.getLogger(EndedConversationConsumer.class);

    /**
     * @param listed  how far the list has been taken in
     * @param waiting the conversations taken in and not yet delivered, oldest first
     */
    public record Progress(ScanPosition listed, List<Waiting> waiting) {

        public Progress {
            if (listed == null) {
                throw new IllegalArgumentException("no list position");
            }
            waiting = waiting == null ? List.of() : List.copyOf(waiting);
        }

        Progress change(String id, UnaryOperator<Waiting> change) {
            List<Waiting> changed = new ArrayList<>(waiting.size());
            for (Waiting conversation : waiting) {
                changed.add(conversation.id().equals(id) ? change.apply(conversation) : conversation);
            }
            return new Progress(listed, changed);
        }

        Progress without(String id) {
            List<Waiting> rest = new ArrayList<>(waiting);
            rest.removeIf(conversation -> conversation.id().equals(id));
            return new Progress(listed, rest);
        }

        Progress takenIn(long rank, Waiting conversation) {
            List<Waiting> more = new ArrayList<>(waiting);
            more.removeIf(other -> other.id().equals(conversation.id()));
            more.add(conversation);
            more.sort(Comparator.comparingLong(Waiting::rank).thenComparing(Waiting::id));
            return new Progress(listed.after(rank, conversation.id()), more);
        }

        long failing() {
            return waiting.stream().filter(conversation -> conversation.failures() > 0).count();
        }
    }

    /**
     * A conversation taken in and not yet delivered.
     *
     * @param lastActivity the latest sign of life known (epoch milliseconds), or null
     * @param finished     whether the vendor said it has finished
     * @param nextCheck    not fetched before this (epoch milliseconds)
     * @param failures     how often its fetch or delivery failed in a row
     * @param summary      what the vendor's consumer keeps of its list entry for the delivery (small), or null
     */
    public record Waiting(String id, long rank, Long lastActivity, boolean finished, long nextCheck, int failures,
                          JsonNode summary) {

        boolean mayHaveEnded(long quietSince) {
            return finished || lastActivity == null || lastActivity <= quietSince;
        }

        Waiting seenActive(Long activity, boolean finishedNow, long recheck) {
            return new Waiting(id, rank, latest(lastActivity, activity), finished || finishedNow, recheck, 0, summary);
        }

        Waiting failed(long retryAt) {
            return new Waiting(id, rank, lastActivity, finished, retryAt, failures + 1, summary);
        }
    }

    protected EndedConversationConsumer(ChatbotEndpoint<?> endpoint, Processor processor, String idHeader) {
        super(endpoint, processor, idHeader, Progress.class);
    }

    /** How the conversations are listed. */
    protected abstract ListScan<L> listScan();

    /** Where the entry sorts in the list: its creation time in epoch milliseconds, usually. */
    protected abstract long rank(L listed);

    protected abstract String id(L listed);

    /** The latest activity the list entry tells of, or null. */
    protected abstract Instant listedActivity(L listed);

    /** Whether the list entry says the conversation is over. */
    protected abstract boolean listedFinished(L listed);

    /** What to keep of the entry until delivery, small (the user's id, a status), or null. */
    protected JsonNode summary(L listed) {
        return null;
    }

    /**
     * The conversation with its messages.
     *
     * @throws ChatbotNotFoundException when the vendor no longer has it
     */
    protected abstract C fetch(String id) throws Exception;

    /** The conversation's latest activity (its newest message, usually), or null. */
    protected abstract Instant activity(C conversation);

    /** Whether the fetched conversation says it is over. */
    protected boolean finished(C conversation) {
        return false;
    }

    /** The exchange's body: the conversation, completed with what the summary kept of its list entry. */
    protected Object body(C conversation, JsonNode summary) {
        return conversation;
    }

    /** Further headers of the conversation's exchange (the id header is set already). */
    protected Map<String, Object> headers(C conversation, JsonNode summary) {
        return Map.of();
    }

    /** How long a conversation without a word must be quiet to count as ended. */
    protected abstract Duration quietPeriod();

    /** Where a first start begins taking in: as {@link ListItemConsumer#startPosition}. */
    protected ScanPosition startPosition(StartFrom startFrom, Instant firstStart) throws Exception {
        return startFrom.kind() == StartFrom.Kind.BEGINNING ? ScanPosition.beginning()
                : ScanPosition.before(startFrom.earliest(firstStart).toEpochMilli());
    }

    @Override
    protected Progress initialProgress(String partition, StartFrom startFrom, Instant firstStart) throws Exception {
        return new Progress(startPosition(startFrom, firstStart), List.of());
    }

    @Override
    protected void collect(Round round) throws Exception {
        Set<String> inRound = new HashSet<>();
        deliverDue(round, inRound);
        if (round.room() > 0 && round.progress().waiting().size() < MAX_WAITING
            && !round.failedItemsFull((int) round.progress().failing())) {
            takeIn(round);
            deliverDue(round, inRound);
        }
    }

    /** Fetches the waiting conversations that may have ended, oldest first, and adds those that have. */
    private void deliverDue(Round round, Set<String> inRound) throws Exception {
        Budget budget = round.budget();
        long now = System.currentTimeMillis();
        long quietSince = now - quietPeriod().toMillis();
        for (Waiting waiting : round.progress().waiting()) {
            if (round.room() <= 0) {
                return;
            }
            if (inRound.contains(waiting.id()) || waiting.nextCheck() > now || !waiting.mayHaveEnded(quietSince)) {
                continue;
            }
            if (!budget.mayRequest()) {
                return;
            }
            C conversation;
            try {
                conversation = fetch(waiting.id());
            } catch (ChatbotNotFoundException gone) {
                LOG.warn("Conversation {} was listed but the vendor no longer has it; it is not delivered",
                        waiting.id());
                round.update(progress -> progress.without(waiting.id()));
                continue;
            } catch (ChatbotException failed) {
                int failures = waiting.failures() + 1;
                round.update(progress -> progress.change(waiting.id(),
                        current -> current.failed(nextAttemptAfter(failures).toEpochMilli())));
                getExceptionHandler().handleException("Conversation " + waiting.id() + " could not be fetched; the"
                                                      + " others go on, and it is tried again with back-off",
                        failed);
                continue;
            }
            Instant activity = activity(conversation);
            Long lastActivity = latest(waiting.lastActivity(), activity == null ? null : activity.toEpochMilli());
            if (waiting.finished() || finished(conversation) || lastActivity == null || lastActivity <= quietSince) {
                inRound.add(waiting.id());
                round.add(delivery(conversation, waiting));
            } else {
                // still going: not worth another request before it could have gone quiet
                long recheck = lastActivity + quietPeriod().toMillis();
                round.update(progress -> progress.change(waiting.id(),
                        current -> current.seenActive(lastActivity, false, recheck)));
            }
        }
    }

    private Delivery<Progress> delivery(C conversation, Waiting waiting) {
        return new Delivery<>(body(conversation, waiting.summary()), waiting.id(),
                headers(conversation, waiting.summary()), progress -> progress.without(waiting.id()),
                progress -> waiting.failures() == 0 && failuresFull(progress)
                        ? null
                        : progress.change(waiting.id(),
                                current -> current.failed(nextAttemptAfter(current.failures() + 1).toEpochMilli())));
    }

    /** Whether no further failure can be remembered. */
    private boolean failuresFull(Progress progress) {
        return progress.failing() >= configuration().getMaxFailedItems();
    }

    /** Takes conversations in from the list, as many as the round has room for, and refreshes those it sees. */
    private void takeIn(Round round) {
        int[] takenIn = { 0 };
        int room = round.room();
        ScanOutcome outcome = listScan().scan(round.progress().listed(), listed -> refresh(round, listed),
                listed -> {
                    if (takenIn[0] >= room || round.progress().waiting().size() >= MAX_WAITING) {
                        return false;
                    }
                    Instant activity = listedActivity(listed);
                    Waiting waiting = new Waiting(id(listed), rank(listed),
                            activity == null ? null : activity.toEpochMilli(), listedFinished(listed), 0, 0,
                            summary(listed));
                    round.update(progress -> progress.takenIn(rank(listed), waiting));
                    takenIn[0]++;
                    return true;
                }, round.budget());
        round.update(progress -> new Progress(progress.listed().withHint(outcome.position().hint())
                .withTrail(outcome.position().trail()), progress.waiting()));
    }

    /** The newest list entry wins: its activity, whether it finished, and what the summary keeps of it. */
    private void refresh(Round round, L listed) {
        String id = id(listed);
        if (round.progress().waiting().stream().noneMatch(waiting -> waiting.id().equals(id))) {
            return;
        }
        Instant activity = listedActivity(listed);
        boolean finished = listedFinished(listed);
        JsonNode summary = summary(listed);
        round.update(progress -> progress.change(id, current -> {
            Long latest = latest(current.lastActivity(), activity == null ? null : activity.toEpochMilli());
            boolean news = finished && !current.finished() || !Objects.equals(latest, current.lastActivity());
            // news from the list: check again without waiting for the old appointment
            long nextCheck = news && current.failures() == 0 ? 0 : current.nextCheck();
            return new Waiting(current.id(), current.rank(), latest, current.finished() || finished, nextCheck,
                    current.failures(), summary != null ? summary : current.summary());
        }));
    }

    private static Long latest(Long first, Long second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : Math.max(first, second);
    }
}
