package io.github.camelchatbots.conformance;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelchatbots.simulator.ChatbotSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedCamelContextMBean;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every secret option of every component stays out of what Camel prints: Camel Main's start-up summaries (of
 * component options and of property placeholders, whether the property is named after the option or set on the
 * component), the dev console's pages and the JMX route dumps with placeholders resolved, when the application is
 * configured as the component docs say (secrets as component options, from properties whose names Camel masks).
 * <p>
 * What Camel itself prints of a secret written into an endpoint URI (route dumps resolve placeholders and do not mask,
 * for Camel's own components too) and at DEBUG (its property resolver) is documented, not tested here.
 */
class SecretsWhereCamelPrintsTest {

    /** The property each secret option is configured from in the docs: the part after the last dot is one Camel masks. */
    private static final Map<String, String> DOCUMENTED_PROPERTY = Map.of(
            "ebbot.apiKey", "ebbot.api-key",
            "ebbot.webhookId", "ebbot.webhook.secret",
            "chatbotcom.accessToken", "chatbotcom.access-token",
            "chatbotcom.webhookVerifyToken", "chatbotcom.webhook-verify-token",
            "engati.apiKey", "engati.api-key",
            "konversation.apiKey", "konversation.api-key",
            "chataibot.accessToken", "chataibot.access-token",
            "chataibot.webhookSecret", "chataibot.webhook.secret");

    private static final Path LOG = Path.of("target/test-logs/conformance-tests.log");
    /** The layout of log4j2-test.xml: time, level, [thread], logger - message. */
    private static final Pattern LOG_LINE = Pattern.compile("\\S+ (\\w+)\\s+\\[[^]]*] (\\S+) - ");

    private static ChatbotSimulator simulator;

    @TempDir
    Path routes;

    @BeforeAll
    static void startSimulator() {
        simulator = ChatbotSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    /** scheme.option of every secret component option, each with a value of its own. */
    private static Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (ComponentsUnderTest.Found component : ComponentsUnderTest.all()) {
            CatalogFiles.catalog(component.scheme()).path("componentProperties").fields().forEachRemaining(option -> {
                if (option.getValue().path("secret").asBoolean()) {
                    // public.secret: the form of an Ebbot key, acceptable to every other secret option
                    secrets.put(component.scheme() + "." + option.getKey(), "S3CR3T"
                            + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "."
                            + UUID.randomUUID().toString().replace("-", ""));
                }
            });
        }
        return secrets;
    }

    @Test
    void everySecretOptionHasADocumentedPropertyName() {
        assertThat(DOCUMENTED_PROPERTY.keySet()).containsExactlyInAnyOrderElementsOf(secrets().keySet());
    }

    @Test
    void camelMainsSummariesMaskPropertiesNamedAfterSecretOptions() throws Exception {
        Map<String, String> secrets = secrets();
        Main main = new Main();
        List<String> values = new ArrayList<>();
        secrets.forEach((key, value) -> {
            String scheme = key.substring(0, key.indexOf('.'));
            String option = key.substring(key.indexOf('.') + 1);
            // as a user property, in both spellings, and as the component option itself
            main.addInitialProperty(scheme + "." + kebab(option), value + "-kebab");
            main.addInitialProperty(scheme + "." + option, value + "-camel");
            main.addInitialProperty("camel.component." + scheme + "." + kebab(option), value);
            values.addAll(List.of(value, value + "-kebab", value + "-camel"));
        });
        // a route that resolves the user properties, so that Camel Main's placeholder summary lists them
        Files.writeString(routes.resolve("uses-properties.camel.yaml"), """
                - route:
                    from:
                      uri: "timer:never?repeatCount=1&delay=3600000"
                      steps:
                        - setBody:
                            simple: "%s"
                """.formatted(String.join(" ", secrets.keySet().stream().flatMap(key -> {
            String scheme = key.substring(0, key.indexOf('.'));
            String option = key.substring(key.indexOf('.') + 1);
            return java.util.stream.Stream.of("{{" + scheme + "." + kebab(option) + "}}", "{{" + key + "}}");
        }).toList())));
        main.addInitialProperty("camel.main.routesIncludePattern", "file:" + routes + "/*.camel.yaml");
        long logStart = logLength();

        main.start();
        main.stop();

        String printed = printedSince(logStart);
        assertThat(printed).contains("Auto-configuration summary").contains("Property-placeholders summary");
        for (String key : secrets.keySet()) {
            assertThat(printed).contains(kebab(key.substring(key.indexOf('.') + 1)));
        }
        for (String secret : values) {
            assertThat(printed).doesNotContain(secret);
        }
    }

    @Test
    void nothingCamelPrintsHoldsASecretConfiguredAsTheDocsSay() throws Exception {
        Map<String, String> secrets = secrets();
        Main main = new Main();
        secrets.forEach((key, value) -> {
            String scheme = key.substring(0, key.indexOf('.'));
            String option = key.substring(key.indexOf('.') + 1);
            main.addInitialProperty(DOCUMENTED_PROPERTY.get(key), value);
            main.addInitialProperty("camel.component." + scheme + "." + kebab(option),
                    "{{" + DOCUMENTED_PROPERTY.get(key) + "}}");
        });
        // the simulator accepts these keys, so the routes really call it with them
        simulator.ebbot().addApiKey(secrets.get("ebbot.apiKey"));
        simulator.chatbotcom().addAccessToken(secrets.get("chatbotcom.accessToken"));
        simulator.chataibot().addAccessToken(secrets.get("chataibot.accessToken"));
        main.addInitialProperty("camel.component.ebbot.base-url", simulator.ebbot().baseUrl());
        main.addInitialProperty("camel.component.chatbotcom.base-url", simulator.chatbotcom().baseUrl());
        // Engati's keys have a form of their own, which the simulator checks: its route is started, never called
        main.addInitialProperty("camel.component.engati.base-url", simulator.engati().baseUrl());
        main.addInitialProperty("camel.component.engati.customer-id", Long.toString(simulator.engati().customerId()));
        main.addInitialProperty("camel.component.engati.bot-key", simulator.engati().botKey());
        main.addInitialProperty("camel.component.chataibot.base-url", simulator.chataibot().baseUrl());
        main.addInitialProperty("camel.main.devConsoleEnabled", "true");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(freePort()));
        Files.writeString(routes.resolve("routes.camel.yaml"), """
                - route:
                    id: ebbot-chats
                    from:
                      uri: ebbot:chats
                      parameters:
                        delay: 3600000
                      steps:
                        - to: "ebbot:sendMessage"
                - route:
                    id: chatbotcom-webhook
                    from:
                      uri: chatbotcom:webhook
                      parameters:
                        webhookPath: /hooks/chatbotcom
                      steps:
                        - to: "chatbotcom:users?limit=5"
                - route:
                    id: engati-leads
                    from:
                      uri: "timer:never?repeatCount=1&delay=3600000"
                      steps:
                        - to: "engati:users?attributeName=lead_status&attributeValue=qualified"
                - route:
                    id: chataibot-replies
                    from:
                      uri: chataibot:replies
                      parameters:
                        webhookPath: /hooks/chataibot
                      steps:
                        - to: "chataibot:sourceStatus?sourceIds=1"
                """);
        main.addInitialProperty("camel.main.routesIncludePattern", "file:" + routes + "/*.camel.yaml");
        long logStart = logLength();

        main.start();
        StringBuilder printed = new StringBuilder();
        try {
            CamelContext context = main.getCamelContext();
            DevConsoleRegistry consoles = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
            for (String page : List.of("properties", "route-dump", "route-structure", "endpoint", "route",
                    "main-configuration", "source")) {
                DevConsole console = consoles.resolveById(page);
                assertThat(console).as(page).isNotNull();
                printed.append(console.call(DevConsole.MediaType.TEXT)).append('\n');
                if (!page.equals("properties")) {
                    // the JSON of the properties page lists every value unmasked, Camel's own keys too (documented)
                    printed.append(console.call(DevConsole.MediaType.JSON)).append('\n');
                }
            }
            ManagedCamelContextMBean jmx = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                    .getManagedCamelContext();
            printed.append(jmx.dumpRoutesAsXml(true)).append(jmx.dumpRoutesAsYaml(true))
                    .append(jmx.dumpRoutesAsYaml(true, true));
            // a call that reaches the vendor, so that the key was really used
            assertThat(context.createProducerTemplate().requestBody("chatbotcom:users?limit=1", null, Object.class))
                    .isNotNull();
            assertThat(context.createProducerTemplate().requestBody("chataibot:sourceStatus?sourceIds=1", null,
                    Object.class)).isNotNull();
        } finally {
            main.stop();
        }
        printed.append(printedSince(logStart));

        assertThat(printed).contains("ebbot://chats").contains("/hooks/chatbotcom").contains("engati://users").contains("/hooks/chataibot")
                .contains("xxxxxx");
        for (String secret : secrets.values()) {
            assertThat(printed).doesNotContain(secret);
        }
    }

    /** What this test's loggers printed: ours at every level, Camel's at INFO and above (its DEBUG is documented). */
    private static String printedSince(long start) throws IOException {
        String log = Files.readString(LOG, StandardCharsets.UTF_8).substring((int) start);
        StringBuilder kept = new StringBuilder();
        for (String line : log.lines().toList()) {
            Matcher entry = LOG_LINE.matcher(line);
            // lines that are not log entries belong to the stack trace of the entry before
            boolean ours = !entry.lookingAt() || entry.group(2).startsWith("io.github.camelchatbots.");
            if (ours || !entry.group(1).equals("DEBUG") && !entry.group(1).equals("TRACE")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static long logLength() throws IOException {
        return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8).length() : 0;
    }

    private static String kebab(String option) {
        return option.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
