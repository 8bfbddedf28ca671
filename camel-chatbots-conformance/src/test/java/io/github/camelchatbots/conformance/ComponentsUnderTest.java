package io.github.camelchatbots.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import io.github.camelchatbots.support.ChatbotComponent;
import io.github.camelchatbots.support.component.ComponentModel;
import org.apache.camel.CamelContext;

/**
 * The project's components on the test classpath, found the way Camel Main finds components: through the
 * {@code component.properties} each component jar carries. A new component is covered by every conformance test as
 * soon as it is a dependency of this module, and {@link EveryComponentIsCheckedTest} fails until it is.
 */
final class ComponentsUnderTest {

    static final String GROUP_ID = "io.github.camelchatbots";

    /** One component: its scheme, the jar's properties and its catalog model. */
    record Found(String scheme, String artifactId, Properties properties) {

        ChatbotComponent create(CamelContext context) {
            return context.getComponent(scheme, ChatbotComponent.class);
        }

        ComponentModel model(CamelContext context) {
            return create(context).getModel();
        }
    }

    private ComponentsUnderTest() {
    }

    static List<Found> all() {
        List<Found> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(ComponentsUnderTest.class.getClassLoader()
                    .getResources("META-INF/services/org/apache/camel/component.properties"))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                if (GROUP_ID.equals(properties.getProperty("groupId"))) {
                    for (String scheme : properties.getProperty("components").trim().split("\\s+")) {
                        found.add(new Found(scheme, properties.getProperty("artifactId"), properties));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort((a, b) -> a.scheme().compareTo(b.scheme()));
        return found;
    }
}
