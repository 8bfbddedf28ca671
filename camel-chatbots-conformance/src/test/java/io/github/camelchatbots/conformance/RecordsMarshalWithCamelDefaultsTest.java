package io.github.camelchatbots.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelchatbots.support.model.ChatTranscript;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public record a component returns, and the vendor-neutral model, written with {@code marshal().json()} as
 * Camel's defaults have it (no JavaTimeModule) and read back with {@code unmarshal().json(Type)}, in real routes;
 * then the same with the JavaTimeModule registered. Times are ISO-8601 text either way.
 */
class RecordsMarshalWithCamelDefaultsTest extends CamelTestSupport {

    private static final String JAVA_TIME_MODULE = "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule";

    private static List<Class<?>> records() {
        List<Class<?>> records = new ArrayList<>(
                SampleRecords.publicRecordsBeside(ChatTranscript.class, "io.github.camelchatbots.support.model"));
        for (ComponentsUnderTest.Found component : ComponentsUnderTest.all()) {
            Class<?> componentClass = component.create(new org.apache.camel.impl.DefaultCamelContext()).getClass();
            records.addAll(SampleRecords.publicRecordsBeside(componentClass, "io.github.camelchatbots.component"));
        }
        return records;
    }

    @Test
    void everyComponentHasRecordsToCheck() {
        List<Class<?>> records = records();
        for (ComponentsUnderTest.Found component : ComponentsUnderTest.all()) {
            assertThat(records).as(component.scheme())
                    .anyMatch(type -> type.getPackageName().contains(".component." + component.scheme()));
        }
        assertThat(records).contains(ChatTranscript.class);
    }

    @TestFactory
    Stream<DynamicTest> eachRecordMarshalsWithCamelsDefaultsAndComesBackEqual() {
        return records().stream().map(type -> DynamicTest.dynamicTest(type.getName(), () -> roundTrip(type, false)));
    }

    @TestFactory
    Stream<DynamicTest> eachRecordMarshalsWithTheJavaTimeModuleToo() {
        return records().stream().map(type -> DynamicTest.dynamicTest(type.getName(), () -> roundTrip(type, true)));
    }

    private void roundTrip(Class<?> type, boolean javaTimeModule) throws Exception {
        String suffix = type.getName().replace('.', '-').replace('$', '-') + (javaTimeModule ? "-jsr310" : "");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (javaTimeModule) {
                    JacksonDataFormat writer = new JacksonDataFormat();
                    writer.setModuleClassNames(JAVA_TIME_MODULE);
                    JacksonDataFormat reader = new JacksonDataFormat(type);
                    reader.setModuleClassNames(JAVA_TIME_MODULE);
                    from("direct:marshal-" + suffix).marshal(writer);
                    from("direct:unmarshal-" + suffix).unmarshal(reader);
                } else {
                    from("direct:marshal-" + suffix).marshal().json();
                    from("direct:unmarshal-" + suffix).unmarshal().json(type);
                }
            }
        });
        Object original = SampleRecords.populated(type);

        String json = template.requestBody("direct:marshal-" + suffix, original, String.class);
        Object back = template.requestBody("direct:unmarshal-" + suffix, json);

        assertThat(back).as(json).isEqualTo(original);
        if (json.contains("2024-08-12")) {
            assertThat(json).contains("\"2024-08-12T09:15:03.158Z\"");
        }
    }
}
