package io.github.camelchatbots.support.consumer.cursor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link DurableFileChild} in a JVM of its own, on the tests' class path. Its stdout is read in the calling thread,
 * so waiting for a line is waiting for the child to have done what the line says, not for time to pass; its stderr
 * goes to a file, shown when it ends unexpectedly.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderr = stderr;
    }

    /** @param workDirectory where the child's stderr file goes */
    static ChildJvm start(Path workDirectory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived JVM: start fast, stay small
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx64m",
                // no log4j: starting it is half a child's start-up, and a child's stdout is for its report lines
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-Dslf4j.internal.verbosity=WARN",
                "-cp", System.getProperty("java.class.path"),
                DurableFileChild.class.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(workDirectory, "child-", ".stderr");
        Process process = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .start();
        return new ChildJvm(process, stderr);
    }

    /** The next line that matches, skipping others; fails if the child's stdout ends first. */
    String awaitLine(Predicate<String> wanted) throws IOException {
        for (String line; (line = stdout.readLine()) != null;) {
            if (wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("The child JVM ended its output without the line awaited; exit "
                                 + exitValueOrRunning() + ", stderr:\n" + Files.readString(stderr));
    }

    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** SIGKILL on Unix: no shutdown hook, no finally, no flush. Closes the pipes: lines not yet read are lost. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    private String exitValueOrRunning() {
        return process.isAlive() ? "(still running)" : String.valueOf(process.exitValue());
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
            stdout.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
