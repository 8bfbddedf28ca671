package io.github.camelchatbots.support.consumer;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.github.camelchatbots.support.ChatbotConfiguration;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * One running consumer's hold on its cursor: the repository it lives in, and the sole right to move it.
 * <ul>
 * <li>A cursor file is opened once per JVM however many consumers keep their cursors in it, and closed by the last
 * of them: Camel's {@link FileStateRepository} rewrites the whole file from its own cache when it stops, so two
 * instances on one file would erase each other's cursors.</li>
 * <li>Without a file or a repository bean, cursors live in the endpoint's memory repository, which outlives route
 * restarts.</li>
 * <li>Two running consumers moving one cursor would each skip what the other delivered, so a second claim is
 * refused, before anything is opened.</li>
 * </ul>
 */
final class CursorStore {

    private static final Map<String, String> CLAIMS = new HashMap<>();
    private static final Map<String, SharedFile> FILES = new HashMap<>();

    private static final class SharedFile {
        private final FileStateRepository repository;
        private int users;

        private SharedFile(File file) {
            this.repository = FileStateRepository.fileStateRepository(file);
        }
    }

    private final StateRepository<String, String> repository;
    private final String key;
    private final String claim;
    private final String filePath;

    private CursorStore(StateRepository<String, String> repository, String key, String claim, String filePath) {
        this.repository = repository;
        this.key = key;
        this.claim = claim;
        this.filePath = filePath;
    }

    /**
     * Claims the cursor {@code key} for {@code owner} and opens the repository that keeps it.
     *
     * @param endpointMemory the endpoint's in-memory repository, used when no other is configured
     */
    static synchronized CursorStore open(ChatbotConfiguration configuration,
                                         StateRepository<String, String> endpointMemory, String key, String owner)
            throws IOException {
        if (key.contains("=") || key.contains("\n") || key.contains("\r")) {
            throw new IllegalArgumentException("cursorKey must not contain '=' or a line break: '" + key + "'");
        }
        String filePath = null;
        String store;
        if (configuration.getCursorRepository() != null) {
            store = "bean@" + System.identityHashCode(configuration.getCursorRepository());
        } else if (configuration.getCursorFile() != null) {
            filePath = new File(configuration.getCursorFile()).getCanonicalPath();
            store = "file:" + filePath;
        } else {
            store = "memory@" + System.identityHashCode(endpointMemory);
        }
        String claim = store + "|" + key;
        String holder = CLAIMS.get(claim);
        if (holder != null) {
            throw new IllegalStateException("The cursor '" + key + "' is already moved by the consumer of " + holder
                                            + "; give one of the two its own cursorKey");
        }
        StateRepository<String, String> repository;
        if (filePath != null) {
            SharedFile file = FILES.computeIfAbsent(filePath, path -> new SharedFile(new File(path)));
            if (file.users == 0) {
                ServiceHelper.startService(file.repository);
            }
            file.users++;
            repository = file.repository;
        } else {
            repository = configuration.getCursorRepository() != null
                    ? configuration.getCursorRepository() : endpointMemory;
            // a user's repository may be shared and already started; starting a started service does nothing
            ServiceHelper.startService(repository);
        }
        CLAIMS.put(claim, owner);
        return new CursorStore(repository, key, claim, filePath);
    }

    String load() {
        return repository.getState(key);
    }

    void save(String cursor) {
        repository.setState(key, cursor);
    }

    /** Gives up the claim; the last user of a cursor file closes it, which writes it out compactly. */
    void close() {
        synchronized (CursorStore.class) {
            CLAIMS.remove(claim);
            if (filePath != null) {
                SharedFile file = FILES.get(filePath);
                if (--file.users == 0) {
                    FILES.remove(filePath);
                    ServiceHelper.stopService(file.repository);
                }
            }
        }
    }
}
