package io.github.camelchatbots.examples;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelchatbots.component.chatbotcom.ChatbotcomConfiguration;
import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays archived Ebbot chats into ChatBot.com with the {@code ebbot-to-chatbotcom-replay} route
 * (src/main/resources/routes/ebbot-to-chatbotcom-replay.camel.yaml) and reports how many of the users' questions the
 * bot answered, then stops by itself.
 * <p>
 * The chats come from, in this order of precedence:
 * <ul>
 * <li>{@code -Dreplay.archiveDir=...}: that archive as it is, e.g. what the ebbot-archive example has collected;</li>
 * <li>{@code EBBOT_API_KEY}: the ebbot-archive route first brings {@code archive.dir} up to date with that account;</li>
 * <li>otherwise the embedded simulator's demo chats, archived into a new directory under {@code replay.reportDir}.</li>
 * </ul>
 * They go to the ChatBot.com account of {@code CHATBOTCOM_ACCESS_TOKEN}, or without it to the simulator's scripted
 * ChatBot.com bot.
 */
public final class EbbotToChatbotcomReplayApplication {

    private static final Logger LOG = LoggerFactory.getLogger(EbbotToChatbotcomReplayApplication.class);

    static final String ROUTES = "classpath:routes/ebbot-to-chatbotcom-replay.camel.yaml";
    /** The route's {@code beans} entry; the application reads it after the run for its exit code. */
    static final String TALLY_BEAN = "replayTally";

    /** The demo archive is complete after the first poll; waiting longer would only show the poll repeating. */
    static final String DEMO_ARCHIVE_MAX_IDLE_SECONDS = "3";
    /**
     * Archiving a real account may take several polls a minute apart (ebbot.delay) within Ebbot's 20 requests a
     * minute: only two minutes without a new chat mean that it has caught up.
     */
    static final String ARCHIVE_MAX_IDLE_SECONDS = "120";
    /**
     * The replay reads the archive once and writes the report as the last thing it does, and a ChatBot.com call in
     * progress does not count as idle: the first quiet moment after the report means it is done.
     */
    static final String REPLAY_MAX_IDLE_SECONDS = "2";

    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Map<String, String> environment;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private ChatbotSimulator simulator;
    private ReplayTally tally;

