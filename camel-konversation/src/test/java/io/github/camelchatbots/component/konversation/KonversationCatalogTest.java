package io.github.camelchatbots.component.konversation;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table, the catalog and the headers agree: every operation is in the catalog, every value an operation takes
 * has its option and its header named after it, and every header is documented.
 */
class KonversationCatalogTest {

    private static JsonNode catalog() throws Exception {
        try (InputStream in = KonversationCatalogTest.class.getResourceAsStream(
                "/META-INF/io/github/camelchatbots/component/konversation/konversation.json")) {
            return ChatbotJson.mapper().readTree(in);
        }
    }

    @Test
    void everyOperationIsInTheCatalog() throws Exception {
        List<String> listed = new ArrayList<>();
        catalog().at("/properties/operation/enum").forEach(name -> listed.add(name.asText()));

        assertThat(listed).containsExactlyElementsOf(Arrays.stream(KonversationOperation.values()).map(Enum::name)
                .toList());
    }

    @Test
    void everyValueHasAnOptionOrAHeaderNamedAfterIt() throws Exception {
        JsonNode catalog = catalog();
        for (KonversationInput input : KonversationInput.values()) {
            assertThat(catalog.at("/headers/" + input.header()).isObject()).as(input.header()).isTrue();
            if (input.option() != null) {
                assertThat(catalog.at("/properties/" + input.option() + "/description").asText()).as(input.option())
                        .contains(input.header());
                assertThat(input.header()).isEqualTo("CamelKonversation" + Character.toUpperCase(
                        input.option().charAt(0)) + input.option().substring(1));
            }
        }
    }

    @Test
    void everyOperationTakesOnlyValuesItUses() {
        for (KonversationOperation operation : KonversationOperation.values()) {
            assertThat(operation.inputs()).as(operation.name()).doesNotHaveDuplicates();
            assertThat(operation.answer()).as(operation.name()).isNotNull();
        }
        assertThat(KonversationOperation.addTags.inputs()).containsExactlyInAnyOrder(KonversationInput.USER_NS,
                KonversationInput.TAG_NS, KonversationInput.TAG_NAMES);
    }

    @Test
    void everyHeaderIsDocumented() throws Exception {
        JsonNode headers = catalog().get("headers");
        for (Field field : KonversationConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String header = (String) field.get(null);
                assertThat(headers.path(header).path("description").asText()).as(header).isNotBlank();
            }
        }
    }
}
