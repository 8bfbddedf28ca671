package io.github.camelchatbots.conformance;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Properties;

import org.apache.camel.main.Main;

/**
 * A Camel Main application in a JVM of its own, as users run one: {@code ChildCamelMain <properties file>}. The file
 * holds Camel Main's and the routes' properties ({@code camel.main.routesIncludePattern} among them). It runs until
 * the JVM is stopped or killed.
 */
public final class ChildCamelMain {

    private ChildCamelMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream(args[0])) {
            properties.load(in);
        }
        Main main = new Main();
        properties.forEach((key, value) -> main.addInitialProperty(key.toString(), value.toString()));
        main.run();
    }
}
