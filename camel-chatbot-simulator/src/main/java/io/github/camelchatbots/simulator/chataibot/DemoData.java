package io.github.camelchatbots.simulator.chataibot;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Contact;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The seeded demo world of a web shop's support bot on ChatAIBot's API channel: the bot and its flow, a knowledge base
 * whose sources were processed long ago (one of them failed), and visitors' conversations over two days. The
 * conversations are real turns with the bot, written with the simulation clock pinned to the past, so timestamps and
 * replies agree.
 */
final class DemoData {

    static final String BOT_KEY = "sim-demo-support-bot";
    static final int KNOWLEDGE_BASE_ID = 876;
    static final String BOT_USER_EMAIL = "assistant@demo-shop.example";
    /** A scan without any text in it: the demo's failed source. */
    static final String FAILING_SOURCE = "brochure-scan.pdf";

    static final String GREETING = "Hello! I'm the Demo Shop assistant. How can I help you today?";
    static final String OPENING_HOURS = "We're open Monday to Friday 9:00-18:00 and Saturday 10:00-14:00 (CET).";
    static final List<String> PRICING = List.of("Our Basic plan is 19 EUR a month and Pro is 49 EUR a month.",
            "Paying yearly saves you two months. Would you like a link to the full price list?");
    static final String HANDOVER = "I'll pass you on to a colleague; someone will reply here within an hour.";
    static final String FALLBACK = "Sorry, I can only help with opening hours, pricing and our shop for now."
            + " Could you rephrase?";

    private static final int CONVERSATIONS = 8;
    private static final Duration SPAN = Duration.ofDays(2);

    /** What visitors say, a mix of lines the flow knows and lines that fall back. */
    static final List<List<String>> SCRIPTS = List.of(
            List.of("Hello", "What are your opening hours?", "Thanks!"),
            List.of("What does the Pro plan cost?", "Is there a discount if I pay yearly?"),
            List.of("Hi there", "Can I talk to a human?"),
            List.of("Are you open on Saturday?", "And what are your prices?", "ok bye"),
            List.of("Good morning", "Do you ship to Norway?"),
            List.of("pricing please", "Can I get an invoice for my company?", "I need an agent"));

    private static final String[] FIRST_NAMES = {"Emma", "Liam", "Olivia", "Noah", "Aarav", "Mia", "Elias", "Sofia",
        "Priya", "Hugo", "Alma", "Leon", "Ines", "Kenji", "Freya", "Jonas"};
    private static final String[] LAST_NAMES = {"Berg", "Novak", "Rossi", "Smith", "Sharma", "Jensen", "Kowalski",
        "Garcia", "Schmidt", "Tanaka", "Silva", "Murphy"};

    private DemoData() {
    }

    static void seed(ChataibotPlatform platform, SimulationClock clock, long seed, Instant until) {
        Random random = new Random(seed);
        clock.pin(until.minus(SPAN));
        try {
            deploy(platform, seed);
            uploadSources(platform, clock, random);
            for (int i = 0; i < CONVERSATIONS; i++) {
                // 8 conversations 3 to 5 hours apart, each a few minutes long: all within the two days.
                clock.advance(between(random, Duration.ofHours(3), Duration.ofHours(5)));
                List<String> lines = SCRIPTS.get(random.nextInt(SCRIPTS.size()));
                String conversationId = platform.start(BOT_KEY, visitorId(seed, i), contact(random), null,
                        lines.get(0), false).conversation().id();
                for (String line : lines.subList(1, lines.size())) {
                    clock.advance(between(random, Duration.ofSeconds(20), Duration.ofSeconds(90)));
                    platform.send(conversationId, line, false);
                }
            }
        } finally {
            clock.unpin();
        }
    }

    /**
     * The bot, its flow and the knowledge base, which the live demo also puts back after a reset. Specific rules come
     * before the greeting, so that "Hi, what does it cost?" is answered about the price.
     */
    static void deploy(ChataibotPlatform platform, long seed) {
        platform.registerBot(BOT_KEY, botUserId(seed), BOT_USER_EMAIL);
        for (String keyword : List.of("opening hours", "open")) {
            platform.scriptAnswer(BOT_KEY, keyword, List.of(OPENING_HOURS));
        }
        for (String keyword : List.of("pricing", "price", "prices", "cost", "plan")) {
            platform.scriptAnswer(BOT_KEY, keyword, PRICING);
        }
        for (String keyword : List.of("human", "agent")) {
            platform.scriptAnswer(BOT_KEY, keyword, List.of(HANDOVER));
        }
        for (String keyword : List.of("hello", "hi", "hey", "good morning")) {
            platform.scriptAnswer(BOT_KEY, keyword, List.of(GREETING));
        }
        platform.fallbackAnswer(BOT_KEY, List.of(FALLBACK));
        platform.registerKnowledgeBase(KNOWLEDGE_BASE_ID);
        platform.failSourcesNamed(FAILING_SOURCE);
    }

    private static void uploadSources(ChataibotPlatform platform, SimulationClock clock, Random random) {
        platform.upload(KNOWLEDGE_BASE_ID, "files", ChataibotPlatform.FILE, "faq.txt",
                "Q: When are you open?\nA: Monday to Friday 9:00-18:00, Saturday 10:00-14:00 CET.\n"
                        + "Q: Do you ship abroad?\nA: Within the EU, in 3 to 5 working days.\n");
        platform.upload(KNOWLEDGE_BASE_ID, "files", ChataibotPlatform.FILE, "price-list.csv",
                "plan,monthly,yearly\nBasic,19,190\nPro,49,490\n");
        clock.advance(between(random, Duration.ofMinutes(5), Duration.ofMinutes(30)));
        platform.upload(KNOWLEDGE_BASE_ID, "shipping-policy", ChataibotPlatform.TEXT, "shipping-policy",
                "We ship within the EU. Orders placed before 14:00 CET leave the warehouse the same day.");
        platform.upload(KNOWLEDGE_BASE_ID, "files", ChataibotPlatform.FILE, FAILING_SOURCE, "%PDF-1.4 (image only)");
    }

    private static Contact contact(Random random) {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        // Some visitors leave no phone number, as on a real widget's pre-chat form.
        String phone = random.nextInt(3) == 0 ? null : "+4670" + (1_000_000 + random.nextInt(9_000_000));
        return new Contact(first + " " + last, (first + "." + last).toLowerCase(Locale.ROOT) + "@example.com", phone);
    }

    /** Stable for the seed, and unique per visitor, as ChatAIBot asks of {@code user_external_id}. */
    static String visitorId(long seed, int index) {
        return uuid("chataibot-demo-visitor:" + seed + ":" + index);
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String botUserId(long seed) {
        return uuid("chataibot-demo-bot-user:" + seed).replace("-", "").substring(0, 24);
    }

    private static Duration between(Random random, Duration min, Duration max) {
        return min.plusMillis((long) (random.nextDouble() * max.minus(min).toMillis()));
    }
}
