package io.github.camelchatbots.simulator.chatbotcom;

import io.github.camelchatbots.simulator.chatbotcom.QueryRequest.Kind;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The seeded demo world of a web shop's support bot: users signing up over three days, some of them chatting with
 * the default story. The chats are real queries, replayed with the simulation clock pinned to the past, so archives,
 * users' conversations and lastSeen all agree with each other.
 */
final class DemoData {

    private static final int USERS = 20;
    private static final int CHATS = 15;
    private static final Duration SPAN = Duration.ofDays(3);

    /** Lines a visitor sends; {@code #name} is a trigger, the rest are typed. A mix of matches and fallbacks. */
    static final List<List<String>> CONVERSATIONS = List.of(
            List.of("#welcome", "hello", "what are your opening hours"),
            List.of("#welcome", "I want a refund", "my order number is {order}"),
            List.of("good morning", "when are you open", "thanks, bye!"),
            List.of("refund my order", "order number {order}"),
            List.of("Do you ship to {country}?", "hi", "opening hours"),
            List.of("#welcome", "can I pay with PayPal?", "I want a refund", "my order number is {order}"),
            List.of("hi", "Is there a discount for students?"));

    private static final String[] FIRST_NAMES = {"Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Elias",
        "Sofia", "Hugo", "Alma", "Leon", "Ines", "Matteo", "Freya", "Jonas", "Clara", "Ali", "Yuki", "Oskar"};
    private static final String[] LAST_NAMES = {"Berg", "Novak", "Rossi", "Smith", "Dubois", "Jensen", "Kowalski",
        "Garcia", "Schmidt", "Lindqvist", "Tanaka", "Silva", "Murphy", "Fischer"};
    private static final String[][] PLACES = {{"Berlin", "Germany", "Europe/Berlin"},
        {"Krakow", "Poland", "Europe/Warsaw"}, {"Lyon", "France", "Europe/Paris"},
        {"Austin", "United States", "America/Chicago"}, {"Osaka", "Japan", "Asia/Tokyo"},
        {"Porto", "Portugal", "Europe/Lisbon"}, {"Dublin", "Ireland", "Europe/Dublin"}};

    private DemoData() {
    }

    static void seed(ChatbotcomPlatform platform, SimulationClock clock, long seed, Instant until) {
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        Set<Integer> chatting = new HashSet<>(order.subList(0, CHATS));

        clock.pin(until.minus(SPAN));
        try {
            String leads = platform.createSegment("Leads");
            String customers = platform.createSegment("Customers");
            for (int i = 0; i < USERS; i++) {
                // 20 users 1.5 to 3.5 hours apart, each chat within an hour of signing up: all within the span.
                clock.advance(between(random, Duration.ofMinutes(90), Duration.ofMinutes(210)));
                Map<String, String> person = person(random);
                String userId = demoUserId(seed, i);
                String id = platform.createUser(userId, person, List.of());
                int segment = random.nextInt(3);
                if (segment < 2) {
                    platform.addToSegment(id, segment == 0 ? leads : customers);
                }
                if (chatting.contains(i)) {
                    clock.advance(between(random, Duration.ofMinutes(1), Duration.ofMinutes(30)));
                    chat(platform, clock, random, userId, person);
                }
            }
        } finally {
            clock.unpin();
        }
    }

    /** One line of a conversation as the query it becomes, placeholders filled. */
    static QueryRequest line(String sessionId, String line, Random random, Map<String, String> person) {
        Map<String, String> parameters = Map.of("default_name", person.getOrDefault("default_name", "Visitor"));
        if (line.startsWith("#")) {
            return QueryRequest.of(sessionId, Kind.TRIGGER, line.substring(1), parameters);
        }
        String text = line.replace("{order}", Integer.toString(10_000 + random.nextInt(90_000)))
                .replace("{country}", person.getOrDefault("default_country", "Sweden"));
        return QueryRequest.of(sessionId, Kind.QUERY, text, parameters);
    }

    private static void chat(ChatbotcomPlatform platform, SimulationClock clock, Random random, String sessionId,
            Map<String, String> person) {
        for (String line : CONVERSATIONS.get(random.nextInt(CONVERSATIONS.size()))) {
            platform.query(line(sessionId, line, random, person));
            clock.advance(between(random, Duration.ofSeconds(15), Duration.ofSeconds(90)));
        }
    }

    static Map<String, String> person(Random random) {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        String[] place = PLACES[random.nextInt(PLACES.length)];
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("default_name", first + " " + last);
        // Some visitors never leave an e-mail address, so that isSet / isNotSet filters have something to tell apart.
        if (random.nextInt(4) > 0) {
            attributes.put("default_email", (first + "." + last).toLowerCase(Locale.ROOT) + "@example.com");
        }
        attributes.put("default_city", place[0]);
        attributes.put("default_country", place[1]);
        attributes.put("default_timezone", place[2]);
        attributes.put("default_language", "en");
        attributes.put("plan", random.nextInt(3) == 0 ? "pro" : "free");
        return attributes;
    }

    /** Stable for the seed, and usable as a session id (10 to 64 characters). */
    private static String demoUserId(long seed, int index) {
        return UUID.nameUUIDFromBytes(("chatbotcom-demo-user:" + seed + ":" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Duration between(Random random, Duration min, Duration max) {
        return min.plusMillis((long) (random.nextDouble() * max.minus(min).toMillis()));
    }
}
