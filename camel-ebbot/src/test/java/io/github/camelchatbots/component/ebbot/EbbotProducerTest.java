package io.github.camelchatbots.component.ebbot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotMessage;
import io.github.camelchatbots.component.ebbot.model.EbbotMessageRequest;
import io.github.camelchatbots.component.ebbot.model.EbbotMessageResponse;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.model.ChatConversation;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EbbotProducerTest extends EbbotTestSupport {

    private final Instant base = Instant.parse("2024-08-12T09:15:03.158Z");

    @Test
    void chatsReturnsTheFirstPageNewestFirstWithEbbotsDefaults() {
        for (int i = 0; i < 20; i++) {
            ebbot().createChat(base.plus(i, ChronoUnit.MINUTES), "User " + i);
        }

        List<EbbotChat> chats = chats(template.requestBody("ebbot:chats", null, List.class));

        assertThat(chats).hasSize(15);
        assertThat(chats.get(0).id()).isEqualTo(ebbot().chatIds().get(0));
        assertThat(chats).extracting(EbbotChat::creationTime).isSortedAccordingTo((a, b) -> b.compareTo(a));
        RecordedRequest request = ebbot().requests().get(ebbot().requests().size() - 1);
        assertThat(request.query()).contains("page=1").contains("limit=15");
        assertThat(request.headers().get("x-api-key")).containsExactly(apiKey);
    }

    @Test
    void chatsPageAndLimitComeFromOptionsAndHeadersOverrideThem() {
        for (int i = 0; i < 7; i++) {
            ebbot().createChat(base.plus(i, ChronoUnit.MINUTES));
        }

        List<EbbotChat> secondPage = chats(template.requestBody("ebbot:chats?page=2&limit=3", null, List.class));
        List<EbbotChat> thirdPage = chats(template.requestBodyAndHeaders("ebbot:chats?page=2&limit=3", null,
                Map.of(EbbotConstants.PAGE, 3, EbbotConstants.LIMIT, 3), List.class));

        assertThat(secondPage).extracting(EbbotChat::id).containsExactlyElementsOf(ebbot().chatIds().subList(3, 6));
        assertThat(thirdPage).extracting(EbbotChat::id).containsExactly(ebbot().chatIds().get(6));
    }

    @Test
    void aChatCarriesItsListFieldsAndItsCreationTimeEvenWithoutTimestamps() {
        String chatId = ebbot().createChat(base, "Jane");
        ebbot().addMessage(chatId, "user", "Where is my order?", base.plusSeconds(5));
        ebbot().closeChat(chatId);

        EbbotChat chat = chats(template.requestBody("ebbot:chats", null, List.class)).get(0);

        assertThat(chat.id()).isEqualTo(chatId);
        assertThat(chat.status()).isEqualTo("closed");
        assertThat(chat.lastMessage()).isEqualTo("Where is my order?");
        assertThat(chat.creationTime()).isEqualTo(base);
        assertThat(EbbotChat.ofId(chatId).creationTime()).isEqualTo(base);
    }

    @Test
    void aListedChatConvertsToItsUserAndConversation() {
        String chatId = ebbot().createChat(base, "Jane");
        ebbot().addMessage(chatId, "user", "hi", base.plusSeconds(3));
        EbbotChat chat = chats(template.requestBody("ebbot:chats", null, List.class)).get(0);

        ChatUser user = context.getTypeConverter().convertTo(ChatUser.class, chat);
        ChatConversation conversation = context.getTypeConverter().convertTo(ChatConversation.class, chat);

        assertThat(user.vendor()).isEqualTo("ebbot");
        assertThat(user.userId()).isEqualTo(chat.chatUser().id());
        assertThat(user.name()).isEqualTo("Jane");
        assertThat(user.attributes()).containsEntry("name", "Jane");
        assertThat(user.createdAt()).isEqualTo(base);
        assertThat(conversation.conversationId()).isEqualTo(chatId);
        assertThat(conversation.userId()).isEqualTo(user.userId());
        assertThat(conversation.userName()).isEqualTo("Jane");
        assertThat(conversation.lastActivityAt()).isEqualTo(base.plusSeconds(3));
        assertThat(context.getTypeConverter().convertTo(ChatUser.class, EbbotChat.ofId(chatId))).isNull();
    }

    @Test
    void aBareArrayAndChatsCarryingOnlyTheirIdAreAccepted() throws Exception {
        String id = "1723454103.158.fa1419c9-2568-4ea5-9ddc-00b6c0fbd69e";
        try (FixtureServer vendor = FixtureServer.answering(200, "[{\"id\":\"" + id + "\"}]")) {
            List<EbbotChat> chats = chats(template.requestBody("ebbot:chats?baseUrl=" + vendor.baseUrl(), null,
                    List.class));

            assertThat(chats).extracting(EbbotChat::id).containsExactly(id);
            assertThat(chats.get(0).creationTime()).isEqualTo(Instant.parse("2024-08-12T09:15:03.158Z"));
        }
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        String id = "1723454103.158.fa1419c9-2568-4ea5-9ddc-00b6c0fbd69e";
        try (FixtureServer proxy = FixtureServer.answering(200, "[{\"id\":\"" + id + "\"}]")) {
            int port = Integer.parseInt(proxy.baseUrl().substring(proxy.baseUrl().lastIndexOf(':') + 1));

            // the vendor host does not resolve: only a proxy can have answered
            List<EbbotChat> chats = chats(template.requestBody("ebbot:chats?baseUrl=http://ebbot.invalid"
                                                               + "&proxyHost=127.0.0.1&proxyPort=" + port, null,
                    List.class));

            assertThat(chats).extracting(EbbotChat::id).containsExactly(id);
        }
    }

    @Test
    void transcriptReturnsEveryMessageWithItsParsedTimestamp() {
        String chatId = ebbot().createChat(base);
        ebbot().addMessage(chatId, "bot", "Hi there!", Instant.parse("2024-08-12T09:15:08Z"));
        ebbot().addMessage(chatId, "user", "I want to talk to human agent!", Instant.parse("2024-08-12T21:15:12Z"));

        Exchange exchange = template.request("ebbot:transcript?chatId=" + chatId, e -> {
        });

        EbbotTranscript transcript = exchange.getMessage().getBody(EbbotTranscript.class);
        assertThat(transcript.chatId()).isEqualTo(chatId);
        assertThat(transcript.messages()).extracting(EbbotMessage::sender, EbbotMessage::text, EbbotMessage::time,
                EbbotMessage::timestamp).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bot", "Hi there!", "9:15:08 AM",
                                Instant.parse("2024-08-12T09:15:08Z")),
                        org.assertj.core.groups.Tuple.tuple("user", "I want to talk to human agent!", "9:15:12 PM",
                                Instant.parse("2024-08-12T21:15:12Z")));
        assertThat(transcript.requestId()).isNotBlank();
        assertThat(exchange.getMessage().getHeader(EbbotConstants.REQUEST_ID)).isEqualTo(transcript.requestId());
    }

    @Test
    void theSeedsSampleTranscriptParsesExactlyAsPrinted() throws Exception {
        try (FixtureServer vendor = FixtureServer.answering(200, FixtureServer.resource("seed-transcript.json"))) {
            EbbotTranscript transcript = template.requestBody("ebbot:transcript?timeZone=Europe/Stockholm&chatId="
                                                              + "1723454103.158.fa1419c9-2568-4ea5-9ddc-00b6c0fbd69e"
                                                              + "&baseUrl=" + vendor.baseUrl(), null,
                    EbbotTranscript.class);

            assertThat(transcript.requestId()).isEqualTo("c61b72b1-d966-4873-ae06-7740fac5c00b");
            assertThat(transcript.messages()).extracting(EbbotMessage::sender)
                    .containsExactly("bot", "bot", "user", "bot", "system", "agent");
            assertThat(transcript.messages()).extracting(EbbotMessage::text).containsExactly("Hey", "Hi there!",
                    "I want to talk to human agent!", "Sure! Let me connect you...",
                    "The chat is now handled by an agent.", "Hello there!");
            assertThat(transcript.messages().get(0).date()).isEqualTo("8/12/2024");
            // 9:15:08 AM in Stockholm in August is 07:15:08 UTC
            assertThat(transcript.messages().get(0).timestamp()).isEqualTo(Instant.parse("2024-08-12T07:15:08Z"));
            assertThat(transcript.messages().get(5).timestamp()).isEqualTo(Instant.parse("2024-08-12T07:15:22Z"));
            assertThat(transcript.messages()).extracting(EbbotMessage::messageId).startsWith(
                    "1723454103.158.fa1419c9-2568-4ea5-9ddc-00b6c0fbd69e#0");
        }
    }

    @Test
    void theChatIdHeaderOverridesTheOptionAndAMissingChatIdIsNamed() {
        String wanted = ebbot().createChat(base);
        ebbot().addMessage(wanted, "user", "hello", base);

        EbbotTranscript transcript = template.requestBodyAndHeader("ebbot:transcript?chatId=other", null,
                EbbotConstants.CHAT_ID, wanted, EbbotTranscript.class);

        assertThat(transcript.chatId()).isEqualTo(wanted);
        assertThatThrownBy(() -> template.requestBody("ebbot:transcript", (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageContaining("chatId").hasMessageContaining(EbbotConstants.CHAT_ID);
    }

    @Test
    void anEndpointPerChatSharesOneConnectionPool() throws Exception {
        List<String> chatIds = List.of(ebbot().createChat(base), ebbot().createChat(base.plusSeconds(1)),
                ebbot().createChat(base.plusSeconds(2)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:byChat").toD("ebbot:transcript?chatId=${header.id}");
            }
        });

        for (String chatId : chatIds) {
            assertThat(template.requestBodyAndHeader("direct:byChat", null, "id", chatId, EbbotTranscript.class)
                    .chatId()).isEqualTo(chatId);
        }

        assertThat(context.getEndpoints()).filteredOn(e -> e.getEndpointUri().startsWith("ebbot://transcript"))
                .hasSize(3);
        assertThat(context.getComponent("ebbot", EbbotComponent.class).getHttpClients().size()).isEqualTo(1);
    }

    @Test
    void anUnknownChatIsNotFound() {
        assertThatThrownBy(() -> template.requestBody("ebbot:transcript?chatId=1723454103.158.unknown", (Object) null))
                .cause().isInstanceOf(ChatbotNotFoundException.class)
                .satisfies(e -> assertThat(((ChatbotNotFoundException) e).getHttpStatus()).isEqualTo(404));
    }

    @Test
    void sendMessageStartsAConversationAndTheChatIdHeaderContinuesIt() {
        String webhookId = ebbot().createIncomingWebhook();
        ebbot().scriptAnswer("order", "orderstatus", "Your order is on its way.", "Anything else?");

        Exchange first = template.request("ebbot:sendMessage?webhookId=" + webhookId,
                e -> e.getMessage().setBody("Where is my order?"));
        EbbotMessageResponse answer = first.getMessage().getBody(EbbotMessageResponse.class);

        assertThat(answer.chatId()).isNotBlank();
        assertThat(first.getMessage().getHeader(EbbotConstants.CHAT_ID)).isEqualTo(answer.chatId());
        assertThat(answer.scenario().name()).isEqualTo("orderstatus");
        assertThat(answer.answers()).extracting(a -> a.text())
                .containsExactly("Your order is on its way.", "Anything else?");

        EbbotMessageResponse second = template.requestBodyAndHeader("ebbot:sendMessage?webhookId=" + webhookId,
                "thanks", EbbotConstants.CHAT_ID, answer.chatId(), EbbotMessageResponse.class);

        assertThat(second.chatId()).isEqualTo(answer.chatId());
        assertThat(second.scenario().name()).isEqualTo("generalcatchall");
        assertThat(ebbot().transcript(answer.chatId())).extracting(m -> m.sender() + ":" + m.text()).containsExactly(
                "user:Where is my order?", "bot:Your order is on its way.", "bot:Anything else?", "user:thanks",
                "bot:Sorry, I did not quite get that. Could you rephrase?");
    }

    @Test
    void sendMessageAcceptsARequestRecordAMapAndAJsonStringAndSendsNoApiKey() {
        String webhookId = ebbot().createIncomingWebhook();
        String endpoint = "ebbot:sendMessage?webhookId=" + webhookId;

        String chatId = template.requestBody(endpoint, EbbotMessageRequest.text("one"), EbbotMessageResponse.class)
                .chatId();
        template.requestBody(endpoint, Map.of("chatId", chatId, "type", "text", "value", "two"));
        template.requestBody(endpoint, "{\"chatId\":\"" + chatId + "\",\"value\":\"three\"}");
        // meant as JSON and broken: refused, never sent to a real user as text
        assertThatThrownBy(() -> template.requestBodyAndHeader(endpoint, "{not json, just braces}",
                EbbotConstants.CHAT_ID, chatId)).cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with '{' but is not valid JSON");

        assertThat(ebbot().transcript(chatId)).filteredOn(m -> m.sender().equals("user"))
                .extracting(m -> m.text()).containsExactly("one", "two", "three");
        List<RecordedRequest> posts = ebbot().requests().stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(posts).hasSize(3).allSatisfy(post -> {
            assertThat(post.headers()).doesNotContainKey("x-api-key");
            assertThat(post.body()).contains("\"type\":\"text\"");
        });
    }

    @Test
    void sendMessageNeedsAWebhookIdAndAMessage() {
        assertThatThrownBy(() -> template.requestBody("ebbot:sendMessage", "hello"))
                .cause().hasMessageContaining("webhookId").hasMessageContaining(EbbotConstants.WEBHOOK_ID);
        assertThatThrownBy(() -> template.requestBody("ebbot:sendMessage?webhookId=abc", ""))
                .cause().hasMessageContaining("body is empty");
        assertThatThrownBy(() -> template.requestBody("ebbot:sendMessage?webhookId=unknown-webhook", "hello"))
                .cause().isInstanceOf(ChatbotNotFoundException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<EbbotChat> chats(List<?> body) {
        return (List<EbbotChat>) body;
    }
}
