package io.github.camelchatbots.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ChildCamelMain} in a JVM of its own, on this test's classpath: what a user's application is, so that a
 * test can set its environment, kill it with {@code kill -9} and start it again.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param directory   the working directory; the properties file and the output go there too
     * @param environment environment variables added to this JVM's
     */
    static ChildJvm start(Path directory, Properties properties, Map<String, String> environment) {
        try {
            Files.createDirectories(directory);
            Path propertiesFile = Files.createTempFile(directory, "application", ".properties");
            try (OutputStream out = Files.newOutputStream(propertiesFile)) {
                properties.store(out, null);
            }
            Path output = Files.createTempFile(directory, "output", ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.add("-Dsun.net.httpserver.nodelay=true");
            // the child writes its own log, beside its output
            command.add("-Dlog4j2.configurationFile=" + writeLogConfiguration(directory));
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ChildCamelMain.class.getName());
            command.add(propertiesFile.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            return new ChildJvm(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeLogConfiguration(Path directory) throws IOException {
        Path file = directory.resolve("log4j2-child.xml");
        Files.writeString(file, """
                <Configuration status="WARN">
                    <Appenders>
                        <Console name="out" target="SYSTEM_OUT">
                            <PatternLayout pattern="%d{HH:mm:ss.SSS} %-5level [%t] %c - %msg%n%throwable"/>
                        </Console>
                    </Appenders>
                    <Loggers>
                        <Logger name="io.github.camelchatbots" level="DEBUG"/>
                        <Root level="INFO"><AppenderRef ref="out"/></Root>
                    </Loggers>
                </Configuration>
                """);
        return file;
    }

    /** Everything the JVM printed so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