    EbbotToChatbotcomReplayApplication(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new EbbotToChatbotcomReplayApplication(System.getenv()).run(args);
        } catch (Exception e) {
            LOG.error("ebbot-to-chatbotcom could not run: {}", e.getMessage(), e);
            exitCode = 1;
        }
        if (exitCode != 0) {
            // see EbbotArchiveApplication.main: a failed Camel Main start leaves a non-daemon thread behind
            System.exit(exitCode);
        }
    }

    /** Sets a property over application.properties and the demo's settings, in both steps. */
    EbbotToChatbotcomReplayApplication override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Archives (unless told to replay an existing archive), replays, reports; returns the exit code. */
    int run(String... args) throws Exception {
        String existingArchive = setting("replay.archiveDir");
        boolean realEbbot = existingArchive == null && isSet("EBBOT_API_KEY");
        boolean realChatbotcom = isSet("CHATBOTCOM_ACCESS_TOKEN");
        try {
            if ((existingArchive == null && !realEbbot) || !realChatbotcom) {
                simulator = ChatbotSimulator.startDemo(0, EbbotArchiveApplication.DEMO_SEED);
            }
            Map<String, String> replaySettings = new LinkedHashMap<>();
            if (existingArchive != null) {
                LOG.info("Replaying the archive {} as it is", existingArchive);
            } else {
                int archived = archiveEbbotChats(realEbbot, replaySettings);
                if (archived != 0) {
                    LOG.error("Archiving the Ebbot chats failed (exit code {}): nothing replayed", archived);
                    return archived;
                }
            }
            return replay(realEbbot, realChatbotcom, replaySettings, args);
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /** The first step: the ebbot-archive route, run until it has archived everything that has ended. */
    private int archiveEbbotChats(boolean realEbbot, Map<String, String> replaySettings) throws Exception {
        EbbotArchiveApplication archiving = new EbbotArchiveApplication(environment, simulator);
        if (realEbbot) {
            LOG.info("EBBOT_API_KEY set: first archiving the chats of that Ebbot account that ended since the last run"
                     + " into archive.dir, stopping after {} s without new chats", ARCHIVE_MAX_IDLE_SECONDS);
            archiving.override("camel.main.durationMaxIdleSeconds", ARCHIVE_MAX_IDLE_SECONDS);
        } else {
            // A directory of its own for every demo run: the simulator's chats change with the hour, and the report
            // should count this run's chats only. It also keeps demo chats out of a real archive in archive.dir.
            String demoArchive = "{{replay.reportDir}}/demo-archive-"
                                 + RUN_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
            archiving.override("archive.dir", demoArchive);
            replaySettings.put("archive.dir", demoArchive);
            archiving.override("camel.main.durationMaxIdleSeconds", DEMO_ARCHIVE_MAX_IDLE_SECONDS);
        }
        overrides.forEach(archiving::override);
        return archiving.run();
    }

    /** The second step: the replay route, run until the report is written. */
    private int replay(boolean realEbbot, boolean realChatbotcom, Map<String, String> settings, String... args)
            throws Exception {
        Main main = new Main();
        main.addOverrideProperty("camel.main.name", "ebbot-to-chatbotcom");
        main.addOverrideProperty("camel.main.routesIncludePattern", ROUTES);
        main.addOverrideProperty("camel.main.durationMaxIdleSeconds", REPLAY_MAX_IDLE_SECONDS);
        settings.forEach(main::addOverrideProperty);
        if (realChatbotcom) {
            // the token itself is never logged: logs travel further than environment variables
            LOG.info("CHATBOTCOM_ACCESS_TOKEN set: replaying into that ChatBot.com account at {}. Every replayed chat"
                     + " becomes a conversation there, in its chat archive and its reports.",
                     environment.getOrDefault("CHATBOTCOM_BASE_URL", ChatbotcomConfiguration.DEFAULT_BASE_URL));
        } else {
            ChatbotcomSimulation chatbotcom = simulator.chatbotcom();
            LOG.info("No CHATBOTCOM_ACCESS_TOKEN set: replaying into the scripted bot of the embedded ChatBot.com"
                     + " simulator at {}. Set CHATBOTCOM_ACCESS_TOKEN to replay into your own bot.",
                     chatbotcom.baseUrl());
            if (realEbbot) {
                LOG.warn("Real Ebbot chats replayed into the simulator's bot show that the route works, not how your"
                         + " new bot would do: the simulator's bot knows a handful of questions only.");
            }
            main.addOverrideProperty("chatbotcom.baseUrl", chatbotcom.baseUrl());
            main.addOverrideProperty("chatbotcom.access-token", chatbotcom.accessToken());
        }
        overrides.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeStop(BaseMainSupport stopping) {
                // the route's beans leave the registry with the CamelContext
                tally = stopping.getCamelContext().getRegistry().lookupByNameAndType(TALLY_BEAN, ReplayTally.class);
            }
        });
        int exitCode = main.run(args);
        ReplayReport report = tally == null ? null : tally.report();
        if (exitCode != 0 || report == null) {
            return exitCode;
        }
        if (report.stoppedBecause() != null) {
            LOG.error("The replay stopped early, {} chats not attempted: see stoppedBecause in the report",
                      report.transcriptsNotAttempted());
            return 1;
        }
        if (report.transcriptsFailed() > 0) {
            LOG.error("{} chats could not be replayed: see failedTranscripts in the report", report.transcriptsFailed());
            return 1;
        }
        return 0;
    }

    /** The simulator of the last run, null when both platforms were real. Its data stays readable after the run. */
    ChatbotSimulator simulator() {
        return simulator;
    }

    /** The counts of the last run, as the report has them. */
    ReplayTally tally() {
        return tally;
    }

    /** A value given as a -D system property or an override: what the user chose, not application.properties. */
    private String setting(String key) {
        String value = System.getProperty(key, overrides.get(key));
        return value == null || value.isBlank() ? null : value;
    }

    private boolean isSet(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }
}
