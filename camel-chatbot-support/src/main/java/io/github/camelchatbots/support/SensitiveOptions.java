package io.github.camelchatbots.support;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.util.URISupport;

/**
 * Makes Camel mask secret options whose names it does not know. Camel masks URI options by name when it prints
 * URIs (e.g. when it logs "Creating endpoint"); its list covers the secret options of Camel's own components, so a
 * name like Ebbot's {@code webhookId} would otherwise be printed in full.
 */
public final class SensitiveOptions {

    private SensitiveOptions() {
    }

    /** Adds the option names to the context's additional sensitive keywords, keeping what the user set there. */
    public static void register(CamelContext camelContext, String... optionNames) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : optionNames) {
            if (!URISupport.sanitizeUri("probe:x?" + name + "=probe").endsWith("=xxxxxx")) {
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
    }
}
