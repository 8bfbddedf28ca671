package io.github.camelchatbots.simulator.konversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Moves the demo world on by one step per run: a subscriber writes and the bot answers, someone new arrives, a cart
 * fills, a cart gets paid, or an order moves on to its next status. The sequence of steps is fixed by the seed; the
 * times are the simulation clock's. It copes with a bot that a reset emptied or a client changed: steps that need
 * what is gone are skipped, and newcomers bring the subscribers back.
 */
final class LiveDemo implements Runnable {

    /** Keeps the live stream's random choices apart from the seeded data's. */
    private static final long STREAM_SALT = 0x6B6F_6E76L;
    private static final List<String> NEXT_STATUS = List.of("paid", "processing", "shipped", "completed");

    private final Bot bot;
    private final Random random;
    private int newcomers;

    LiveDemo(Bot bot, long seed) {
        this.bot = bot;
        this.random = new Random(seed ^ STREAM_SALT);
    }

    @Override
    public void run() {
        int step = random.nextInt(8);
        synchronized (bot) {
            bot.deliverDue();
            List<Subscriber> subscribers = byAge();
            try {
                if (subscribers.isEmpty() || step == 0) {
                    arrive();
                } else if (step <= 3) {
                    chat(subscribers.get(random.nextInt(subscribers.size())));
                } else if (step == 4) {
                    fillCart(subscribers.get(random.nextInt(subscribers.size())));
                } else if (step == 5) {
                    payCart(subscribers);
                } else {
                    advanceOrder();
                }
            } catch (ApiError clientChangedTheWorld) {
                // e.g. a field the demo sets was deleted, or a client took a newcomer's phone number: skip the step,
                // because an exception would end the scheduled demo for good
            }
        }
    }

    /** Oldest first, so that picking by index is the same in every run of the same seed. */
    private List<Subscriber> byAge() {
        List<Subscriber> subscribers = new ArrayList<>();
        bot.subscribersInOrder().forEach(subscribers::add);
        subscribers.sort(Comparator.comparingInt(s -> s.number));
        return subscribers;
    }

    private void arrive() {
        SubscriberDraft draft = DemoData.person(random, 0, bot.now());
        int number = ++newcomers;
        // Numbers apart from the seeded subscribers', so that a newcomer never collides with one of them.
        draft.phone = draft.phone == null ? null : String.format("+61 499 %03d %03d", number / 1000, number % 1000);
        draft.email = draft.email == null ? null : "live" + number + "@example.com";
        draft.userId = draft.userId == null ? null : draft.userId + "-" + number;
        Subscriber subscriber = bot.createSubscriber(draft);
        DemoData.converse(bot, subscriber, DemoData.TOPICS.get(0), "Hi!", false, bot.now(), false);
    }

    private void chat(Subscriber subscriber) {
        DemoData.Topic topic = DemoData.TOPICS.get(random.nextInt(DemoData.TOPICS.size()));
        String line = topic.lines().get(random.nextInt(topic.lines().size()))
                .replace("{order}", Integer.toString(1000 + random.nextInt(9000)));
        DemoData.converse(bot, subscriber, topic, line, false, bot.now(), false);
    }

    private void fillCart(Subscriber subscriber) {
        List<Shop.Variant> variants = new ArrayList<>();
        bot.shop().products().forEach(product -> variants.addAll(product.variants));
        if (!variants.isEmpty()) {
            bot.addToCart(subscriber, variants.get(random.nextInt(variants.size())), 1 + random.nextInt(2));
        }
    }

    private void payCart(List<Subscriber> subscribers) {
        for (Subscriber subscriber : subscribers) {
            boolean filled = bot.shop().existingCart(subscriber.userNs).filter(c -> !c.quantities.isEmpty())
                    .isPresent();
            if (filled) {
                bot.cartPaid(subscriber, "delivery", "card", "LIVE-" + bot.now().toEpochMilli());
                DemoData.tag(bot, subscriber, "customer");
                return;
            }
        }
    }

    /** The oldest order still under way takes its next step. */
    private void advanceOrder() {
        Shop.Order oldest = null;
        for (Shop.Order order : bot.shop().ordersNewestFirst()) {
            int place = NEXT_STATUS.indexOf(order.status);
            if (place >= 0 && place < NEXT_STATUS.size() - 1) {
                oldest = order;
            }
        }
        if (oldest != null) {
            bot.updateOrderStatus(oldest, NEXT_STATUS.get(NEXT_STATUS.indexOf(oldest.status) + 1));
        }
    }
}
