package io.github.camelchatbots.support.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest requests of one account, kept in a small file so that a JVM restarted within one rate-limit window
 * does not start with a full budget: the vendor still counts what the previous run sent.
 * <p>
 * The file is a ring of slots, each the start and end (epoch milliseconds) of one request; a request still in
 * flight has no end, and one found so after a restart was cut off by the crash and counts as having ended then.
 * Slots are written in place as requests start and end, without forcing them to disk: what a killed process wrote is
 * still in the operating system's cache, and a machine that crashed takes longer than a window to come back. The
 * ring needs only as many slots as the largest limit has permits: older requests cannot count.
 * <p>
 * The file is locked while a JVM uses it. Another process that finds it locked uses the same account at the same
 * time; it goes on without a ledger and says so, since only a limiter shared by both (a cluster-wide one) can then
 * keep the vendor's count.
 */
public final class RateLimitLedger implements AutoCloseable {

    private static final int MAGIC = 0x4343524C;
    private static final int HEADER = 8;
    private static final int SLOT = 16;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private int capacity;
    private int next;

    private RateLimitLedger(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Opens the ledger in the file, creating it when missing. Returns null when another process holds it.
     *
     * @throws UncheckedIOException when the file cannot be created or read
     */
    public static RateLimitLedger open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            RateLimitLedger ledger = new RateLimitLedger(file, channel, lock);
            ledger.readHeader();
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException("The rate-limit ledger " + file + " cannot be opened", e);
        }
    }

    public Path getFile() {
        return file;
    }

    private void readHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        if (channel.read(header, 0) == HEADER && header.getInt(0) == MAGIC) {
            int slots = header.getInt(4);
            long expected = HEADER + (long) slots * SLOT;
            capacity = slots > 0 && channel.size() >= expected ? slots : 0;
        }
        if (capacity == 0) {
            // new, or not a ledger this code wrote: it holds nothing to count
            channel.truncate(0);
            writeHeader(0);
        }
    }

    private void writeHeader(int slots) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(slots).flip();
        channel.write(header, 0);
    }

    /** Grows the ring to hold at least this many requests, keeping what it holds. */
    synchronized void ensureCapacity(int slots) {
        if (slots <= capacity) {
            return;
        }
        try {
            ByteBuffer empty = ByteBuffer.allocate(SLOT);
            for (int slot = capacity; slot < slots; slot++) {
                empty.clear();
                channel.write(empty, HEADER + (long) slot * SLOT);
            }
            next = capacity;
            capacity = slots;
            writeHeader(slots);
        } catch (IOException e) {
            throw new UncheckedIOException("The rate-limit ledger " + file + " cannot be written", e);
        }
    }

    /**
     * The end times of the recorded requests that are not older than the window could matter, as epoch
     * milliseconds; a request without an end counts as ending now.
     */
    synchronized List<Long> recordedEnds(long nowMillis) {
        List<Long> ends = new ArrayList<>();
        try {
            ByteBuffer slot = ByteBuffer.allocate(SLOT);
            for (int index = 0; index < capacity; index++) {
                slot.clear();
                if (channel.read(slot, HEADER + (long) index * SLOT) < SLOT) {
                    break;
                }
                long started = slot.getLong(0);
                long ended = slot.getLong(8);
                if (started > 0) {
                    ends.add(ended > 0 ? Math.min(ended, nowMillis) : nowMillis);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The rate-limit ledger " + file + " cannot be read", e);
        }
        return ends;
    }

    /** Records a request starting now; returns its slot. */
    synchronized int started() {
        int slot = next;
        next = (next + 1) % capacity;
        write(slot, System.currentTimeMillis(), 0);
        return slot;
    }

    /** Records that the request in the slot is over. */
    synchronized void ended(int slot) {
        if (slot < 0 || slot >= capacity) {
            return;
        }
        try {
            ByteBuffer end = ByteBuffer.allocate(8).putLong(System.currentTimeMillis()).flip();
            channel.write(end, HEADER + (long) slot * SLOT + 8);
        } catch (IOException e) {
            throw new UncheckedIOException("The rate-limit ledger " + file + " cannot be written", e);
        }
    }

    private void write(int slot, long started, long ended) {
        try {
            ByteBuffer record = ByteBuffer.allocate(SLOT).putLong(started).putLong(ended).flip();
            channel.write(record, HEADER + (long) slot * SLOT);
        } catch (IOException e) {
            throw new UncheckedIOException("The rate-limit ledger " + file + " cannot be written", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The rate-limit ledger " + file + " cannot be closed", e);
        }
    }
}
