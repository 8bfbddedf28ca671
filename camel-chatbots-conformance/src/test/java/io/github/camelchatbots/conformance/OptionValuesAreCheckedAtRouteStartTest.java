package io.github.camelchatbots.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelchatbots.component.ebbot.EbbotEndpoint;
import io.github.camelchatbots.support.ChatbotComponent;
import io.github.camelchatbots.support.component.ComponentModel;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A value that does not parse is an error that names the option and quotes the value, for every whole-number,
 * number, duration, boolean and enum option of every component, on endpoints and on the component; never read as 0
 * or "off" (Camel reads {@code 1.5}, {@code twenty} and {@code forever} as 0 for whole-number and duration options).
 */
class OptionValuesAreCheckedAtRouteStartTest {

    private static final Map<String, List<String>> BAD_VALUES = Map.of(
            "integer", List.of("1.5", "twenty"),
            "number", List.of("abc", "0,5"),
            "duration", List.of("forever", "5 minutes"),
            "boolean", List.of("yes"),
            "enum", List.of("nonsense"));

    private record Case(String scheme, String operation, ComponentModel.Option option, String value) {
    }

    private static List<Case> cases(boolean onComponent) {
        List<Case> cases = new ArrayList<>();
        CamelContext context = new DefaultCamelContext();
        {
            for (ComponentsUnderTest.Found found : ComponentsUnderTest.all()) {
                ChatbotComponent component = found.create(context);
                ComponentModel model = component.getModel();
                String operation = model.endpointOption("operation").enums().get(0);
                for (String name : optionNames(found.scheme(), onComponent)) {
                    ComponentModel.Option option = onComponent ? model.componentOption(name) : model.endpointOption(name);
                    if (!option.kind().equals(onComponent ? "property" : "parameter")) {
                        continue;
                    }
                    String type = option.enums().isEmpty() ? option.type() : "enum";
                    for (String value : BAD_VALUES.getOrDefault(type, List.of())) {
                        cases.add(new Case(found.scheme(), operation, option, value));
                    }
                }
            }
        }
        context.stop();
        return cases;
    }

    /** The option names of a component, read back from its catalog file through the model. */
    private static List<String> optionNames(String scheme, boolean onComponent) {
        return CatalogFiles.optionNames(scheme, onComponent ? "componentProperties" : "properties");
    }

    @Test
    void everyKindOfOptionIsCovered() {
        List<Case> endpointCases = cases(false);
        for (String type : List.of("integer", "duration", "boolean", "enum")) {
            assertThat(endpointCases).as(type).anyMatch(c -> c.option().type().equals(type)
                                                            || type.equals("enum") && !c.option().enums().isEmpty());
        }
        assertThat(cases(true)).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> aBadValueInAnEndpointUriFailsTheEndpointNamingTheOption() {
        return cases(false).stream().map(c -> DynamicTest.dynamicTest(c.scheme() + " " + c.option().name() + "="
                                                                       + c.value(), () -> {
            try (CamelContext context = new DefaultCamelContext()) {
                Throwable failure = catchThrowable(() -> context.getEndpoint(c.scheme() + ":" + c.operation() + "?"
                                                                             + c.option().name() + "=" + c.value()));
                assertThat(messages(failure)).contains("option " + c.option().name() + " must be")
                        .contains("'" + c.value() + "'");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aBadValueSetOnTheComponentFailsNamingTheOption() {
        return cases(true).stream().map(c -> DynamicTest.dynamicTest(c.scheme() + " " + c.option().name() + "="
                                                                      + c.value(), () -> {
            try (CamelContext context = new DefaultCamelContext()) {
                ChatbotComponent component = context.getComponent(c.scheme(), ChatbotComponent.class);
                // as Camel Main binds camel.component.<scheme>.<option>
                Throwable failure = catchThrowable(() -> PropertyBindingSupport.build().withIgnoreCase(true)
                        .withConfigurer(component.getComponentPropertyConfigurer())
                        .bind(context, component, Map.of(c.option().name(), c.value())));
                assertThat(messages(failure)).contains("option " + c.option().name() + " must be")
                        .contains("'" + c.value() + "'");
            }
        }));
    }

    @Test
    void wellFormedValuesStillTakeEffect() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            EbbotEndpoint endpoint = context.getEndpoint("ebbot:transcript?apiKey=pk.sk&quietPeriod=5m&rateLimit=+12"
                                                         + "&maxRetryAfter=PT2S&delay=90s&timeUnit=seconds",
                    EbbotEndpoint.class);

            assertThat(endpoint.getConfiguration().getQuietPeriod()).isEqualTo(300_000L);
            assertThat(endpoint.getConfiguration().getRateLimit()).isEqualTo(12);
            assertThat(endpoint.getConfiguration().getMaxRetryAfter()).isEqualTo(2_000L);
            assertThat(endpoint.getDelay()).isEqualTo(90_000L);
            assertThat(endpoint.getTimeUnit()).isEqualTo(TimeUnit.SECONDS);
        }
    }

    @Test
    void camelMainRefusesABadComponentPropertyAtStart() {
        Main main = new Main();
        main.addInitialProperty("camel.component.ebbot.rate-limit", "1.5");
        main.addInitialProperty("camel.main.durationMaxSeconds", "1");

        Throwable failure = catchThrowable(main::start);

        assertThat(messages(failure)).contains("option rateLimit must be a whole number, not '1.5'");
        main.stop();
    }

    private static String messages(Throwable failure) {
        assertThat(failure).as("the value was accepted").isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
