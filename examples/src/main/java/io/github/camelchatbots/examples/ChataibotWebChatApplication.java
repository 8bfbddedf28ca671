package io.github.camelchatbots.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.github.camelchatbots.component.chataibot.ChataibotConfiguration;
import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation;
import io.github.camelchatbots.simulator.chataibot.ReplyDelivery;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code chataibot-web-chat} routes (src/main/resources/routes/chataibot-web-chat.camel.yaml) with Camel
 * Main: a web chat page on {@code http://localhost:8080/chat} in front of a ChatAIBot bot, until stopped.
 * <p>
 * With {@code CHATAIBOT_ACCESS_TOKEN} and {@code CHATAIBOT_BOT_KEY} in the environment it talks to that bot. Without
 * the token it starts the embedded simulator's demo bot, which posts its replies to this application's replies
 * webhook, with a secret of this run's own.
 */
public final class ChataibotWebChatApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ChataibotWebChatApplication.class);

    static final long DEMO_SEED = 42;
    static final int DEFAULT_PORT = 8080;
    /** The demo's replies come by webhook unless {@code -Dchataibot.demo.replyDelivery=IN_ANSWER}. */
    static final String DEMO_REPLY_DELIVERY = "chataibot.demo.replyDelivery";

    private final Map<String, String> environment;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private volatile Main main;
    private ChatbotSimulator simulator;

    ChataibotWebChatApplication(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new ChataibotWebChatApplication(System.getenv()).run(args);
        } catch (Exception e) {
            LOG.error("chataibot-web-chat could not run: {}", e.getMessage(), e);
            exitCode = 1;
        }
        if (exitCode != 0) {
            // Camel Main may leave non-daemon threads behind when its start fails
            System.exit(exitCode);
        }
    }

    /** Sets a property over chataibot-web-chat.properties and the demo's settings, e.g. a test's port. */
    ChataibotWebChatApplication override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Runs until stopped ({@link #stop()}, Ctrl-C); returns Camel Main's exit code. */
    int run(String... args) throws Exception {
        Main camel = new Main();
        camel.setPropertyPlaceholderLocations("classpath:chataibot-web-chat.properties");
        String port = setting("camel.server.port", String.valueOf(DEFAULT_PORT));
        String token = environment.get("CHATAIBOT_ACCESS_TOKEN");
        String botKey = environment.get("CHATAIBOT_BOT_KEY");
        if (token == null || token.isBlank()) {
            simulator = ChatbotSimulator.startDemo(0, DEMO_SEED);
            ChataibotSimulation chataibot = simulator.chataibot();
            ReplyDelivery delivery = ReplyDelivery.valueOf(setting(DEMO_REPLY_DELIVERY, ReplyDelivery.CALLBACK.name()));
            chataibot.setReplyDelivery(delivery);
            String secret = UUID.randomUUID().toString();
            chataibot.registerCallback("http://127.0.0.1:" + port + setting("chataibot.webhookPath",
                    ChataibotConfiguration.DEFAULT_WEBHOOK_PATH), secret);
            LOG.info("No CHATAIBOT_ACCESS_TOKEN set: the page talks to the embedded simulator's demo bot at {}, which"
                     + " delivers its replies {}. Set CHATAIBOT_ACCESS_TOKEN and CHATAIBOT_BOT_KEY for a real bot.",
                     chataibot.baseUrl(), delivery == ReplyDelivery.IN_ANSWER ? "in the send-message answers"
                             : "to the replies webhook");
            camel.addOverrideProperty("chataibot.baseUrl", chataibot.baseUrl());
            camel.addOverrideProperty("chataibot.access-token", chataibot.accessToken());
            camel.addOverrideProperty("chataibot.botKey", ChataibotSimulation.DEMO_BOT_KEY);
            camel.addOverrideProperty("camel.component.chataibot.webhook-secret", "{{chataibot.webhook.secret}}");
            camel.addOverrideProperty("chataibot.webhook.secret", secret);
            // each simulator starts its conversations afresh (and numbers them alike): a file of an earlier run
            // would send a visitor into a conversation of someone else
            camel.addOverrideProperty("chataibot.conversationFile", "{{examples.targetDir:target}}"
                                                                    + "/chataibot-web-chat/demo-"
                                                                    + System.currentTimeMillis() + "/conversations");
        } else if (botKey == null || botKey.isBlank()) {
            LOG.error("CHATAIBOT_ACCESS_TOKEN is set but CHATAIBOT_BOT_KEY is not: set it to the bot_key of a bot"
                      + " built for the API channel (its trigger block shows it)");
            return 1;
        } else {
            // the token itself is never logged: logs travel further than environment variables
            LOG.info("CHATAIBOT_ACCESS_TOKEN set: the page talks to bot {} at {}", botKey,
                     environment.getOrDefault("CHATAIBOT_BASE_URL", ChataibotConfiguration.DEFAULT_BASE_URL));
        }
        overrides.forEach(camel::addOverrideProperty);
        LOG.info("The chat page will be on http://localhost:{}/chat", port);
        main = camel;
        try {
            return camel.run(args);
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /** Ends {@link #run(String...)}. */
    void stop() {
        Main running = main;
        if (running != null) {
            running.completed();
        }
    }

    /** The simulator of the demo, null against a real bot. */
    ChatbotSimulator simulator() {
        return simulator;
    }

    /** An override of this application, else a system property, else the default. */
    private String setting(String key, String defaultValue) {
        String value = overrides.getOrDefault(key, System.getProperty(key));
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
