package io.github.camelchatbots.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.util.URISupport;

/**
 * Makes Camel mask secret options whose names it does not know. Camel masks by option or property name where it
 * prints: URIs it logs, Camel Main's summaries of component options and of property placeholders. Its list covers
 * the secret options of Camel's own components, so a name like Ebbot's {@code webhookId} would otherwise be printed
 * in full. Camel compares names in lower case without dashes, so the property {@code ebbot.webhook-id} is masked as
 * well. (The dev console's properties page reads only Camel's own list; the component docs say how to name
 * properties for it.)
 * <p>
 * Camel keeps the keywords it masks in printed URIs JVM-wide, and each context that sets its own replaces those of
 * the others; so every name registered here, by any context, is handed to Camel again each time.
 */
public final class SensitiveOptions {

    private static final Set<String> REGISTERED = new LinkedHashSet<>();

    private SensitiveOptions() {
    }

    /** Adds the option names to the context's additional sensitive keywords, keeping what the user set there. */
    public static void register(CamelContext camelContext, Collection<String> optionNames) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : optionNames) {
            if (!CamelContextHelper.containsSensitive(camelContext, name)) {
                missing.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        ExtendedCamelContext extension = camelContext.getCamelContextExtension();
        String existing = extension.getAdditionalSensitiveKeywords();
        if (existing != null && !existing.isBlank()) {
            missing.addAll(Arrays.asList(existing.split(",")));
        }
        extension.setAdditionalSensitiveKeywords(String.join(",", missing));
        synchronized (REGISTERED) {
            REGISTERED.addAll(missing);
            URISupport.addSanitizeKeywords(String.join(",", REGISTERED));
        }
    }
}
