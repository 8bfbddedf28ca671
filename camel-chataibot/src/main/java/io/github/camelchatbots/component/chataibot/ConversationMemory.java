package io.github.camelchatbots.component.chataibot;

import java.io.File;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Which conversation each visitor of a bot is in, kept in a Camel {@link StateRepository} so that a route never
 * tracks conversation ids itself: the first message of a visitor starts a conversation, the next ones continue it,
 * across restarts when the repository is a file or a bean of its own.
 * <ul>
 * <li>Two entries per conversation: {@code conversation:<bot key>:<visitor>} gives its id, and
 * {@code visitor:<conversation id>} gives back the bot key and the visitor, for the replies, which name only the
 * conversation. Every part of keys and values is percent-encoded, so that ids of any characters are stored safely
 * ('=' and line breaks would break a {@link FileStateRepository}).</li>
 * <li>One memory per repository in the JVM: a file is opened once however many endpoints and CamelContexts use it
 * (two {@link FileStateRepository} instances on one file would erase each other's entries), and a bean repository
 * shared by several components is one memory too. Without either, each component keeps its own in memory.</li>
 * <li>A reply that arrives before the answer to its conversation's start waits for that start, so that it is not
 * taken for the reply of an unknown conversation.</li>
 * <li>A visitor whose first messages arrive at once gets one conversation: the first of them starts it, the others
 * wait for it and then continue it. This holds within one JVM; nodes sharing a repository bean would each need the
 * bean's own locking to hold it across the cluster.</li>
 * </ul>
 */
final class ConversationMemory {

    private static final Map<String, Shared> FILES = new HashMap<>();
    private static final Map<StateRepository<String, String>, Shared> BEANS = new IdentityHashMap<>();

    /** A bot key and a visitor: whose a conversation is. */
    record Visitor(String botKey, String userExternalId) {
    }

    private static final class Shared {
        private final ConversationMemory memory;
        private int users;

        private Shared(ConversationMemory memory) {
            this.memory = memory;
        }
    }

    private final StateRepository<String, String> repository;
    private final String filePath;
    /** The conversation starts under way, by key: the first message of a visitor starts, later ones wait. */
    private final Map<String, CompletableFuture<String>> starting = new ConcurrentHashMap<>();
    /** Every start under way, until its conversation is remembered or it failed: replies may come before that. */
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

    private ConversationMemory(StateRepository<String, String> repository, String filePath) {
        this.repository = repository;
        this.filePath = filePath;
    }

    /**
     * The repository a {@code conversationFile} is kept in: the one place that decides how the file is written.
     */
    static StateRepository<String, String> fileRepository(File file) {
        return FileStateRepository.fileStateRepository(file);
    }

    /** A memory of its own for a component without a file or bean, open as long as the component. */
    static ConversationMemory inMemory(StateRepository<String, String> memory) {
        return new ConversationMemory(memory, null);
    }

    /** The memory of a conversation file, opened by its first user. */
    static synchronized ConversationMemory openFile(String path) throws IOException {
        String canonical = new File(path).getCanonicalPath();
        Shared shared = FILES.computeIfAbsent(canonical,
                file -> new Shared(new ConversationMemory(fileRepository(new File(file)), file)));
        if (shared.users == 0) {
            ServiceHelper.startService(shared.memory.repository);
        }
        shared.users++;
        return shared.memory;
    }

    /** The memory of a repository bean; the bean is started if it is a service, and never stopped by us. */
    static synchronized ConversationMemory openBean(StateRepository<String, String> bean) {
        Shared shared = BEANS.computeIfAbsent(bean, repository -> new Shared(new ConversationMemory(repository, null)));
        // a user's repository may be shared and already started; starting a started service does nothing
        ServiceHelper.startService(bean);
        shared.users++;
        return shared.memory;
    }

    /** Hands the memory back; the last user of a file closes it, which writes it out compactly. */
    void close() {
        synchronized (ConversationMemory.class) {
            if (filePath != null) {
                Shared shared = FILES.get(filePath);
                if (shared != null && --shared.users == 0) {
                    FILES.remove(filePath);
                    ServiceHelper.stopService(repository);
                }
            } else {
                Shared shared = BEANS.get(repository);
                if (shared != null && --shared.users == 0) {
                    BEANS.remove(repository);
                }
            }
        }
    }

    /** The visitor's conversation with the bot, null when none is remembered. */
    String conversationOf(String botKey, String userExternalId) {
        String stored = repository.getState(conversationKey(botKey, userExternalId));
        return stored == null ? null : decode(stored);
    }

    /**
     * Whose the conversation is, null when it is not remembered. ChatAIBot may post the replies to a conversation's
     * first message before its start answer has come back, so an unknown conversation waits for the starts under way,
     * up to {@code patience}, and is looked up again.
     */
    Visitor visitorOf(String conversationId, Duration patience) {
        Visitor visitor = visitorOf(conversationId);
        if (visitor != null || inFlight.isEmpty()) {
            return visitor;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        for (CompletableFuture<Void> start : List.copyOf(inFlight)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                start.get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                // failed or still going: the lookup below tells what is known
            }
        }
        return visitorOf(conversationId);
    }

    /** Whose the conversation is, null when it is not remembered. */
    Visitor visitorOf(String conversationId) {
        String value = repository.getState("visitor:" + encode(conversationId));
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        return colon < 0 ? null : new Visitor(decode(value.substring(0, colon)), decode(value.substring(colon + 1)));
    }

    /** Remembers the conversation as the visitor's current one with the bot. */
    void remember(String botKey, String userExternalId, String conversationId) {
        repository.setState("visitor:" + encode(conversationId), encode(botKey) + ":" + encode(userExternalId));
        repository.setState(conversationKey(botKey, userExternalId), encode(conversationId));
    }

    /**
     * Starts a conversation with {@code start}, which remembers it, and lets the replies that arrive meanwhile wait for
     * it (see {@link #visitorOf(String, Duration)}).
     */
    <T> T starting(Supplier<T> start) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight.add(done);
        try {
            return start.get();
        } finally {
            inFlight.remove(done);
            done.complete(null);
        }
    }

    /**
     * The visitor's conversation: the remembered one unless it is {@code stale}, else one {@code start} opens and
     * that is then remembered. Of concurrent callers for one visitor only one starts; the others get its
     * conversation, or, when its start failed, try themselves.
     *
     * @param stale a conversation id known not to work any more (ChatAIBot no longer knows it), or null
     * @param start opens a conversation and returns its id; it is called at most once per call of this method
     * @return the conversation id, and whether this call started it
     */
    Resolved resolve(String botKey, String userExternalId, String stale, Supplier<String> start) {
        String key = conversationKey(botKey, userExternalId);
        while (true) {
            String known = conversationOf(botKey, userExternalId);
            if (known != null && !known.equals(stale)) {
                return new Resolved(known, false);
            }
            CompletableFuture<String> mine = new CompletableFuture<>();
            CompletableFuture<String> other = starting.putIfAbsent(key, mine);
            if (other != null) {
                try {
                    return new Resolved(other.join(), false);
                } catch (CompletionException | CancellationException failed) {
                    // its start failed: the loop tries again, and this caller may start it
                    continue;
                }
            }
            try {
                // checked again: another caller may have finished its start between the read and the claim
                known = conversationOf(botKey, userExternalId);
                if (known != null && !known.equals(stale)) {
                    mine.complete(known);
                    return new Resolved(known, false);
                }
                String started = starting(() -> {
                    String id = start.get();
                    remember(botKey, userExternalId, id);
                    return id;
                });
                mine.complete(started);
                return new Resolved(started, true);
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                starting.remove(key, mine);
            }
        }
    }

    /** @param started whether this call started the conversation */
    record Resolved(String conversationId, boolean started) {
    }

    private static String conversationKey(String botKey, String userExternalId) {
        return "conversation:" + encode(botKey) + ":" + encode(userExternalId);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
