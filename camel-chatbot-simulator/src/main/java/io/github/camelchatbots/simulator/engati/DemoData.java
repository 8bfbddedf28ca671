package io.github.camelchatbots.simulator.engati;

import io.github.camelchatbots.simulator.engati.EngatiSimulation.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The seeded demo world: the WhatsApp bot of "Meltdown Creamery", an ice-cream brand in India. Its users have a
 * favourite flavour in {@code c1} (spelled {@code straberry} for strawberry, as in Engati's own curl sample), a
 * {@code lead_status} for bulk orders, a {@code feedback} rating and a {@code city}; they chatted over the last
 * three days; and a lead flow greets new leads.
 */
final class DemoData {

    /** The flow key of Engati's API trigger documentation. */
    static final String FLOW_KEY = "27055FA465AE4076BD2D41403A62B1B7";
    static final List<String> FLOW_MESSAGES = List.of(
            "Hi! Thanks for your interest in Meltdown Creamery.",
            "Reply with the flavour you would like to try and we'll send you a coupon.");

    private static final int USERS = 10;
    private static final Duration SPAN = Duration.ofDays(3);

    record Line(String sender, String text) {
    }

    private static final String[] FLAVOURS = {"straberry", "mango", "chocolate", "pista"};
    private static final String[] FIRST_NAMES = {"Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Sneha", "Arjun",
        "Kavya", "Rahul", "Meera", "Ishaan", "Divya"};
    private static final String[] LAST_NAMES = {"Sharma", "Nair", "Iyer", "Reddy", "Patel", "Gupta", "Menon",
        "Kulkarni", "Singh", "Das"};
    private static final String[] CITIES = {"Mumbai", "Bengaluru", "Pune", "Delhi", "Chennai", "Hyderabad"};
    private static final String[] AGENTS = {"Neha", "Sandeep", "Farah"};

    /** Conversations as {@code sender: text} lines; {@code {placeholders}} come from the user and the random. */
    private static final List<List<String>> EXCHANGES = List.of(
            List.of("user: Hi, where is my order {order}?",
                    "bot: Let me check order {order} for you.",
                    "bot: It is out for delivery and should reach you within 30 minutes."),
            List.of("user: Which flavours do you have today?",
                    "bot: Today we have Mango, Chocolate, Pista and our bestseller Strawberry.",
                    "user: I'll take {flavour} then",
                    "bot: Great choice! Tap here to order: https://order.example.in/{flavour}"),
            List.of("user: I want to order 200 cups for a wedding in {city}",
                    "bot: Lovely! Our events team handles bulk orders. Which date is the wedding?",
                    "user: {date}",
                    "bot: Thanks! Someone from our team will call you shortly."),
            List.of("bot: How would you rate your last order, from 1 to 5?",
                    "user: {feedback}",
                    "bot: Thank you for your feedback!"),
            List.of("user: The ice cream arrived melted",
                    "bot: So sorry about that! Connecting you to our support team...",
                    "agent: Hi, this is {agent}. I've refunded order {order}; the money reaches you in 3-5 days.",
                    "user: Thanks"));

    private DemoData() {
    }

    /** Users created on their first chat, two or three chats each over the span, every message before {@code until}. */
    static void seed(EngatiBot bot, long seed, Instant until) {
        Random random = new Random(seed);
        int flavourOffset = random.nextInt(FLAVOURS.length);
        for (int i = 0; i < USERS; i++) {
            Instant at = until.minus(SPAN).plus(between(random, Duration.ZERO, Duration.ofHours(6)));
            // Cycling through the flavours makes every c1 value match at least two users.
            Map<String, String> attributes = attributes(random, FLAVOURS[(i + flavourOffset) % FLAVOURS.length]);
            String channelUserId = phoneNumber(random);
            if (bot.user(channelUserId).isPresent()) {
                continue;
            }
            User user = bot.addUser(channelUserId, "whatsapp", name(random), attributes, at);
            int chats = 2 + random.nextInt(2);
            for (int chat = 0; chat < chats && at.isBefore(until.minus(Duration.ofHours(1))); chat++) {
                for (Line line : exchange(random, user)) {
                    at = at.plus(pauseBefore(line.sender(), random));
                    bot.addMessage(channelUserId, line.sender(), line.text(), at);
                }
                at = at.plus(between(random, Duration.ofHours(12), Duration.ofHours(28)));
            }
        }
        bot.registerFlow(FLOW_KEY, FLOW_MESSAGES.toArray(String[]::new));
    }

    static String name(Random random) {
        return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    }

    /** An Indian mobile number as WhatsApp's channel user id: 91, then ten digits starting with 6 to 9. */
    static String phoneNumber(Random random) {
        return "91" + (6 + random.nextInt(4)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
    }

    static Map<String, String> attributes(Random random, String flavour) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("c1", flavour);
        attributes.put("lead_status", random.nextBoolean() ? "new" : "qualified");
        attributes.put("feedback", Integer.toString(1 + random.nextInt(5)));
        attributes.put("city", CITIES[random.nextInt(CITIES.length)]);
        return attributes;
    }

    static String randomFlavour(Random random) {
        return FLAVOURS[random.nextInt(FLAVOURS.length)];
    }

    /** One of the exchanges, filled in for this user. */
    static List<Line> exchange(Random random, User user) {
        Map<String, String> values = Map.of(
                "order", "MC" + (10_000 + random.nextInt(90_000)),
                "flavour", user.attributes().getOrDefault("c1", "mango"),
                "city", user.attributes().getOrDefault("city", "Mumbai"),
                "feedback", user.attributes().getOrDefault("feedback", "5"),
                "date", (1 + random.nextInt(28)) + " " + List.of("March", "April", "May").get(random.nextInt(3)),
                "agent", AGENTS[random.nextInt(AGENTS.length)]);
        List<Line> lines = new ArrayList<>();
        for (String line : EXCHANGES.get(random.nextInt(EXCHANGES.size()))) {
            int colon = line.indexOf(": ");
            String text = line.substring(colon + 2);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{" + value.getKey() + "}", value.getValue());
            }
            lines.add(new Line(line.substring(0, colon), text));
        }
        return lines;
    }

    /** Bots answer at once, people type, agents juggle several chats. */
    private static Duration pauseBefore(String sender, Random random) {
        return switch (sender) {
            case "user" -> Duration.ofMillis(5_000 + random.nextInt(35_000));
            case "agent" -> Duration.ofMillis(15_000 + random.nextInt(45_000));
            default -> Duration.ofMillis(800 + random.nextInt(2_500));
        };
    }

    private static Duration between(Random random, Duration min, Duration max) {
        return min.plusMillis((long) (random.nextDouble() * max.minus(min).toMillis()));
    }
}
