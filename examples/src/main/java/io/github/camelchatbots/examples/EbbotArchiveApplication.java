package io.github.camelchatbots.examples;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelchatbots.component.ebbot.EbbotConfiguration;
import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code ebbot-archive} route (src/main/resources/routes/ebbot-archive.camel.yaml) with Camel Main.
 * <p>
 * With {@code EBBOT_API_KEY} in the environment it archives the chats of that Ebbot account (on
 * {@code EBBOT_BASE_URL}, default https://ebbot.eu) and runs until stopped. Without it, it starts the embedded
 * Ebbot simulator with demo chats, archives them and stops by itself once nothing more arrives.
 */
public final class EbbotArchiveApplication {

    private static final Logger LOG = LoggerFactory.getLogger(EbbotArchiveApplication.class);

    static final long DEMO_SEED = 42;

    /**
     * The demo has about 25 chats and each transcript costs one request: under Ebbot's 20 a minute the demo would
     * take over a minute. It raises the simulator's limit and the component's alike, so the route still runs under a
     * rate limit it respects. Against the real Ebbot the 20 from application.properties applies.
     */
    static final int DEMO_RATE_LIMIT = 100;

    /** The demo's ongoing chats went quiet minutes ago: a short quiet period archives them in the same run. */
    static final String DEMO_QUIET_PERIOD = "5s";
    static final String DEMO_POLL_DELAY = "5s";
    /** Long enough for a few polls that find nothing new, short enough for a demo. */
    static final String DEMO_MAX_IDLE_SECONDS = "10";

    private final Map<String, String> environment;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    /** Started by someone else, who also closes it: another example that goes on with the archived chats. */
    private final ChatbotSimulator sharedSimulator;
    private ChatbotSimulator simulator;

    EbbotArchiveApplication(Map<String, String> environment) {
        this(environment, null);
    }

    /** Without EBBOT_API_KEY, archives the demo chats of {@code sharedSimulator} instead of starting a simulator. */
    EbbotArchiveApplication(Map<String, String> environment, ChatbotSimulator sharedSimulator) {
        this.environment = environment;
        this.sharedSimulator = sharedSimulator;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new EbbotArchiveApplication(System.getenv()).run(args);
        } catch (Exception e) {
            LOG.error("ebbot-archive could not run: {}", e.getMessage(), e);
            exitCode = 1;
        }
        if (exitCode != 0) {
            // Camel Main 4.18 leaves the durationMaxIdleSeconds watchdog thread running when the start fails; only an
            // explicit exit ends the JVM (and mvn exec:java) instead of leaving it waiting for that thread forever
            System.exit(exitCode);
        }
    }

    /** Sets a property over application.properties and the demo's settings, e.g. a test's archive directory. */
    EbbotArchiveApplication override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Runs until Camel Main stops; returns its exit code. */
    int run(String... args) throws Exception {
        Main main = new Main();
        String apiKey = environment.get("EBBOT_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            simulator = sharedSimulator != null ? sharedSimulator : ChatbotSimulator.startDemo(0, DEMO_SEED);
            EbbotSimulation ebbot = simulator.ebbot();
            ebbot.setRateLimit(DEMO_RATE_LIMIT, Duration.ofMinutes(1));
            LOG.info("No EBBOT_API_KEY set: archiving the demo chats of the embedded Ebbot simulator at {}, stopping"
                     + " after {} s without new chats. Set EBBOT_API_KEY to archive a real Ebbot account.",
                     ebbot.baseUrl(), overrides.getOrDefault("camel.main.durationMaxIdleSeconds",
                             DEMO_MAX_IDLE_SECONDS));
            main.addOverrideProperty("ebbot.baseUrl", ebbot.baseUrl());
            main.addOverrideProperty("ebbot.api-key", ebbot.apiKey());
            main.addOverrideProperty("ebbot.rateLimit", String.valueOf(DEMO_RATE_LIMIT));
            main.addOverrideProperty("ebbot.quietPeriod", DEMO_QUIET_PERIOD);
            main.addOverrideProperty("ebbot.delay", DEMO_POLL_DELAY);
            main.addOverrideProperty("camel.main.durationMaxIdleSeconds", DEMO_MAX_IDLE_SECONDS);
        } else {
            // the key itself is never logged: logs travel further than environment variables
            LOG.info("EBBOT_API_KEY set: archiving that Ebbot account at {}",
                     environment.getOrDefault("EBBOT_BASE_URL", EbbotConfiguration.DEFAULT_BASE_URL));
        }
        overrides.forEach(main::addOverrideProperty);
        try {
            return main.run(args);
        } finally {
            if (simulator != null && simulator != sharedSimulator) {
                simulator.close();
            }
        }
    }

    /** The simulator of the last run, null against the real Ebbot. Its data stays readable after the run. */
    ChatbotSimulator simulator() {
        return simulator;
    }
}
