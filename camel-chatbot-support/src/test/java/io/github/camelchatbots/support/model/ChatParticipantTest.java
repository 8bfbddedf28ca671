package io.github.camelchatbots.support.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChatParticipantTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "user, USER", "visitor, USER", "customer, USER", "contact, USER", "human, USER",
            "bot, BOT", "chatbot, BOT", "assistant, BOT",
            "agent, AGENT", "operator, AGENT", "human_agent, AGENT",
            "system, SYSTEM",
            // vendors differ in case and some pad their enums
            "'  Visitor ', USER", "BOT, BOT", "Human_Agent, AGENT",
            "webhook, OTHER", "'', OTHER",
    })
    void mapsVendorNamesLeniently(String name, ChatParticipant expected) {
        assertThat(ChatParticipant.fromVendorName(name)).isEqualTo(expected);
    }

    @Test
    void anUnnamedSenderIsKeptAsOther() {
        assertThat(ChatParticipant.fromVendorName(null)).isEqualTo(ChatParticipant.OTHER);
    }
}
