package io.github.camelchatbots.support.consumer.cursor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cursors (how far a polling consumer's delivery got) in one local file that a crash at any instant leaves
 * readable, and that is never replaced when it cannot be read.
 * <p>
 * Why not Camel's {@code FileStateRepository}: it writes key, '=', value and a newline as separate writes and
 * rewrites the whole file in place, truncating it first. A kill -9 or a full disk leaves half a line or an empty
 * file; the next start fails with errors that do not name the file, then replaces it, and every cursor silently goes
 * back to the start: everything is delivered again. It also cannot hold '=' or a line break in a key.
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li><b>Whole writes only.</b> Every write puts the whole map into a temporary file in the same directory
 * ({@code <name>.<16 hex digits>.tmp}), forces it to disk, renames it over the file atomically and forces the
 * directory where the OS allows. The file is never truncated or written in place, so at any instant it holds one
 * complete write: a kill -9, a full disk or a failed write leaves the last complete one. After a power loss too, as
 * far as the OS and the disk honour fsync. Temporary files a crash left behind are deleted at the next successful
 * start.</li>
 * <li><b>Never ahead of delivery.</b> Writes are coalesced: {@link #setState} writes at once only if the last write
 * is at least {@link #setFlushInterval flushInterval} old (default 1 second; {@link Duration#ZERO} writes every
 * time; the first change after a start is written at once), and otherwise marks the store dirty; {@link #flush()},
 * which consumers call at the end of each poll, and {@link #stop()} write a dirty store. A crash therefore loses
 * the cursor moves made since the last write: at most a flushInterval's worth while moves keep coming, and those
 * since the last flush otherwise. Consumers move a cursor only after delivering, so what is lost is delivered again
 * (at-least-once, with the same id header, which an idempotent consumer drops); nothing is ever skipped.</li>
 * <li><b>Loud write failures.</b> A write that fails (disk full, permissions) throws an
 * {@link UncheckedIOException} naming the file; the file keeps its last complete write, no temporary file is left,
 * and the store stays dirty so that the next write retries.</li>
 * <li><b>No silent start-over.</b> A file that exists but cannot be read (empty, not UTF-8, not JSON, cut short, of
 * another shape or a newer version) fails {@link #start()} with a {@link CursorFileUnreadableException} naming the
 * file and the damage, and is left byte for byte as it was. A consumer told to start over calls
 * {@link #moveAside(Path)} and starts again. A missing file is a first start: no cursors.</li>
 * <li><b>One JVM at a time.</b> While started, the store holds an exclusive lock on a sidecar file
 * {@code <name>.lock} (the data file is replaced by each write, so it cannot carry the lock), and within one JVM a
 * registry refuses a second store on the same file before it opens the lock file: on Linux, closing any channel on
 * a locked file drops the whole JVM's lock on it. A second store on the same file fails to start with an
 * {@link IllegalStateException} saying the file is in use. The lock file is left in place at stop: deleting it
 * would let a store that had opened it just before lock the deleted file while a third creates and locks a new one,
 * and both would run. The OS releases the lock of a killed process.</li>
 * </ul>
 *
 * <h2>File format</h2>
 * UTF-8 JSON, keys sorted, pretty-printed so that an operator can read and restore it:
 * <pre>
 * {"format" : "camel-chatbots-cursors", "version" : 1, "cursors" : {"&lt;key&gt;" : "&lt;value&gt;", ...}}
 * </pre>
 * Keys and values are any strings (values are opaque here; consumers write small JSON documents). Characters beyond
 * the Basic Multilingual Plane, and lone surrogates, are written as <code>&#92;u</code> escapes: Jackson's option
 * to write them as UTF-8 merges a lone high surrogate with the next character. Reading is strict UTF-8 (a leading
 * byte order mark is tolerated), and a duplicate key or anything after the object is refused. Other top-level
 * fields are ignored on reading and not written back. A newer version is refused rather than misread.
 * <p>
 * The file is replaced on every write, so it has the permissions a new file gets in its directory, and a symbolic
 * link at its name is followed at start (the file it points to is replaced, not the link).
 * <p>
 * Thread-safe: every operation holds this object's monitor, a write included.
 */
@ManagedResource(description = "Crash-safe file based cursor repository")
public final class DurableFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The {@code "format"} of a cursor file. */
    public static final String FORMAT = "camel-chatbots-cursors";
    /** The file format version this class writes, and the newest it reads. */
    public static final int VERSION = 1;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(DurableFileStateRepository.class);

    /** Strict where the vendor mapper is tolerant: a cursor file that is not exactly right must not half-read. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectWriter WRITER = JSON.writerWithDefaultPrettyPrinter();
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Files locked by a store or {@link #moveAside} in this JVM, by real path. A second claim must be refused before
     * it opens the lock file: its channel's close would release this JVM's OS lock for every channel.
     */
    private static final Set<Path> LOCKED_HERE = new HashSet<>();

    private final Path file;
    private long flushIntervalNanos = DEFAULT_FLUSH_INTERVAL.toNanos();
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;

    // while started; guarded by this
    private final TreeMap<String, String> cursors = new TreeMap<>();
    private Path target;
    private Held lock;
    private boolean loaded;
    private boolean dirty;
    private boolean writtenSinceStart;
    private long lastWriteNanos;

    /** @param file the cursor file; relative paths are resolved against the working directory now */
    public DurableFileStateRepository(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        if (this.file.getFileName() == null) {
            throw new IllegalArgumentException("The cursor file must be a file, not " + this.file);
        }
    }

    /** A store of the cursors in {@code file}, not yet started. */
    public static DurableFileStateRepository durableFileStateRepository(Path file) {
        return new DurableFileStateRepository(file);
    }

    /** The cursor file, absolute, as configured (before following a symbolic link). */
    public Path getFile() {
        return file;
    }

    public synchronized Duration getFlushInterval() {
        return flushInterval;
    }

    /**
     * How old the last write must be for {@link #setState} to write at once; younger, it only marks the store
     * dirty. A crash loses at most this much of cursor moves, which consumers deliver again. {@link Duration#ZERO}
     * writes on every change, at the cost of two fsyncs each.
     */
    public synchronized void setFlushInterval(Duration flushInterval) {
        Objects.requireNonNull(flushInterval, "flushInterval");
        if (flushInterval.isNegative()) {
            throw new IllegalArgumentException("flushInterval must not be negative: " + flushInterval);
        }
        this.flushInterval = flushInterval;
        try {
            this.flushIntervalNanos = flushInterval.toNanos();
        } catch (ArithmeticException beyondThreeCenturies) {
            this.flushIntervalNanos = Long.MAX_VALUE;
        }
    }

    @Override
    @ManagedOperation(description = "The value of the given key")
    public synchronized String getState(String key) {
        requireStarted();
        return cursors.get(Objects.requireNonNull(key, "key"));
    }

    /**
     * Sets {@code key} to {@code value}, or removes it if {@code value} is null, and writes the file if the last
     * write is at least flushInterval old.
     *
     * @throws UncheckedIOException if that write fails; the new value is kept in memory and written by the next
     *                              write
     */
    @Override
    @ManagedOperation(description = "Sets the value of the given key (null removes it)")
    public synchronized void setState(String key, String value) {
        requireStarted();
        Objects.requireNonNull(key, "key");
        String old = value == null ? cursors.remove(key) : cursors.put(key, value);
        if (!Objects.equals(old, value)) {
            dirty = true;
        }
        if (dirty && (!writtenSinceStart || System.nanoTime() - lastWriteNanos >= flushIntervalNanos)) {
            write();
        }
    }

    /** Removes {@code key}; the same as {@code setState(key, null)}. */
    public void removeState(String key) {
        setState(key, null);
    }

    /** A sorted snapshot of the keys, for consumers that keep one cursor per partition under a key prefix. */
    public synchronized Set<String> keys() {
        requireStarted();
        return Collections.unmodifiableSortedSet(new TreeSet<>(cursors.keySet()));
    }

    /** Whether there are cursor moves not yet written. */
    @ManagedAttribute(description = "Whether there are changes not yet written to the file")
    public synchronized boolean isDirty() {
        return dirty;
    }

    /**
     * Writes the file if there are changes not yet written. Consumers call this at the end of each poll, so that a
     * quiet spell after a burst does not leave moves unwritten.
     *
     * @throws UncheckedIOException if the write fails; the store stays dirty
     */
    @ManagedOperation(description = "Writes changes not yet written to the file")
    public synchronized void flush() {
        if (loaded && dirty) {
            write();
        }
    }

    @Override
    protected void doStart() throws Exception {
        synchronized (this) {
            Files.createDirectories(file.getParent());
            Path real = resolve(file);
            Held held = Held.acquire(real, file);
            try {
                Map<String, String> read = read(real, file);
                deleteLeftoverTemporaryFiles(real);
                cursors.clear();
                cursors.putAll(read);
            } catch (RuntimeException | Error e) {
                // the file stays as it is: nothing was written, and the next start must not find it locked
                held.release();
                throw e;
            }
            target = real;
            lock = held;
            loaded = true;
            dirty = false;
            writtenSinceStart = false;
        }
    }

    /**
     * Writes what is not yet written and releases the file. If that write fails the exception propagates and the
     * unwritten moves are lost, as in a crash (they are delivered again); the lock is released regardless.
     */
    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            try {
                flush();
            } finally {
                loaded = false;
                dirty = false;
                cursors.clear();
                target = null;
                if (lock != null) {
                    lock.release();
                    lock = null;
                }
            }
        }
    }

    /**
     * Reads a cursor file without locking it, for tests and diagnostics: it may be read while a store in this or
     * another JVM is using it (every write replaces it whole, so a reader sees one complete write).
     *
     * @return the cursors, sorted; none if the file does not exist
     * @throws CursorFileUnreadableException if it exists but is not a readable cursor file
     * @throws UncheckedIOException          if reading it fails
     */
    public static SortedMap<String, String> readFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return Collections.unmodifiableSortedMap(read(absolute, absolute));
    }

    /**
     * Renames an unreadable cursor file to {@code <name>.unreadable-<yyyyMMdd'T'HHmmss'Z'>} (UTC; with
     * {@code -2}, {@code -3}... if taken), for a consumer configured to start over; the caller logs it. Holds the
     * file's lock meanwhile, so it fails as {@link #start()} does if a store is using the file.
     *
     * @return the file's new path
     * @throws IllegalStateException if the file is in use
     * @throws UncheckedIOException  if it does not exist or cannot be renamed
     */
    public static Path moveAside(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path real;
        try {
            real = resolve(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the cursor file " + absolute + " aside: " + describe(e), e);
        }
        Held held = Held.acquire(real, absolute);
        try {
            String stamp = ASIDE_STAMP.format(Instant.now());
            for (int n = 1;; n++) {
                Path aside = real.resolveSibling(real.getFileName() + ".unreadable-" + stamp + (n == 1 ? "" : "-" + n));
                try {
                    // no ATOMIC_MOVE: on Unix it replaces an existing target without a word, and the counter needs
                    // FileAlreadyExistsException
                    Files.move(real, aside);
                    forceDirectory(real.getParent());
                    return aside;
                } catch (FileAlreadyExistsException taken) {
                    // an earlier one from the same second: take the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the cursor file " + absolute + " aside: " + describe(e), e);
        } finally {
            held.release();
        }
    }

    @Override
    public String toString() {
        return "DurableFileStateRepository[" + file + "]";
    }

    private void requireStarted() {
        if (!loaded) {
            throw new IllegalStateException("The cursor repository of " + file + " is not started");
        }
    }

    /** Holds this. */
    private void write() {
        Path directory = target.getParent();
        Path temporary = directory.resolve(target.getFileName() + "."
                                           + String.format("%016x", ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            byte[] bytes = serialize(cursors);
            // CREATE_NEW: never write into a file someone else might also be writing
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // before the rename: otherwise a crash could leave the new name on data not yet on disk
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException notDeleted) {
                e.addSuppressed(notDeleted);
            }
            throw new UncheckedIOException("Could not write the cursor file " + file + ": " + describe(e)
                                           + "; it still holds its last complete write, and the next write retries",
                    e);
        }
        // the rename is on disk only once the directory is
        forceDirectory(directory);
        dirty = false;
        writtenSinceStart = true;
        lastWriteNanos = System.nanoTime();
    }

    private static byte[] serialize(Map<String, String> cursors) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("cursors", cursors);
        byte[] json = WRITER.writeValueAsBytes(root);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException refused) {
            // Windows cannot open a directory, and some file systems refuse to force one; there the rename is as
            // durable as the platform makes it, and the data itself was forced before the rename
        }
    }

    /**
     * The file every operation is on: the directory by its real path, so that two spellings of one file share one
     * lock, and a symbolic link at the name followed, so that a write replaces the file, not the link.
     */
    private static Path resolve(Path file) throws IOException {
        Path inRealDirectory = file.getParent().toRealPath().resolve(file.getFileName());
        return Files.isSymbolicLink(inRealDirectory) ? inRealDirectory.toRealPath() : inRealDirectory;
    }

    private static Pattern temporaryFileName(Path target) {
        return Pattern.compile(Pattern.quote(target.getFileName().toString()) + "\\.[0-9a-f]{16}\\.tmp");
    }

    private static void deleteLeftoverTemporaryFiles(Path target) {
        Pattern pattern = temporaryFileName(target);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(),
                path -> pattern.matcher(path.getFileName().toString()).matches())) {
            for (Path leftover : leftovers) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}, left by an interrupted write of the cursor file: {}", leftover,
                            describe(e));
                }
            }
        } catch (IOException e) {
            // they do no harm: only their space is lost
            LOG.warn("Could not look for files left by interrupted writes next to {}: {}", target, describe(e));
        }
    }

    /**
     * @param real  the file to read
     * @param named the file as the user named it, for messages
     */
    private static SortedMap<String, String> read(Path real, Path named) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(real);
        } catch (NoSuchFileException firstStart) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the cursor file " + named + ": " + describe(e), e);
        }
        return parse(named, bytes);
    }

    static SortedMap<String, String> parse(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new CursorFileUnreadableException(file, "is empty (0 bytes)", null);
        }
        String text = decodeUtf8(file, bytes);
        if (text.startsWith("\uFEFF")) {
            // an editor's byte order mark: harmless, and not worth failing a start over
            text = text.substring(1);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String problem = "is not JSON: " + describe(e);
            if (looksLikeKeyValueLines(text)) {
                problem += " (it looks like the key=value lines of Camel's FileStateRepository, which this store"
                           + " does not read)";
            }
            throw new CursorFileUnreadableException(file, problem, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new CursorFileUnreadableException(file, "is not JSON: it holds only white space", null);
        }
        if (!root.isObject()) {
            throw otherShape(file, "it is " + kind(root) + ", not an object");
        }
        JsonNode format = root.get("format");
        if (format == null) {
            throw otherShape(file, "it has no \"format\" field");
        }
        if (!FORMAT.equals(format.textValue())) {
            throw otherShape(file, "its \"format\" is " + format + ", not \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw otherShape(file, "it has no whole-number \"version\"");
        }
        if (version.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(VERSION)) > 0) {
            throw new CursorFileUnreadableException(file, "has format version " + version + ", newer than the "
                    + "version " + VERSION + " this camel-chatbots reads (run the version that wrote it)", null);
        }
        if (version.bigIntegerValue().signum() <= 0) {
            throw otherShape(file, "its \"version\" is " + version + ", which no camel-chatbots writes");
        }
        JsonNode entries = root.get("cursors");
        if (entries == null || !entries.isObject()) {
            throw otherShape(file, entries == null ? "it has no \"cursors\" field"
                    : "its \"cursors\" is " + kind(entries) + ", not an object");
        }
        TreeMap<String, String> cursors = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : entries.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new CursorFileUnreadableException(file, "holds a non-text value under key "
                        + quote(entry.getKey()) + " (" + kind(entry.getValue()) + ")", null);
            }
            cursors.put(entry.getKey(), entry.getValue().textValue());
        }
        return cursors;
    }

    private static CursorFileUnreadableException otherShape(Path file, String why) {
        return new CursorFileUnreadableException(file, "is JSON but not a camel-chatbots cursor file: " + why, null);
    }

    /** Strict, where new String(bytes, UTF_8) would put U+FFFD in a cursor and carry on. */
    private static String decodeUtf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new CursorFileUnreadableException(file, String.format("is not UTF-8 text: the byte 0x%02X at "
                    + "offset %d does not fit in a character", bytes[in.position()] & 0xFF, in.position()), null);
        }
        return out.flip().toString();
    }

    private static boolean looksLikeKeyValueLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).allMatch(line -> line.indexOf('=') > 0);
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        } else if (message.startsWith("Trailing token")) {
            message = "there is more after the end of its first JSON value";
        } else {
            message = message.lines().findFirst().orElse(message);
        }
        JsonLocation location = e.getLocation();
        return location == null ? message
                : message + " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String kind(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            case STRING:
                return "a string";
            default:
                return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A key as a JSON string, so that a line break or a quote in it cannot garble the message. */
    private static String quote(String key) {
        try {
            return JSON.writeValueAsString(key);
        } catch (JsonProcessingException impossible) {
            return "'" + key + "'";
        }
    }

    /** This JVM's exclusive hold on a cursor file, through its sidecar lock file. */
    private static final class Held {
        private final Path target;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Held(Path target, FileChannel channel, FileLock fileLock) {
            this.target = target;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        /**
         * @param target the real file
         * @param named  the file as the user named it, for messages
         */
        static Held acquire(Path target, Path named) {
            synchronized (LOCKED_HERE) {
                if (!LOCKED_HERE.add(target)) {
                    throw new IllegalStateException("The cursor file " + named + " is in use by another cursor "
                            + "repository in this JVM; a cursor file may be used by one repository at a time (share "
                            + "that one between consumers, each with its own key)");
                }
            }
            Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
            FileChannel channel = null;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock fileLock;
                try {
                    fileLock = channel.tryLock();
                } catch (OverlappingFileLockException lockedByOtherCodeHere) {
                    // something outside this class locked the lock file in this JVM; closing this channel below
                    // may drop that lock, which cannot be helped
                    fileLock = null;
                }
                if (fileLock == null) {
                    throw new IllegalStateException("The cursor file " + named + " is in use by another process; "
                            + "each consumer's cursor file may be used by one JVM at a time (share one across "
                            + "nodes with a cursorRepository bean instead)");
                }
                return new Held(target, channel, fileLock);
            } catch (IOException e) {
                forget(target, channel, e);
                throw new UncheckedIOException("Could not lock the cursor file " + named + " through " + lockFile
                                               + ": " + describe(e), e);
            } catch (RuntimeException | Error e) {
                forget(target, channel, e);
                throw e;
            }
        }

        private static void forget(Path target, FileChannel channel, Throwable failure) {
            closeQuietly(channel, failure);
            synchronized (LOCKED_HERE) {
                LOCKED_HERE.remove(target);
            }
        }

        void release() {
            try {
                // closing releases the lock too; release first all the same, so a failing close cannot keep it
                fileLock.release();
            } catch (IOException e) {
                LOG.debug("Releasing the lock of {} failed; closing its channel releases it", target, e);
            } finally {
                closeQuietly(channel, null);
                synchronized (LOCKED_HERE) {
                    LOCKED_HERE.remove(target);
                }
            }
        }

        private static void closeQuietly(FileChannel channel, Throwable failure) {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    LOG.debug("Closing a cursor lock file failed", e);
                }
            }
        }
    }
}
