package io.github.camelchatbots.support.consumer;

import java.time.Instant;

import io.github.camelchatbots.support.consumer.StartFrom.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartFromTest {

    private static final Instant FIRST_START = Instant.parse("2024-08-12T09:00:00Z");

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "beginning", "BEGINNING", "Beginning", "  " })
    void beginningIsTheDefault(String value) {
        StartFrom startFrom = StartFrom.parse(value);

        assertThat(startFrom.kind()).isEqualTo(Kind.BEGINNING);
        assertThat(startFrom.earliest(FIRST_START)).isEqualTo(Instant.MIN);
    }

    @ParameterizedTest
    @ValueSource(strings = { "now", "NOW" })
    void nowMeansFromTheFirstStart(String value) {
        StartFrom startFrom = StartFrom.parse(value);

        assertThat(startFrom.kind()).isEqualTo(Kind.NOW);
        assertThat(startFrom.earliest(FIRST_START)).isEqualTo(FIRST_START);
    }

    @Test
    void anInstantIsTakenAsIs() {
        StartFrom startFrom = StartFrom.parse("2024-08-01T00:00:00Z");

        assertThat(startFrom.kind()).isEqualTo(Kind.INSTANT);
        assertThat(startFrom.earliest(FIRST_START)).isEqualTo(Instant.parse("2024-08-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "2024-08-01", "begining" })
    void anInvalidValueNamesTheOption(String value) {
        assertThatThrownBy(() -> StartFrom.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startFrom")
                .hasMessageContaining(value);
    }
}
