package io.github.camelchatbots.support.json;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FlexibleInstantDeserializerTest {

    private static final Instant AT = Instant.parse("2024-08-12T09:15:03.158Z");

    record Event(String id, @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant at) {
    }

    private static Event read(String atJson) throws Exception {
        return ChatbotJson.mapper().readValue("{\"id\":\"e1\",\"at\":" + atJson + "}", Event.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "\"2024-08-12T09:15:03.158Z\"",
            "\"2024-08-12T11:15:03.158+02:00\"",
            "\"2024-08-12T04:15:03.158-0500\"",
            // no offset: vendors that leave it out mean UTC
            "\"2024-08-12T09:15:03.158\"",
            "\"2024-08-12 09:15:03.158Z\"",
            "\"2024-08-12t09:15:03.158z\"",
            "1723454103158",
            "\"1723454103158\"",
    })
    void readsTheFormsVendorsSend(String atJson) throws Exception {
        assertThat(read(atJson).at()).isEqualTo(AT);
    }

    @Test
    void readsChatBotComsSpaceSeparatedTimestamp() throws Exception {
        assertThat(read("\"2019-01-23 13:32:30.163Z\"").at()).isEqualTo(Instant.parse("2019-01-23T13:32:30.163Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // too small to be milliseconds: seconds
            "1723454103,     2024-08-12T09:15:03Z",
            "'\"1723454103\"', 2024-08-12T09:15:03Z",
            "99999999999,    5138-11-16T09:46:39Z",
            "100000000000,   1973-03-03T09:46:40Z",
    })
    void tellsEpochSecondsFromMilliseconds(String atJson, Instant expected) throws Exception {
        assertThat(read(atJson).at()).isEqualTo(expected);
    }

    @Test
    void readsTimesWithoutSecondsOrFraction() throws Exception {
        assertThat(read("\"2024-08-12T09:15Z\"").at()).isEqualTo(Instant.parse("2024-08-12T09:15:00Z"));
        assertThat(read("\"2024-08-12T09:15:03Z\"").at()).isEqualTo(Instant.parse("2024-08-12T09:15:03Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "\"yesterday\"", "\"2024-13-45T99:00:00Z\"", "\"\"", "\"  \"", "null", "{\"x\":1}",
                             "[1,2]", "true" })
    void whatCannotBeReadIsNullAndTheRestOfTheRecordSurvives(String atJson) throws Exception {
        Event event = read(atJson);

        assertThat(event.at()).isNull();
        assertThat(event.id()).isEqualTo("e1");
    }

    @Test
    void parsesTextOutsideJsonTheSameWay() {
        assertThat(FlexibleInstantDeserializer.parse(" 2024-08-12T09:15:03.158Z ")).isEqualTo(AT);
        assertThat(FlexibleInstantDeserializer.parse("1723454103158")).isEqualTo(AT);
        assertThat(FlexibleInstantDeserializer.parse(null)).isNull();
        assertThat(FlexibleInstantDeserializer.parse("garbage")).isNull();
    }
}
