package io.github.camelchatbots.cluster;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.camelchatbots.support.http.RateLimiter;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limit of one vendor account shared by every node of a cluster: one Bucket4j bucket per account, kept in
 * a PostgreSQL table and taken under an advisory lock, so that the nodes together send no more than the vendor
 * allows. Give the same bean (same {@link #setBucketKey(String) bucket key}, same database) to every endpoint of the
 * account as its {@code rateLimiter}, on every node. Needs {@code com.bucket4j:bucket4j_jdk17-postgresql} and a
 * PostgreSQL driver on the classpath.
 * <p>
 * <b>What it holds.</b> At most {@code permits} requests are granted in any span of {@code window} plus
 * {@code windowMargin}, wherever the span starts: the vendor counts a sliding window, and a request over its limit
 * may simply never be answered (Ebbot lets it time out). A token bucket refilled in whole windows cannot promise
 * that: emptied just before a refill and again just after, it grants twice {@code permits} within moments. So the
 * bucket holds {@code burst} tokens (by default half the permits) and gains the rest of the window's permits evenly
 * over the window, {@code permits - burst + 1} per window: the most a window can see is the full bucket at its start
 * plus what arrives within it, which is {@code permits}. A larger burst lets a poller do more at once after a pause,
 * a smaller one lets a steady producer send more per window; burst and refill always add up to {@code permits + 1}.
 * <p>
 * <b>Why a margin.</b> A request is counted when it is granted, the vendor counts it when it arrives: after a
 * connection is leased and opened, and by the vendor's clock. Bucket4j also reads each node's own clock. The window
 * is therefore counted {@code windowMargin} longer than the vendor's (by default a twentieth of it, at least a
 * second), which keeps the vendor's count while a request takes less than that to arrive and the nodes' clocks agree
 * within it.
 * <p>
 * {@link #acquire()} waits for a token, interruptibly, re-reading the shared bucket at least every few seconds;
 * nothing is held for the request itself, so closing the permit does nothing. {@link #pauseFor(Duration)} (a
 * vendor's {@code Retry-After}) drives the bucket into debt by the tokens the pause would otherwise refill, which
 * holds back every node for at least that long.
 * <p>
 * The bucket key names the account in the table: any text that is the same on every node and differs between
 * accounts, such as {@code ebbot:acme-production}; {@link #accountKey(String, String, String)} derives one from the
 * vendor, its address and the credential without revealing the credential. The stored configuration follows the
 * latest node to start: when {@code permits}, {@code window}, {@code burst} or {@code windowMargin} change, the
 * bucket is reconfigured keeping its current tokens.
 */
public class Bucket4jRateLimiter extends ServiceSupport implements RateLimiter {

    /** The table name Bucket4j's own documentation uses. */
    public static final String DEFAULT_TABLE_NAME = "bucket";

    private static final Logger LOG = LoggerFactory.getLogger(Bucket4jRateLimiter.class);
    private static final Duration SMALLEST_DEFAULT_MARGIN = Duration.ofSeconds(1);
    private static final long DEFAULT_MARGIN_DIVISOR = 20;
    /** A waiting caller reads the bucket again at least this often, so a pause set meanwhile reaches it. */
    private static final long LONGEST_SLEEP_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Bucket4j counts time in milliseconds of the wall clock: a shorter sleep would only ask again too early. */
    private static final long SHORTEST_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Far beyond any vendor's Retry-After, and far from the bucket's arithmetic limits. */
    private static final Duration LONGEST_PAUSE = Duration.ofDays(7);
    private static final Permit NOTHING_TO_RELEASE = () -> {
    };

    /** How a waiting caller waits: a seam for tests that run the bucket on a clock of their own. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private DataSource dataSource;
    private String bucketKey;
    private int permits;
    private Duration window;
    private int burst;
    private Duration windowMargin;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTable = true;
    private TimeMeter clock;
    private Sleeper sleeper = TimeUnit.NANOSECONDS::sleep;
    private volatile BucketProxy bucket;

    /** For bean containers that set the options one by one: dataSource, bucketKey, permits and window are required. */
    public Bucket4jRateLimiter() {
    }

    /**
     * @param bucketKey the account's name in the table, the same on every node (see {@link #accountKey})
     * @param permits   requests the vendor allows per window
     * @param window    the vendor's window
     */
    public Bucket4jRateLimiter(DataSource dataSource, String bucketKey, int permits, Duration window) {
        setDataSource(dataSource);
        setBucketKey(bucketKey);
        setPermits(permits);
        setWindow(window);
    }

    /**
     * A bucket key for a vendor account, the same on every node for the same vendor, address and credential: the
     * vendor, the origin (scheme, host and port) and the first 16 hex digits of the credential's SHA-256, e.g.
     * {@code ebbot:https://v2.ebbot.app:443#3f2a...}.
     */
    public static String accountKey(String vendor, String baseUrl, String credential) {
        if (vendor == null || vendor.isBlank()) {
            throw new IllegalArgumentException("accountKey needs the vendor's name");
        }
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("accountKey needs an absolute base URL, not '" + baseUrl + "'");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String fingerprint = credential == null ? "anonymous"
                : HexFormat.of().formatHex(sha256(credential), 0, 8);
        return vendor.toLowerCase(Locale.ROOT) + ":" + scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
               + port + "#" + fingerprint;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** A PostgreSQL data source every node reaches. */
    public void setDataSource(DataSource dataSource) {
        requireUnused();
        this.dataSource = dataSource;
    }

    public String getBucketKey() {
        return bucketKey;
    }

    /** The account's name in the table, the same on every node and different for every account. */
    public void setBucketKey(String bucketKey) {
        requireUnused();
        this.bucketKey = bucketKey;
    }

    public int getPermits() {
        return permits;
    }

    /** Requests the vendor allows per {@link #setWindow(Duration) window}. */
    public void setPermits(int permits) {
        requireUnused();
        this.permits = permits;
    }

    public Duration getWindow() {
        return window;
    }

    /** The vendor's window, e.g. one minute for "20 requests a minute". */
    public void setWindow(Duration window) {
        requireUnused();
        this.window = window;
    }

    /** The tokens the bucket holds when full: how many requests may go back to back; half the permits by default. */
    public int getBurst() {
        return burst > 0 ? burst : (permits + 1) / 2;
    }

    /** From 1 to {@code permits}; the rest of a window's permits, plus one, refill evenly over the window. */
    public void setBurst(int burst) {
        requireUnused();
        this.burst = burst;
    }

    /** How much longer than the vendor's window the bucket counts: a twentieth of the window, at least 1 s, unless set. */
    public Duration getWindowMargin() {
        if (windowMargin != null) {
            return windowMargin;
        }
        if (window == null) {
            return SMALLEST_DEFAULT_MARGIN;
        }
        Duration share = window.dividedBy(DEFAULT_MARGIN_DIVISOR);
        return share.compareTo(SMALLEST_DEFAULT_MARGIN) > 0 ? share : SMALLEST_DEFAULT_MARGIN;
    }

    /** Zero or more: how long a granted request may take to reach the vendor, plus how far the nodes' clocks differ. */
    public void setWindowMargin(Duration windowMargin) {
        requireUnused();
        this.windowMargin = windowMargin;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table of buckets, {@value #DEFAULT_TABLE_NAME} by default; it may hold the buckets of many accounts. */
    public void setTableName(String tableName) {
        requireUnused();
        this.tableName = Tables.checkName(tableName, DEFAULT_TABLE_NAME);
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether the table is created when missing (default); off for database users without DDL rights. */
    public void setCreateTable(boolean createTable) {
        requireUnused();
        this.createTable = createTable;
    }

    /** Runs the bucket on another clock than the system's, for tests that must not wait for real windows. */
    void useClock(TimeMeter clock, Sleeper sleeper) {
        requireUnused();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The span in which at most {@code permits} requests are granted: the window and its margin. */
    public Duration getCountedWindow() {
        return window.plus(getWindowMargin());
    }

    @Override
    protected void doStart() throws Exception {
        // fail at start rather than at the first request when the database, the table or an option is wrong
        bucket();
    }

    @Override
    public Permit acquire() throws InterruptedException {
        BucketProxy tokens = bucket();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + this);
            }
            ConsumptionProbe probe;
            try {
                probe = tokens.tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException e) {
                // a pool interrupted while handing out a connection fails the call: the caller asked to stop waiting
                if (Thread.interrupted()) {
                    InterruptedException interrupted = new InterruptedException("interrupted while waiting for " + this);
                    interrupted.initCause(e);
                    throw interrupted;
                }
                throw e;
            }
            if (probe.isConsumed()) {
                return NOTHING_TO_RELEASE;
            }
            sleeper.sleep(Math.max(SHORTEST_SLEEP_NANOS, Math.min(probe.getNanosToWaitForRefill(), LONGEST_SLEEP_NANOS)));
        }
    }

    @Override
    public boolean hasBudget() {
        return bucket().estimateAbilityToConsume(1).canBeConsumed();
    }

    /**
     * Holds every node back for at least {@code pause}: the bucket is put into debt by what it holds now plus what
     * it would gain during the pause. Debt another node already put there counts, so nodes answered with the same
     * {@code Retry-After} at once mostly do not add up; when they do, the wait is longer, never shorter.
     */
    @Override
    public void pauseFor(Duration pause) {
        if (pause == null || pause.isNegative() || pause.isZero()) {
            return;
        }
        if (pause.compareTo(LONGEST_PAUSE) > 0) {
            pause = LONGEST_PAUSE;
        }
        BucketProxy tokens = bucket();
        long refilledDuringPause = (long) Math.ceil((double) pause.toNanos() * refillPerWindow()
                                                    / getCountedWindow().toNanos());
        long debt = refilledDuringPause + tokens.getAvailableTokens();
        if (debt > 0) {
            tokens.consumeIgnoringRateLimits(debt);
        }
    }

    private long refillPerWindow() {
        return (long) permits - getBurst() + 1;
    }

    private void requireUnused() {
        if (bucket != null) {
            throw new IllegalStateException(this + " is already in use; configure it before its first use");
        }
    }

    private BucketProxy bucket() {
        BucketProxy tokens = bucket;
        if (tokens == null) {
            synchronized (this) {
                tokens = bucket;
                if (tokens == null) {
                    tokens = connect();
                    bucket = tokens;
                }
            }
        }
        return tokens;
    }

    private BucketProxy connect() {
        BucketConfiguration wanted = checkedConfiguration();
        try (Connection connection = dataSource.getConnection()) {
            Tables.ensure(connection, tableName, "SELECT id, state FROM " + tableName + " WHERE 1 = 0",
                    "CREATE TABLE IF NOT EXISTS " + tableName + " (id VARCHAR PRIMARY KEY, state BYTEA)", createTable);
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot open the rate-limit table " + tableName + ": " + e.getMessage(), e);
        }
        Bucket4jPostgreSQL.PostgreSQLAdvisoryLockBasedProxyManagerBuilder<String> builder
                = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table(tableName)
                        .lockIdSupplier(this::advisoryLockId);
        if (clock != null) {
            builder.clientClock(clock);
        }
        ProxyManager<String> buckets = builder.build();
        BucketProxy tokens = buckets.builder().build(bucketKey, () -> wanted);
        Optional<BucketConfiguration> stored = buckets.getProxyConfiguration(bucketKey);
        if (stored.isPresent() && !stored.get().equals(wanted)) {
            // the options of the node started last hold; the tokens spent so far stay spent
            tokens.replaceConfiguration(wanted, TokensInheritanceStrategy.AS_IS);
            LOG.info("Rate-limit bucket {}: configuration changed from {} to {}", bucketKey, stored.get(), wanted);
        }
        return tokens;
    }

    private BucketConfiguration checkedConfiguration() {
        if (dataSource == null) {
            throw new IllegalStateException("Bucket4jRateLimiter needs a dataSource");
        }
        if (bucketKey == null || bucketKey.isBlank()) {
            throw new IllegalStateException("Bucket4jRateLimiter needs a bucketKey naming the vendor account");
        }
        if (permits < 1) {
            throw new IllegalStateException("Bucket4jRateLimiter " + bucketKey + ": permits must be at least 1, not "
                                            + permits);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalStateException("Bucket4jRateLimiter " + bucketKey + ": window must be positive, not "
                                            + window);
        }
        if (burst < 0 || burst > permits) {
            throw new IllegalStateException("Bucket4jRateLimiter " + bucketKey + ": burst must be from 1 to permits ("
                                            + permits + "), not " + burst);
        }
        if (windowMargin != null && windowMargin.isNegative()) {
            throw new IllegalStateException("Bucket4jRateLimiter " + bucketKey + ": windowMargin must not be negative");
        }
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(getBurst())
                        .refillGreedy(refillPerWindow(), getCountedWindow())
                        .build())
                .build();
    }

    /**
     * Bucket4j serialises a bucket's transactions with a PostgreSQL advisory lock; its default lock id, the key's
     * 32-bit hash, is shared by unrelated keys and by other applications' locks more often than 64 bits of a digest
     * of the table and the key.
     */
    private long advisoryLockId(String key) {
        return ByteBuffer.wrap(sha256(tableName + '\u0000' + key)).getLong();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "Bucket4jRateLimiter[" + bucketKey + ", " + permits + " per " + window
               + (window != null ? ", burst " + getBurst() + ", counted over " + getCountedWindow() : "") + "]";
    }
}
