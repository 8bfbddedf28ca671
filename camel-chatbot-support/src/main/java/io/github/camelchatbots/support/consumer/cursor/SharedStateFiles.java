package io.github.camelchatbots.support.consumer.cursor;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DurableFileStateRepository} of each file, opened once per JVM however many endpoints keep state in it
 * (consumers' cursors, ChatAIBot's conversations) and closed by the last of them: a file holds one JVM's lock, so two
 * repositories on one file in one JVM would refuse each other.
 */
public final class SharedStateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStateFiles.class);
    private static final Map<Path, Shared> FILES = new HashMap<>();

    private SharedStateFiles() {
    }

    private static final class Shared {
        private final DurableFileStateRepository repository;
        private int users;
        /** The file could not be read and was moved aside: everything in it starts over. */
        private boolean movedAside;

        private Shared(DurableFileStateRepository repository) {
            this.repository = repository;
        }
    }

    /** One user's hold on a shared file. */
    public static final class Handle implements AutoCloseable {
        private final Path file;
        private final Shared shared;
        private boolean closed;

        private Handle(Path file, Shared shared) {
            this.file = file;
            this.shared = shared;
        }

        public DurableFileStateRepository repository() {
            return shared.repository;
        }

        public Path file() {
            return file;
        }

        /** Whether the file could not be read and a fresh one was started in its place. */
        public boolean startedOver() {
            return shared.movedAside;
        }

        /** Gives up the hold; the last one closes the file, which writes it out. */
        @Override
        public void close() {
            synchronized (SharedStateFiles.class) {
                if (closed) {
                    return;
                }
                closed = true;
                if (--shared.users == 0) {
                    FILES.remove(file);
                    ServiceHelper.stopService(shared.repository);
                }
            }
        }
    }

    /**
     * Opens the file, or joins those who have it open.
     *
     * @param startOver whether a file that cannot be read is moved aside (with a WARN) for a fresh one, rather than
     *                  failing
     * @throws CursorFileUnreadableException when the file cannot be read and {@code startOver} is false; the file
     *                                       is left as it is
     */
    public static synchronized Handle open(Path file, boolean startOver) {
        Path key = file.toAbsolutePath().normalize();
        Shared shared = FILES.get(key);
        if (shared == null) {
            DurableFileStateRepository repository = new DurableFileStateRepository(key);
            boolean movedAside = false;
            try {
                repository.start();
            } catch (CursorFileUnreadableException unreadable) {
                if (!startOver) {
                    throw unreadable;
                }
                Path aside = DurableFileStateRepository.moveAside(key);
                LOG.warn("The cursor file {} {}; starting over as unreadableCursor says, with the old file kept as {}",
                        key, unreadable.getProblem(), aside);
                repository = new DurableFileStateRepository(key);
                repository.start();
                movedAside = true;
            }
            shared = new Shared(repository);
            shared.movedAside = movedAside;
            FILES.put(key, shared);
        }
        shared.users++;
        return new Handle(key, shared);
    }
}
