package io.github.camelchatbots.component.chataibot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.chataibot.model.ChataibotContact;
import io.github.camelchatbots.component.chataibot.model.ChataibotConversationStart;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessageSent;
import io.github.camelchatbots.component.chataibot.model.ChataibotSource;
import io.github.camelchatbots.component.chataibot.model.ChataibotUploadedSources;
import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.support.model.ChatConversation;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample answers on ChatAIBot's own page (seed 004), served as printed, read into the records field for field.
 * The page's copy carries // comments inside the JSON; the fixtures have them removed and nothing else changed. The
 * knowledge-base samples come from ChatAIBot's public API page (API notes 3.5), with its placeholders {@code <field>}
 * and {@code text|file} given values.
 */
class ChataibotSeedSamplesTest {

    private static <T> T answering(String fixture, String uri, Object body, Map<String, Object> headers, Class<T> type)
            throws Exception {
        try (FixtureServer vendor = FixtureServer.answering(200, FixtureServer.resource(fixture));
             CamelContext camel = new DefaultCamelContext()) {
            ChataibotConfiguration defaults = camel.getComponent("chataibot", ChataibotComponent.class)
                    .getConfiguration();
            defaults.setBaseUrl(vendor.baseUrl());
            defaults.setAccessToken("seed-token");
            camel.start();
            return camel.createProducerTemplate().requestBodyAndHeaders(uri, body, headers, type);
        }
    }

    @Test
    void startConversationSample() throws Exception {
        ChataibotConversationStart start = answering("seed-start-conversation-response.json",
                "chataibot:startConversation?botKey=bot", "Hello",
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, "<visitor_id>"), ChataibotConversationStart.class);

        assertThat(start.conversationId()).isEqualTo("<conversation_id>");
        assertThat(start.conversation().createdAt()).isEqualTo(Instant.parse("2025-02-10T20:21:03.913Z"));
        assertThat(start.conversation().assignee()).isEqualTo(
                new ChataibotConversationStart.Assignee("<bot_user_id>", "<bot_user_email>"));
        assertThat(start.contact()).isEqualTo(new ChataibotContact("User Name", "example@domain.com", "9999999999",
                "<visitor_id>_<account_id>", null));

        ChatConversation neutral = new DefaultCamelContext().getTypeConverter().convertTo(ChatConversation.class,
                start);
        assertThat(neutral).isEqualTo(new ChatConversation("chataibot", "<conversation_id>",
                "<visitor_id>_<account_id>", "User Name", null, Instant.parse("2025-02-10T20:21:03.913Z"), null));
        ChatUser visitor = new DefaultCamelContext().getTypeConverter().convertTo(ChatUser.class, start.contact());
        assertThat(visitor.userId()).isEqualTo("<visitor_id>_<account_id>");
        assertThat(visitor.email()).isEqualTo("example@domain.com");
        assertThat(visitor.attributes()).containsEntry("phone", "9999999999");
    }

    @Test
    void sendMessageSample() throws Exception {
        ChataibotMessageSent sent = answering("seed-send-message-response.json",
                "chataibot:sendMessage?conversationId=c1", "Hello", Map.of(), ChataibotMessageSent.class);

        assertThat(sent.messageId()).isEqualTo("6HRBshHEcV8P103039226478taGDJQxC");
        assertThat(sent.conversationId()).isEqualTo("c1");
        assertThat(sent.replies()).isEmpty();
    }

    @Test
    void uploadSourcesSample() throws Exception {
        ChataibotUploadedSources uploaded = answering("api-upload-sources-response.json",
                "chataibot:uploadSources?knowledgeBaseId=876", "text", Map.of(), ChataibotUploadedSources.class);

        assertThat(uploaded.knowledgeBaseId()).isEqualTo(876L);
        assertThat(uploaded.fields()).containsOnlyKeys("sample");
        ChataibotSource source = uploaded.sources().get(0);
        assertThat(source.id()).isEqualTo(330783L);
        assertThat(source.type()).isEqualTo("text");
        assertThat(source.name()).isEqualTo("sample.txt");
        assertThat(source.status()).isEqualTo("in-progress");
        assertThat(source.errors()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sourceStatusSample() throws Exception {
        List<ChataibotSource> sources = answering("api-source-status-response.json",
                "chataibot:sourceStatus?sourceIds=330783", null, Map.of(), List.class);

        assertThat(sources).singleElement().satisfies(source -> {
            assertThat(source.id()).isEqualTo(330783L);
            assertThat(source.name()).isEqualTo("sample.txt");
            assertThat(source.completed()).isTrue();
            assertThat(source.knowledgeBaseId()).isEqualTo(876L);
        });
    }
}
