package io.github.camelchatbots.support.consumer.cursor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second JVM for the tests, talking on stdout in lines the tests wait for; other lines (logging) are ignored.
 * <ul>
 * <li>{@code hold <file>}: starts a store on the file, says {@code STARTED}, holds it until stdin closes, stops it
 * and says {@code STOPPED}.</li>
 * <li>{@code count <file> <key>...}: starts a store with flushInterval zero, says {@code STARTED <n>} with the
 * highest counter found, then forever writes the next counter under each key in turn and says {@code WROTE <n>}
 * once all keys hold {@code n}; it is meant to be killed.</li>
 * </ul>
 * A failed start says {@code FAILED <message>} and exits with 3.
 */
public final class DurableFileChild {

    /** Both copies of the counter must agree: a value cut or mixed from two writes could not. */
    static final Pattern VALUE = Pattern.compile("\\{\"counter\":(\\d+),\"again\":\"(\\d+)\"}");

    private DurableFileChild() {
    }

    static String value(long counter) {
        return "{\"counter\":" + counter + ",\"again\":\"" + counter + "\"}";
    }

    /** The counter in a value, or an AssertionError if the value is not one whole counter. */
    static long counter(String value) {
        Matcher matcher = VALUE.matcher(value);
        if (!matcher.matches() || !matcher.group(1).equals(matcher.group(2))) {
            throw new AssertionError("not a complete counter value: " + value);
        }
        return Long.parseLong(matcher.group(1));
    }

    public static void main(String[] args) throws IOException {
        DurableFileStateRepository repository = new DurableFileStateRepository(Path.of(args[1]));
        if (args[0].equals("count")) {
            repository.setFlushInterval(Duration.ZERO);
        }
        try {
            repository.start();
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.out.flush();
            System.exit(3);
        }
        switch (args[0]) {
            case "hold":
                System.out.println("STARTED");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the test closes our stdin
                }
                repository.stop();
                System.out.println("STOPPED");
                System.out.flush();
                break;
            case "count":
                long counter = 0;
                for (int i = 2; i < args.length; i++) {
                    String value = repository.getState(args[i]);
                    if (value != null) {
                        counter = Math.max(counter, counter(value));
                    }
                }
                System.out.println("STARTED " + counter);
                System.out.flush();
                while (true) {
                    counter++;
                    for (int i = 2; i < args.length; i++) {
                        repository.setState(args[i], value(counter));
                    }
                    System.out.println("WROTE " + counter);
                    System.out.flush();
                }
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }
}
