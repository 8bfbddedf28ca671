package io.github.camelchatbots.simulator.ebbot;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Support conversations of a fictitious home-furnishing shop, "Nordhem Home", as its Ebbot bot would have them.
 * Topics are written as {@code sender: text} lines with {@code {placeholders}} that are filled from a seeded random,
 * so the same seed always tells the same stories.
 */
final class DemoScripts {

    record Line(String sender, String text) {
    }

    static final List<Line> GREETING = List.of(
            new Line("bot", "Hi there!"),
            new Line("bot", "I'm Ebbie, Nordhem Home's virtual assistant. How can I help you today?"));

    private static final List<List<String>> TOPICS = List.of(
            List.of(
                    "user: Where is my order?",
                    "bot: I can help you with that! What is your order number?",
                    "user: {order}",
                    "bot: Thanks! Order {order} was shipped on {weekday} and should arrive within 1-2 business days.",
                    "bot: You can follow the parcel here: https://track.example.com/{tracking}"),
            List.of(
                    "user: I want to return a cushion cover I bought last week",
                    "bot: No problem, you have 30 days' open purchase on all products. What is your order number?",
                    "user: It's {order}",
                    "bot: I have registered a return for order {order}. A prepaid return label is on its way to your email.",
                    "user: How long until I get my money back?",
                    "bot: Refunds reach your original payment method within 5-7 business days after we receive the return."),
            List.of(
                    "user: What are your opening hours in {city}?",
                    "bot: Nordhem Home {city} is open Monday-Friday 10-20, Saturday 10-18 and Sunday 11-17.",
                    "user: Are you open on public holidays?",
                    "bot: Holiday opening hours vary; you'll find them on the store page at example.com/stores."),
            List.of(
                    "user: I want to talk to a human agent!",
                    "bot: Sure! Let me connect you...",
                    "system: The chat is now handled by an agent.",
                    "agent: Hi, this is {agent} from customer service. How can I help?",
                    "user: I was charged twice for order {order}",
                    "agent: Sorry about that! I can see two card reservations; one is released automatically within 3 business days.",
                    "user: OK, good to know",
                    "agent: Is there anything else I can do for you?"),
            List.of(
                    "user: How long does delivery to {city} take?",
                    "bot: Home delivery to {city} usually takes 2-4 business days. Large items are delivered by appointment.",
                    "user: Can I choose a delivery time?",
                    "bot: Yes, the carrier texts you to book a two-hour slot once your order is on its way."),
            List.of(
                    "user: I need to change the delivery address on my order",
                    "bot: I can help with that as long as the order has not been shipped. What is your order number?",
                    "user: {order}",
                    "bot: Order {order} has not been shipped yet. Please type the new address.",
                    "user: {street}, {city}",
                    "bot: Done! Order {order} will be delivered to {street}, {city}."),
            List.of(
                    "user: My card payment keeps failing at checkout",
                    "bot: Sorry to hear that! Please check that your card allows online purchases and that you approved the payment in your bank app.",
                    "user: still not working",
                    "bot: Let me connect you to one of my human colleagues...",
                    "system: The chat is now handled by an agent.",
                    "agent: Hi, I'm {agent}. Our payment provider had a short disruption earlier today; it works again now. Could you try once more?",
                    "user: That worked, thanks!"),
            List.of(
                    "user: Is the {product} in stock?",
                    "bot: The {product} is in stock online and in {stock} stores, including {city}.",
                    "user: Can I reserve one for pick-up?",
                    "bot: Yes! Choose Click & Collect at checkout and pick the {city} store. We text you when it's ready, usually within 2 hours."),
            List.of(
                    "user: Can I cancel my order?",
                    "bot: Orders can be cancelled until they are packed. What is your order number?",
                    "user: {order}",
                    "bot: Order {order} is cancelled. The reserved amount is released from your card within a few days."),
            List.of(
                    "user: I need a copy of the invoice for {order}",
                    "bot: You'll find all receipts under My pages > Orders. I've also emailed you a copy of the invoice for {order}."),
            List.of(
                    "user: hello??",
                    "bot: Sorry, I did not quite get that. Could you rephrase?",
                    "user: do you sell gift cards",
                    "bot: We do! Gift cards from 200 to 5000 SEK, digital or physical, at example.com/giftcards or in any store."));

    private static final String[] FIRST_NAMES = {"Jane", "Lars", "Sofia", "Ahmed", "Emma", "Mikael", "Olivia",
        "Noah", "Maja", "Elias", "Aisha", "Johan", "Ingrid", "Leo"};
    private static final String[] AGENTS = {"Anna", "Erik", "Fatima", "Karin"};
    private static final String[] CITIES = {"Stockholm", "Gothenburg", "Malmö", "Uppsala", "Oslo", "Copenhagen"};
    private static final String[] STREETS = {"Storgatan 12", "Kungsgatan 4B", "Vasagatan 27", "Linnégatan 9",
        "Drottninggatan 55"};
    private static final String[] PRODUCTS = {"Fjällbo oak dining table", "Lumen floor lamp", "Vinga linen duvet cover",
        "Solvik 3-seat sofa", "Tallby bookshelf"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private DemoScripts() {
    }

    /** A visitor name, or {@code null} for the anonymous visitors that make up much of real chat traffic. */
    static String visitorName(Random random) {
        return random.nextInt(5) < 3 ? FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] : null;
    }

    /** One topic with its placeholders filled: between 2 and 8 lines. */
    static List<Line> topic(Random random) {
        Map<String, String> facts = Map.of(
                "order", "NH-" + (100_000 + random.nextInt(900_000)),
                "tracking", "PN" + (10_000_000 + random.nextInt(90_000_000)) + "SE",
                "city", pick(random, CITIES),
                "street", pick(random, STREETS),
                "product", pick(random, PRODUCTS),
                "agent", pick(random, AGENTS),
                "weekday", pick(random, WEEKDAYS),
                "stock", Integer.toString(3 + random.nextInt(9)));
        return TOPICS.get(random.nextInt(TOPICS.size())).stream()
                .map(line -> toLine(line, facts))
                .toList();
    }

    /**
     * Where a conversation cut at {@code end} may really pause: after the bot's and the system's immediate replies,
     * which never keep a visitor waiting.
     */
    static int endOfTurn(List<Line> lines, int end) {
        int turnEnd = end;
        while (turnEnd < lines.size() && isAutomatic(lines.get(turnEnd))) {
            turnEnd++;
        }
        return turnEnd;
    }

    static boolean isAutomatic(Line line) {
        return line.sender().equals("bot") || line.sender().equals("system");
    }

    /** A random version 4 UUID drawn from the seeded random, so that demo ids repeat with the seed. */
    static UUID uuid(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
        return new UUID(msb, lsb);
    }

    private static Line toLine(String template, Map<String, String> facts) {
        int colon = template.indexOf(": ");
        Matcher matcher = PLACEHOLDER.matcher(template.substring(colon + 2));
        String text = matcher.replaceAll(match -> Matcher.quoteReplacement(facts.get(match.group(1))));
        return new Line(template.substring(0, colon), text);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
