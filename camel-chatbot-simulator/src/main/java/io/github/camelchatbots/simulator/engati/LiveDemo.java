package io.github.camelchatbots.simulator.engati;

import io.github.camelchatbots.simulator.engati.DemoData.Line;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.User;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Moves the demo world on by one step per run: a user chats with the bot, and now and then a new lead becomes
 * qualified, so that a client polling users by {@code lead_status} has something to pick up. The sequence of steps
 * is fixed by the seed; the timestamps are real.
 */
final class LiveDemo implements Runnable {

    /** Keeps the live stream apart from the seeded data's, whose choices it would otherwise repeat. */
    private static final long STREAM_SALT = 0x11FE_D3A0L;

    private final EngatiBot bot;
    private final Random random;
    private final Clock clock;

    LiveDemo(EngatiBot bot, long seed, Clock clock) {
        this.bot = bot;
        this.random = new Random(seed ^ STREAM_SALT);
        this.clock = clock;
    }

    @Override
    public synchronized void run() {
        Instant now = clock.instant();
        try {
            List<User> users = bot.users();
            User user = users.isEmpty() ? newcomer(now) : users.get(random.nextInt(users.size()));
            for (Line line : DemoData.exchange(random, user)) {
                bot.addMessage(user.channelUserId(), line.sender(), line.text(), now);
            }
            if (random.nextInt(4) == 0) {
                List<User> leads = bot.usersWith("lead_status", "new");
                if (!leads.isEmpty()) {
                    bot.setAttribute(leads.get(random.nextInt(leads.size())).channelUserId(), "lead_status",
                            "qualified");
                }
            }
        } catch (IllegalArgumentException raceWithReset) {
            // A reset() between reading the users and writing to one of them removed that user; the next run
            // starts over from whatever the bot holds then.
        }
    }

    private User newcomer(Instant now) {
        return bot.addUser(DemoData.phoneNumber(random), "whatsapp", DemoData.name(random),
                DemoData.attributes(random, DemoData.randomFlavour(random)), now);
    }
}
