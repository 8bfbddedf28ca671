package io.github.camelchatbots.simulator.konversation;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlow;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The seeded demo world: the support and shop bot of "Bean There Coffee", with three weeks of history. Everything
 * that happens is first planned as dated events, then played in time order with the clock pinned to each event's
 * time, so that carts, orders and chat histories all carry consistent times.
 */
final class DemoData {

    static final int SUBSCRIBERS = 30;
    private static final Duration SPAN = Duration.ofDays(21);

    static final List<String> TAGS = List.of("needs-agent", "vip", "newsletter", "lead", "customer", "order-issue",
            "wholesale");

    /** What visitors write, and the sub flow the bot answers with. */
    record Topic(String subFlow, List<String> lines) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("Welcome", List.of("Hi!", "Hello there", "hey, just found you on Instagram")),
            new Topic("Order status", List.of("Where is my order #{order}?", "has order {order} shipped yet?",
                    "My order {order} hasn't arrived")),
            new Topic("Talk to an agent", List.of("Can I talk to a person?", "I need help from a human please",
                    "The bag I received was torn open")),
            new Topic("Brewing tips", List.of("How do I brew with a pour-over?", "What grind for a French press?",
                    "my espresso tastes sour, any tips?")),
            new Topic("Feedback survey", List.of("I'd like to leave some feedback", "5", "Loved the Ethiopia beans")));

    private static final String[] FIRST_NAMES = {"Olivia", "Jack", "Charlotte", "Noah", "Amelia", "William", "Isla",
        "Oliver", "Mia", "Leo", "Ava", "Henry", "Grace", "Lucas", "Chloe", "Thomas", "Zoe", "Ethan", "Ruby", "Liam",
        "Aisha", "Kenji", "Priya", "Mateo"};
    private static final String[] LAST_NAMES = {"Smith", "Nguyen", "Williams", "Brown", "Jones", "Wilson", "Taylor",
        "Patel", "Martin", "Lee", "Walker", "Kelly", "Chen", "Rossi", "O'Brien"};
    private static final String[] CITIES = {"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart",
        "Auckland"};
    private static final String[] ROASTS = {"light", "medium", "dark", "decaf"};
    /** Channels with their share: WhatsApp most, as for a shop that sells through WhatsApp. */
    private static final String[] CHANNELS = {"whatsapp_cloud", "whatsapp_cloud", "whatsapp_cloud", "whatsapp_cloud",
        "facebook", "facebook", "instagram", "instagram", "web", "telegram"};
    private static final List<String> ORDER_PROGRESS = List.of("paid", "processing", "shipped", "completed");
    /** How many variants {@link #catalogue} creates, ids 1 to 10. */
    private static final int VARIANTS = 10;
    /** From a visitor's first line to the agent's note, see {@link #converse}. */
    private static final Duration CONVERSATION_LENGTH = Duration.ofMinutes(3);

    /** A step of the demo's history. */
    private record Event(Instant at, int sequence, Runnable action) {
    }

    private DemoData() {
    }

    static void seed(Bot bot, SimulationClock clock, long seed, Instant until) {
        Random random = new Random(seed);
        Instant from = until.minus(SPAN);
        clock.pin(from);
        try {
            catalogue(bot);
            flow(bot);
            List<Event> events = new ArrayList<>();
            List<Instant> joined = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                joined.add(from.plusMillis((long) (random.nextDouble() * SPAN.minusDays(1).toMillis())));
            }
            joined.sort(Comparator.naturalOrder());
            for (int i = 0; i < SUBSCRIBERS; i++) {
                planSubscriber(bot, random, i, joined.get(i), until, events);
            }
            events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::sequence));
            for (Event event : events) {
                clock.pin(event.at());
                event.action().run();
            }
        } finally {
            clock.unpin();
        }
    }

    /** The products, in the catalogue's order. */
    static void catalogue(Bot bot) {
        Shop shop = bot.shop();
        product(shop, "House Blend Beans", "Our everyday medium roast: chocolate, caramel, hazelnut.", "Coffee",
                "Bean There Roastery", "Size", new String[][] {{"250g", "14.90"}, {"1kg", "44.00"}}, 120);
        product(shop, "Single Origin Ethiopia", "Yirgacheffe, washed: jasmine, bergamot, lemon.", "Coffee",
                "Bean There Roastery", "Size", new String[][] {{"250g", "18.50"}, {"1kg", "58.00"}}, 60);
        product(shop, "Ceramic Mug", "350 ml, hand glazed.", "Merchandise", "Clayworks", "Colour",
                new String[][] {{"White", "19.00"}, {"Black", "19.00"}}, 40);
        product(shop, "Pour-over Kit", "Dripper, 100 filters and a glass server.", "Equipment", "Brewline", null,
                new String[][] {{null, "64.00"}}, 25);
        product(shop, "Gift Card", "Delivered by e-mail, valid for 3 years.", "Gift card", "Bean There Roastery",
                "Amount", new String[][] {{"25", "25.00"}, {"50", "50.00"}, {"100", "100.00"}}, 0);
    }

    private static void product(Shop shop, String name, String description, String type, String vendor,
            String option, String[][] variants, int stock) {
        Shop.Product product = shop.addProduct(name);
        product.description = description;
        product.type = type;
        product.vendor = vendor;
        product.image = "https://cdn.example.com/bean-there/" + name.toLowerCase(Locale.ROOT).replace(' ', '-')
                + ".jpg";
        product.option1Name = option;
        product.useVariant = option != null;
        product.trackStock = stock > 0;
        shop.catalogue(product);
        for (String[] spec : variants) {
            Shop.Variant variant = shop.addVariant(product);
            variant.option1Value = spec[0];
            variant.price = new BigDecimal(spec[1]);
            variant.qty = stock;
            variant.sku = "BT-" + product.id + "-" + variant.displayOrder;
        }
    }

    /** Tags, fields and the sub flows the bot answers with. */
    static void flow(Bot bot) {
        TAGS.forEach(bot::createTag);
        bot.createUserField("order_number", FieldType.NUMBER, "The order the subscriber last asked about", "");
        bot.createUserField("city", FieldType.TEXT, "Where we ship to", "");
        bot.createUserField("favourite_roast", FieldType.TEXT, "light, medium, dark or decaf", "");
        bot.createUserField("birthday", FieldType.DATE, "For the birthday voucher", "");
        bot.createUserField("loyalty_points", FieldType.NUMBER, "One point per dollar spent", "");
        bot.createBotField("support_hours", FieldType.TEXT, "Shown by the agent hand-over", "Mon-Fri 8:00-17:00 AEST",
                false);
        bot.createBotField("promo_code", FieldType.TEXT, "The code of the current promotion", "BEANS10", true);
        bot.createBotField("free_shipping_over", FieldType.NUMBER, "Order total for free shipping", "60", false);
        bot.registerSubFlow("Welcome", List.of("Hi {{first_name}}! Welcome to Bean There Coffee.",
                "I can help with orders, brewing tips or put you through to our team. What would you like to do?"));
        bot.registerSubFlow("Order status", List.of("Let me look that up for you...",
                "Your order is on its way and should arrive within 2-3 business days."));
        bot.registerSubFlow("Talk to an agent", List.of("Sure, I'm handing you over to our team.",
                "Someone will reply right here (Mon-Fri 8:00-17:00 AEST)."));
        bot.registerSubFlow("Brewing tips", List.of("For a pour-over, use 15 g of coffee for 250 ml of water at 94 C.",
                "Grind medium-fine and aim for a brew of about 3 minutes."));
        bot.registerSubFlow("Feedback survey", List.of("Thanks {{first_name}}! How did we do, from 1 to 5?"));
        bot.registerSubFlow("Abandoned cart", List.of("You left something in your cart, {{first_name}}!",
                "Use code BEANS10 for 10% off today."));
        bot.registerSubFlow("Order shipped", List.of("Good news: your order has shipped!"));
    }

    /**
     * One subscriber: joins, chats one to four times, and maybe shops. Every random choice is drawn here, while
     * planning, so that playing the events in time order draws nothing; whatever would end after {@code until} is
     * left out.
     */
    private static void planSubscriber(Bot bot, Random random, int index, Instant joined, Instant until,
            List<Event> events) {
        SubscriberDraft draft = person(random, index, joined);
        String city = CITIES[random.nextInt(CITIES.length)];
        String roast = random.nextBoolean() ? ROASTS[random.nextInt(ROASTS.length)] : null;
        LocalDate birthday = random.nextInt(3) == 0
                ? LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
        String interest = random.nextBoolean() ? "lead" : "newsletter";
        boolean vip = random.nextInt(6) == 0;
        boolean wholesale = random.nextInt(10) == 0;
        Subscriber[] subscriber = new Subscriber[1];
        add(events, joined, () -> {
            subscriber[0] = bot.createSubscriber(draft);
            setField(bot, subscriber[0], "city", city);
            setField(bot, subscriber[0], "favourite_roast", roast);
            setField(bot, subscriber[0], "birthday", birthday == null ? null : birthday.toString());
            tag(bot, subscriber[0], interest);
            if (vip) {
                tag(bot, subscriber[0], "vip");
                bot.addLabel(subscriber[0], "Priority");
            }
            if (wholesale) {
                tag(bot, subscriber[0], "wholesale");
            }
        });
        int conversations = 1 + random.nextInt(4);
        Instant at = joined;
        Duration room = Duration.between(joined, until);
        for (int c = 0; c < conversations; c++) {
            at = at.plusMillis((long) (random.nextDouble() * room.toMillis() / (conversations + 1)));
            Topic topic = c == 0 ? TOPICS.get(0) : TOPICS.get(random.nextInt(TOPICS.size()));
            String line = topic.lines().get(random.nextInt(topic.lines().size()))
                    .replace("{order}", Integer.toString(1000 + random.nextInt(9000)));
            boolean photo = topic.subFlow().equals("Talk to an agent") && random.nextBoolean();
            Instant said = at;
            if (said.plus(CONVERSATION_LENGTH).isBefore(until)) {
                add(events, said, () -> converse(bot, subscriber[0], topic, line, photo, said, true));
            }
        }
        boolean shops = random.nextInt(3) > 0;
        Instant browsing = at.plus(Duration.ofMinutes(5 + random.nextInt(120)));
        int variantId = 1 + random.nextInt(VARIANTS);
        int qty = 1 + random.nextInt(3);
        boolean pays = random.nextInt(4) > 0;
        Instant reminded = browsing.plus(Duration.ofHours(1));
        if (!shops || !reminded.isBefore(until)) {
            return;
        }
        add(events, browsing, () -> {
            bot.logEvent(subscriber[0], "viewed_catalogue");
            bot.shop().variant(variantId).ifPresent(variant -> bot.addToCart(subscriber[0], variant, qty));
        });
        if (pays) {
            planOrder(bot, random, subscriber, browsing.plus(Duration.ofMinutes(3 + random.nextInt(30))), until,
                    events);
        } else {
            add(events, reminded, () -> bot.sendSubFlow(subscriber[0], bot.subFlowByName("Abandoned cart", "name"),
                    "broadcast-by-tag", reminded));
        }
    }

    private static void planOrder(Bot bot, Random random, Subscriber[] subscriber, Instant paid, Instant until,
            List<Event> events) {
        Shop.Order[] order = new Shop.Order[1];
        String payment = random.nextBoolean() ? "card" : "paypal";
        String shipping = random.nextInt(5) == 0 ? "pickup" : "delivery";
        add(events, paid, () -> {
            order[0] = bot.cartPaid(subscriber[0], shipping, payment, "PAY-" + Long.toHexString(paid.toEpochMilli()));
            tag(bot, subscriber[0], "customer");
            setField(bot, subscriber[0], "loyalty_points",
                    order[0].totalPrice().setScale(0, RoundingMode.DOWN).toPlainString());
        });
        Instant next = paid;
        for (String status : ORDER_PROGRESS.subList(1, ORDER_PROGRESS.size())) {
            next = next.plus(Duration.ofHours(6 + random.nextInt(40)));
            if (!next.isBefore(until)) {
                return;
            }
            Instant when = next;
            add(events, when, () -> {
                bot.updateOrderStatus(order[0], status);
                if (status.equals("shipped")) {
                    bot.sendSubFlow(subscriber[0], bot.subFlowByName("Order shipped", "name"), "send-sub-flow",
                            when);
                }
            });
        }
    }

    /**
     * The subscriber writes, the bot answers with the topic's sub flow; a hand-over gets an agent and a note. Seeded
     * history spreads the conversation over a few minutes from {@code at}; a live one happens all at {@code at}, so
     * that nothing lies ahead of the clock.
     */
    static void converse(Bot bot, Subscriber subscriber, Topic topic, String line, boolean photo, Instant at,
            boolean spreadOut) {
        IntFunction<Instant> after = seconds -> spreadOut ? at.plusSeconds(seconds) : at;
        if (photo) {
            bot.addMessage(subscriber, "in", "image", null, "https://cdn.example.com/uploads/" + subscriber.userNs
                    + "-" + at.getEpochSecond() + ".jpg", at);
        }
        bot.addMessage(subscriber, "in", "text", line, null, after.apply(photo ? 4 : 0));
        SubFlow flow = bot.subFlows().stream().filter(f -> f.name().equals(topic.subFlow())).findFirst()
                .orElse(null);
        if (flow == null) {
            return;
        }
        bot.sendSubFlow(subscriber, flow, "send-sub-flow", after.apply(6));
        if (topic.subFlow().equals("Order status")) {
            String order = line.replaceAll("\\D", "");
            setField(bot, subscriber, "order_number", order.isEmpty() ? null : order);
        }
        if (topic.subFlow().equals("Talk to an agent")) {
            tag(bot, subscriber, "needs-agent");
            if (photo) {
                tag(bot, subscriber, "order-issue");
            }
            bot.addMessage(subscriber, "system", "text", "Conversation assigned to Sam", null, after.apply(30));
            bot.addMessage(subscriber, "agent", "text", "Hi " + (subscriber.firstName == null ? "there"
                    : subscriber.firstName) + ", Sam here. Let me sort this out for you.", null, after.apply(95));
            bot.addMessage(subscriber, "note", "text", "Offered a replacement bag", null, after.apply(140));
        }
    }

    /** A made-up customer; the index keeps phone numbers and e-mail addresses unique. */
    static SubscriberDraft person(Random random, int index, Instant joined) {
        SubscriberDraft draft = new SubscriberDraft();
        draft.firstName = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        draft.lastName = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        draft.gender = random.nextBoolean() ? "female" : "male";
        draft.channel = CHANNELS[random.nextInt(CHANNELS.length)];
        draft.createdAt = joined;
        String handle = (draft.firstName + "." + draft.lastName).toLowerCase(Locale.ROOT).replace("'", "");
        if (draft.channel.startsWith("whatsapp") || random.nextInt(3) == 0) {
            draft.phone = String.format(Locale.ROOT, "+61 4%02d %03d %03d", index, random.nextInt(1000),
                    random.nextInt(1000));
        }
        if (draft.phone == null || random.nextBoolean()) {
            draft.email = handle + index + "@example.com";
        }
        if (!draft.channel.startsWith("whatsapp")) {
            draft.userId = switch (draft.channel) {
                // page-scoped ids of 16 digits on Facebook, 17 on Instagram
                case "facebook" -> Long.toString(6_000_000_000_000_000L + random.nextInt(1_000_000_000));
                case "instagram" -> Long.toString(17_000_000_000_000_000L + random.nextInt(1_000_000_000));
                case "telegram" -> Integer.toString(100_000_000 + random.nextInt(900_000_000));
                default -> "web-" + Long.toHexString(random.nextLong() & 0xFFFF_FFFF_FFFFL);
            };
        }
        if (random.nextInt(3) == 0) {
            draft.optedInEmail = draft.email == null ? null : joined;
        }
        if (draft.phone != null && random.nextInt(3) == 0) {
            draft.optedInSms = joined;
        }
        return draft;
    }

    private static void setField(Bot bot, Subscriber subscriber, String field, String value) {
        if (value != null) {
            bot.setUserField(subscriber, bot.userFieldByName(field, "name"), value);
        }
    }

    static void tag(Bot bot, Subscriber subscriber, String name) {
        Tag tag = bot.createTag(name);
        bot.addTag(subscriber, tag);
    }

    private static void add(List<Event> events, Instant at, Runnable action) {
        events.add(new Event(at, events.size(), action));
    }
}
