package io.github.camelchatbots.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the simulator on its own, filled with demo data, until Ctrl-C:
 * {@code java -jar camel-chatbot-simulator-<version>-standalone.jar [--port 8089] [--seed 42] [--live 20s]}.
 */
public final class SimulatorMain {

    private static final String USAGE = "usage: java -jar camel-chatbot-simulator-standalone.jar"
            + " [--port 8089] [--seed 42] [--live 20s]";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // without it the JDK HTTP server holds each answer ~40 ms for Nagle's algorithm; read once, when its classes load
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = 8089;
        long seed = 42;
        Duration live = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--live" -> live = duration(value(args, ++i));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }

        ChatbotSimulator simulator = ChatbotSimulator.startDemo(port, seed);
        simulator.vendors().forEach(vendor -> vendor.connectionInfo().forEach(System.out::println));

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        if (live != null) {
            for (VendorSimulation vendor : simulator.vendors()) {
                ticker.scheduleAtFixedRate(vendor.demoActivity(seed), live.toMillis(), live.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            System.out.println("Live mode: the demo world changes every " + live.toMillis() + " ms");
        }
        System.out.println("Press Ctrl-C to stop.");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ticker.shutdownNow();
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    /** Accepts {@code 500ms}, {@code 20s}, {@code 2m} or ISO-8601 such as {@code PT20S}. */
    static Duration duration(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Duration duration;
        if (lower.endsWith("ms")) {
            duration = Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
        } else if (lower.endsWith("s") && !lower.startsWith("p")) {
            duration = Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
        } else if (lower.endsWith("m") && !lower.startsWith("p")) {
            duration = Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
        } else {
            duration = Duration.parse(text);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--live needs a positive interval, was " + text);
        }
        return duration;
    }
}
