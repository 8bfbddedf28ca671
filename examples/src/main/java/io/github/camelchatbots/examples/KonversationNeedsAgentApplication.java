package io.github.camelchatbots.examples;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubscriberView;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code konversation-needs-agent} routes (src/main/resources/routes/konversation-needs-agent*.camel.yaml)
 * with Camel Main: every ChatBot.com or Ebbot user who asked for a human agent is tagged {@code needs-agent} in
 * konversation and sent the sub flow that hands them over.
 * <p>
 * Each platform is the real one when its keys are in the environment ({@code KONVERSATION_API_KEY} with
 * {@code KONVERSATION_BASE_URL}, {@code CHATBOTCOM_ACCESS_TOKEN}, {@code EBBOT_API_KEY}), otherwise the embedded
 * simulator with demo data; the sources read are the real ones when any is configured, otherwise both simulated. With
 * simulated sources the application stops by itself once nothing more arrives; with a real one it runs until stopped.
 */
public final class KonversationNeedsAgentApplication {

    private static final Logger LOG = LoggerFactory.getLogger(KonversationNeedsAgentApplication.class);

    static final String PROPERTIES = "classpath:konversation-needs-agent.properties";
    static final String ROUTES = "classpath:routes/konversation-needs-agent.camel.yaml";
    static final String CHATBOTCOM_ROUTE = "classpath:routes/konversation-needs-agent-from-chatbotcom.camel.yaml";
    static final String EBBOT_ROUTE = "classpath:routes/konversation-needs-agent-from-ebbot.camel.yaml";
    static final String TALLY_BEAN = "needsAgentTally";
    static final long DEMO_SEED = 42;
    /** Both demo sources deliver within their first polls; a few idle polls later the run is over. */
    static final String DEMO_MAX_IDLE_SECONDS = "6";
    static final String DEMO_POLL_DELAY = "2s";
    /** The demo's Ebbot chats cost one request each: more than Ebbot's 20 a minute, raised alike in both places. */
    static final int DEMO_EBBOT_RATE_LIMIT = 100;

    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Map<String, String> environment;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final List<String> demoHandovers = new ArrayList<>();
    private ChatbotSimulator simulator;
    private KonversationNeedsAgentTally tally;

