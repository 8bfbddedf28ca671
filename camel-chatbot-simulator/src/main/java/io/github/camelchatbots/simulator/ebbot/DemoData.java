package io.github.camelchatbots.simulator.ebbot;

import io.github.camelchatbots.simulator.ebbot.DemoScripts.Line;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The seeded demo world: a week of support chats, the bot rules behind them and a webhook to talk to the bot. */
final class DemoData {

    private static final int CHATS = 25;
    private static final Duration RECENT = Duration.ofDays(1);

    private DemoData() {
    }

    /**
     * Chats from newest to oldest, a few hours apart, so they span about a week. Older chats are closed (Ebbot closes
     * idle chats); a recent one may still be going on and then stops mid-conversation.
     */
    static void seed(ChatStore chats, long seed, Instant until) {
        Random random = new Random(seed);
        Instant createdAt = until.minus(between(random, Duration.ofMinutes(20), Duration.ofMinutes(40)));
        for (int i = 0; i < CHATS; i++) {
            boolean recent = Duration.between(createdAt, until).compareTo(RECENT) < 0;
            boolean ongoing = i == 0 || recent && random.nextInt(3) > 0;
            String id = chats.open(createdAt, DemoScripts.visitorName(random), DemoScripts.uuid(random));
            Instant at = createdAt;
            for (Line line : conversation(random, ongoing)) {
                at = at.plus(pauseBefore(line.sender(), random));
                Message message = new Message(line.sender(), line.text(), at);
                chats.update(id, chat -> chat.withMessage(message));
            }
            if (!ongoing) {
                Instant closedAt = at.plus(between(random, Duration.ofMinutes(2), Duration.ofMinutes(10)));
                chats.update(id, chat -> chat.withStatus("closed", closedAt));
            }
            createdAt = createdAt.minus(between(random, Duration.ofHours(2), Duration.ofHours(11)));
        }
    }

    /** Bot rules matching the demo topics, so that messages sent to the demo webhook get sensible answers. */
    static void scriptAnswers(EbbotBot bot) {
        bot.script("human", "agenthandover", List.of("Sure! Let me connect you...",
                "All our agents are busy right now; please stay in the chat and someone will be with you shortly."));
        bot.script("opening hours", "openinghours",
                List.of("Our stores are open Monday-Friday 10-20, Saturday 10-18 and Sunday 11-17."));
        bot.script("return", "returns", List.of("You have 30 days' open purchase on all products.",
                "Start your return at example.com/returns and we'll email you a prepaid return label."));
        bot.script("delivery", "delivery",
                List.of("Home delivery usually takes 2-4 business days. Large items are delivered by appointment."));
        bot.script("order", "orderstatus", List.of("I can help you with your order! What is your order number?"));
        bot.script("hello", "greeting", List.of("Hi there!",
                "I'm Ebbie, Nordhem Home's virtual assistant. How can I help you today?"));
    }

    /** Stable for the seed so that a restarted demo keeps the webhook URL a client was configured with. */
    static String webhookId(long seed) {
        return UUID.nameUUIDFromBytes(("ebbot-demo-webhook:" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** How long before a line is sent: bots answer at once, people type, agents juggle several chats. */
    static Duration pauseBefore(String sender, Random random) {
        int millis = switch (sender) {
            case "user" -> 5_000 + random.nextInt(35_000);
            case "agent" -> 15_000 + random.nextInt(45_000);
            default -> 800 + random.nextInt(2_500);
        };
        return Duration.ofMillis(millis);
    }

    private static Duration between(Random random, Duration min, Duration max) {
        return min.plusMillis((long) (random.nextDouble() * max.minus(min).toMillis()));
    }

    private static List<Line> conversation(Random random, boolean ongoing) {
        List<Line> topic = DemoScripts.topic(random);
        List<Line> lines = new ArrayList<>(DemoScripts.GREETING);
        if (ongoing) {
            lines.addAll(topic.subList(0, DemoScripts.endOfTurn(topic, 1 + random.nextInt(topic.size()))));
            return lines;
        }
        lines.addAll(topic);
        if (random.nextBoolean()) {
            lines.add(new Line("user", "Thanks for the help!"));
            // An agent who took over the chat says goodbye, not the bot.
            String closer = topic.stream().anyMatch(line -> line.sender().equals("agent")) ? "agent" : "bot";
            lines.add(new Line(closer, "You're welcome! Have a great day."));
        }
        return lines;
    }
}
