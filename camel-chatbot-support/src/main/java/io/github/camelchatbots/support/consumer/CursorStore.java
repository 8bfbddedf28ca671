package io.github.camelchatbots.support.consumer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.camelchatbots.support.ChatbotConfiguration;
import io.github.camelchatbots.support.consumer.cursor.CursorFileUnreadableException;
import io.github.camelchatbots.support.consumer.cursor.DurableFileStateRepository;
import io.github.camelchatbots.support.consumer.cursor.SharedStateFiles;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * One running consumer's hold on its cursor: the repository it lives in, the entries under its key (one per
 * partition), and the sole right to move them.
 * <ul>
 * <li>A cursor file is a {@link DurableFileStateRepository}, opened once per JVM however many consumers keep their
 * cursors in it and closed by the last of them; another JVM cannot open it at the same time.</li>
 * <li>A file that cannot be read stops the start, naming the file and the problem, and stays as it is; only
 * {@code unreadableCursor=beginning} or {@code now} moves it aside (with a WARN) for a fresh one.</li>
 * <li>Without a file or a repository bean, cursors live in the endpoint's memory repository, which outlives route
 * restarts.</li>
 * <li>Two running consumers moving one cursor would each skip what the other delivered, so a second claim on one
 * key in one repository is refused, before anything is opened.</li>
 * </ul>
 */
final class CursorStore {

    /** The keys claimed in each store: a file by its path, a repository by its identity, however it is named. */
    private static final Map<Object, Map<String, String>> CLAIMS = new HashMap<>();
    private final StateRepository<String, String> repository;
    private final String key;
    private final String owner;
    private final Path file;
    private final SharedStateFiles.Handle fileHandle;

    private CursorStore(StateRepository<String, String> repository, String key, String owner, Path file,
                        SharedStateFiles.Handle fileHandle) {
        this.repository = repository;
        this.key = key;
        this.owner = owner;
        this.file = file;
        this.fileHandle = fileHandle;
    }

    /**
     * Claims the cursor {@code key} for {@code owner} and opens the repository that keeps it.
     *
     * @param endpointMemory the endpoint's in-memory repository, used when no other is configured
     * @param startOver      whether an unreadable cursor file is moved aside rather than stopping the start
     * @throws CursorFileUnreadableException when the file cannot be read and {@code startOver} is false
     */
    static synchronized CursorStore open(ChatbotConfiguration configuration,
                                         StateRepository<String, String> endpointMemory, String key, String owner,
                                         boolean startOver) {
        if (key.isBlank()) {
            throw new IllegalArgumentException("cursorKey must not be blank");
        }
        Path file = configuration.getCursorFile() == null || configuration.getCursorFile().isBlank() ? null
                : Path.of(configuration.getCursorFile()).toAbsolutePath().normalize();
        Object store = storeOf(configuration.getCursorRepository() != null ? configuration.getCursorRepository()
                : endpointMemory, file);
        String holder = CLAIMS.getOrDefault(store, Map.of()).get(key);
        if (holder != null) {
            throw new IllegalStateException("The cursor '" + key + "' is already moved by the consumer of " + holder
                                            + "; give one of the two its own cursorKey");
        }
        StateRepository<String, String> repository;
        SharedStateFiles.Handle handle = null;
        if (file != null) {
            handle = SharedStateFiles.open(file, startOver);
            repository = handle.repository();
        } else {
            repository = configuration.getCursorRepository() != null
                    ? configuration.getCursorRepository() : endpointMemory;
            // a user's repository may be shared and already started; starting a started service does nothing
            ServiceHelper.startService(repository);
        }
        CLAIMS.computeIfAbsent(store, any -> new HashMap<>()).put(key, owner);
        return new CursorStore(repository, key, owner, file, handle);
    }

    /** A file by its path (its repository exists only while it is open), any other store by its identity. */
    private static Object storeOf(Object repository, Path file) {
        return file != null ? file : new Identity(repository);
    }

    private record Identity(Object target) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }

    /** Whether the cursor file could not be read and this open started a fresh one. */
    boolean startedOver() {
        return fileHandle != null && fileHandle.startedOver();
    }

    /** The key of a partition's entry: the cursor key itself for the only partition, else key/partition. */
    String keyOf(String partition) {
        return partition == null || partition.isEmpty() ? key : key + "/" + partition;
    }

    String key() {
        return key;
    }

    /** Where the cursor lives, as error messages name it. */
    String describe() {
        return file != null ? "the cursor file " + file
                : repository instanceof org.apache.camel.support.processor.state.MemoryStateRepository
                        ? "memory" : "the cursorRepository " + repository;
    }

    String load(String partition) {
        return repository.getState(keyOf(partition));
    }

    void save(String partition, String value) {
        repository.setState(keyOf(partition), value);
    }

    /** Keeps an entry that could not be read beside the fresh one, so that starting over destroys nothing. */
    void keepAside(String partition, String value, String suffix) {
        repository.setState(keyOf(partition) + "#" + suffix, value);
    }

    /** Writes what the repository holds back (a cursor file writes coalesced; other repositories at once). */
    void flush() {
        if (repository instanceof DurableFileStateRepository durable) {
            durable.flush();
        }
    }

    /** Gives up the claim; the last user of a cursor file closes it, which writes it out. */
    void close() {
        synchronized (CursorStore.class) {
            Object store = storeOf(repository, file);
            Map<String, String> claims = CLAIMS.get(store);
            if (claims != null && owner.equals(claims.get(key))) {
                claims.remove(key);
                if (claims.isEmpty()) {
                    CLAIMS.remove(store);
                }
            }
            if (fileHandle != null) {
                fileHandle.close();
            }
        }
    }
}
