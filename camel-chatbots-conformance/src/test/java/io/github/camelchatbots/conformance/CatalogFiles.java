package io.github.camelchatbots.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A component's generated catalog JSON, read the way tooling reads it. */
final class CatalogFiles {

    private CatalogFiles() {
    }

    static JsonNode catalog(String scheme) {
        String resource = "META-INF/io/github/camelchatbots/component/" + scheme + "/" + scheme + ".json";
        try (InputStream in = CatalogFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no catalog " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param group {@code componentProperties} or {@code properties} */
    static List<String> optionNames(String scheme, String group) {
        List<String> names = new ArrayList<>();
        catalog(scheme).path(group).fieldNames().forEachRemaining(names::add);
        return names;
    }
}
