package io.github.camelchatbots.simulator.chataibot;

import java.util.Random;

/**
 * Ids as ChatAIBot shows them: message ids of 32 letters and digits (the documented example is
 * {@code 6HRBshHEcV8P103039226478taGDJQxC}), and 24 hex digits for the ids whose form is undocumented (conversations,
 * bot users). Drawn from a seeded generator, so that the demo world is the same for the same seed.
 */
final class Ids {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private Random random = new Random(0);

    synchronized void reseed(long seed) {
        random = new Random(seed);
    }

    synchronized String messageId() {
        return draw(ALPHANUMERIC, 32);
    }

    synchronized String objectId() {
        return draw(HEX, 24);
    }

    private String draw(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