    KonversationNeedsAgentApplication(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new KonversationNeedsAgentApplication(System.getenv()).run(args);
        } catch (Exception e) {
            LOG.error("konversation-needs-agent could not run: {}", e.getMessage(), e);
            exitCode = 1;
        }
        if (exitCode != 0) {
            // see EbbotArchiveApplication.main: a failed Camel Main start leaves a non-daemon thread behind
            System.exit(exitCode);
        }
    }

    /** Sets a property over the properties file and the demo's settings, e.g. a test's timeout. */
    KonversationNeedsAgentApplication override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Runs until Camel Main stops; returns its exit code. */
    int run(String... args) throws Exception {
        boolean realKonversation = isSet("KONVERSATION_API_KEY") || isSet("KONVERSATION_BASE_URL");
        if (realKonversation && !(isSet("KONVERSATION_API_KEY") && isSet("KONVERSATION_BASE_URL"))) {
            LOG.error("Set KONVERSATION_API_KEY and KONVERSATION_BASE_URL together: the key, and the workspace's"
                      + " konversation address followed by /api");
            return 1;
        }
        boolean realChatbotcom = isSet("CHATBOTCOM_ACCESS_TOKEN");
        boolean realEbbot = isSet("EBBOT_API_KEY");
        boolean demoSources = !realChatbotcom && !realEbbot;
        if (realKonversation && demoSources) {
            LOG.error("KONVERSATION_API_KEY is set but neither CHATBOTCOM_ACCESS_TOKEN nor EBBOT_API_KEY: the demo's"
                      + " users would be created and tagged in your konversation workspace. Set the key of a source"
                      + " too, or unset the konversation variables to run the demo");
            return 1;
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTIES);
        try {
            if (demoSources || !realKonversation) {
                simulator = ChatbotSimulator.startDemo(0, DEMO_SEED);
            }
            List<String> routes = new ArrayList<>(List.of(ROUTES));
            if (demoSources) {
                demoSources(main);
                routes.add(CHATBOTCOM_ROUTE);
                routes.add(EBBOT_ROUTE);
            } else {
                // the keys themselves are never logged: logs travel further than environment variables
                if (realChatbotcom) {
                    LOG.info("CHATBOTCOM_ACCESS_TOKEN set: reading the finished chats of that ChatBot.com account");
                    routes.add(CHATBOTCOM_ROUTE);
                }
                if (realEbbot) {
                    LOG.info("EBBOT_API_KEY set: reading the ended chats of that Ebbot account");
                    routes.add(EBBOT_ROUTE);
                }
            }
            if (realKonversation) {
                LOG.info("KONVERSATION_API_KEY set: tagging in the konversation workspace at {}",
                         environment.get("KONVERSATION_BASE_URL"));
            } else {
                KonversationSimulation konversation = simulator.konversation();
                LOG.info("No KONVERSATION_API_KEY set: tagging in the embedded konversation simulator at {}. Set"
                         + " KONVERSATION_API_KEY and KONVERSATION_BASE_URL to tag in your workspace.",
                         konversation.baseUrl());
                main.addOverrideProperty("konversation.baseUrl", konversation.baseUrl());
                main.addOverrideProperty("konversation.api-key", konversation.token());
            }
            main.addOverrideProperty("camel.main.routesIncludePattern", String.join(",", routes));
            overrides.forEach(main::addOverrideProperty);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeStop(BaseMainSupport stopping) {
                    // the route's beans leave the registry with the CamelContext
                    tally = stopping.getCamelContext().getRegistry().lookupByNameAndType(TALLY_BEAN,
                            KonversationNeedsAgentTally.class);
                }
            });
            int exitCode = main.run(args);
            if (tally != null) {
                LOG.info("Users who asked for a human agent:\n  {}", tally.summary());
            }
            return exitCode;
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /**
     * The simulated sources: the demo's Ebbot chats (some of whose users ask for a human agent, without leaving an
     * e-mail address), and three ChatBot.com users who ask for one, two new to konversation and one it knows by
     * e-mail address. A directory of its own for each run keeps the cursors from skipping this run's demo chats.
     */
    private void demoSources(Main main) {
        ChatbotcomSimulation chatbotcom = simulator.chatbotcom();
        EbbotSimulation ebbot = simulator.ebbot();
        List<Map<String, String>> people = new ArrayList<>(List.of(
                Map.of("default_name", "Maya Fischer", "default_email", "maya.fischer@example.com"),
                Map.of("default_name", "Tom Berg", "default_email", "tom.berg@example.com")));
        simulator.konversation().subscribers().stream()
                .filter(subscriber -> subscriber.email() != null && !subscriber.name().isBlank())
                .filter(subscriber -> subscriber.tags().stream().noneMatch(tag -> tag.name().equals("needs-agent")))
                .findFirst().map(KonversationNeedsAgentApplication::person).ifPresent(people::add);
        for (Map<String, String> person : people) {
            String userId = UUID.randomUUID().toString();
            chatbotcom.createUser(userId, person);
            chatbotcom.query(userId, "Hi");
            chatbotcom.query(userId, "My parcel never arrived. Can I talk to a real person, please?");
            demoHandovers.add(person.get("default_email"));
        }
        // their sessions end after ten quiet minutes, and ChatBot.com shows the chats finished
        chatbotcom.advanceTime(Duration.ofMinutes(11));
        ebbot.setRateLimit(DEMO_EBBOT_RATE_LIMIT, Duration.ofMinutes(1));
        LOG.info("No CHATBOTCOM_ACCESS_TOKEN or EBBOT_API_KEY set: reading the demo chats of the embedded ChatBot.com"
                 + " and Ebbot simulators, stopping after {} s without a new chat",
                 overrides.getOrDefault("camel.main.durationMaxIdleSeconds", DEMO_MAX_IDLE_SECONDS));
        main.addOverrideProperty("chatbotcom.baseUrl", chatbotcom.baseUrl());
        main.addOverrideProperty("chatbotcom.access-token", chatbotcom.accessToken());
        main.addOverrideProperty("chatbotcom.delay", DEMO_POLL_DELAY);
        main.addOverrideProperty("chatbotcom.quietPeriod", "5s");
        main.addOverrideProperty("ebbot.baseUrl", ebbot.baseUrl());
        main.addOverrideProperty("ebbot.api-key", ebbot.apiKey());
        main.addOverrideProperty("ebbot.delay", DEMO_POLL_DELAY);
        main.addOverrideProperty("ebbot.quietPeriod", "5s");
        main.addOverrideProperty("ebbot.rateLimit", String.valueOf(DEMO_EBBOT_RATE_LIMIT));
        main.addOverrideProperty("needsAgent.dataDir", "{{examples.targetDir:target}}/konversation-needs-agent/demo-"
                                                       + RUN_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                                                       + UUID.randomUUID().toString().substring(0, 8));
        main.addOverrideProperty("camel.main.durationMaxIdleSeconds", DEMO_MAX_IDLE_SECONDS);
    }

    private static Map<String, String> person(SubscriberView subscriber) {
        return Map.of("default_name", subscriber.name(), "default_email", subscriber.email());
    }

    /** The simulator of the last run, null when every platform was real. Its data stays readable after the run. */
    ChatbotSimulator simulator() {
        return simulator;
    }

    /** The e-mail addresses of the demo's ChatBot.com users who asked for a human agent. */
    List<String> demoHandovers() {
        return List.copyOf(demoHandovers);
    }

    KonversationNeedsAgentTally tally() {
        return tally;
    }

    private boolean isSet(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }
}
