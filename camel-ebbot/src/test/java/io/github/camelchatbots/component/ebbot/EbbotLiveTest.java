package io.github.camelchatbots.component.ebbot;

import java.util.Comparator;
import java.util.List;

import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Ebbot, read-only, two requests: runs only when EBBOT_API_KEY is set (EBBOT_BASE_URL optional,
 * https://ebbot.eu by default). Checks that what we inferred about the undocumented list holds: its shape, that
 * it honours limit, and its order.
 */
@EnabledIfEnvironmentVariable(named = "EBBOT_API_KEY", matches = ".+")
class EbbotLiveTest extends CamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        EbbotConfiguration defaults = context.getComponent("ebbot", EbbotComponent.class).getConfiguration();
        defaults.setApiKey(System.getenv("EBBOT_API_KEY"));
        String baseUrl = System.getenv("EBBOT_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            defaults.setBaseUrl(baseUrl);
        }
        return context;
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsChatsAndReadsTheNewestTranscript() {
        List<EbbotChat> chats = template.requestBody("ebbot:chats?limit=5", (Object) null, List.class);

        assertThat(chats).hasSizeLessThanOrEqualTo(5).allSatisfy(chat -> {
            assertThat(chat.id()).isNotBlank();
            assertThat(chat.creationTime()).isNotNull();
        });
        // what the consumers rely on: newest first by the time in the id
        assertThat(chats).extracting(EbbotChat::creationTime).isSortedAccordingTo(Comparator.reverseOrder());
        if (!chats.isEmpty()) {
            EbbotTranscript transcript = template.requestBodyAndHeader("ebbot:transcript", null,
                    EbbotConstants.CHAT_ID, chats.get(0).id(), EbbotTranscript.class);
            assertThat(transcript.chatId()).isEqualTo(chats.get(0).id());
            assertThat(transcript.messages()).allSatisfy(message -> assertThat(message.sender()).isNotBlank());
        }
    }
}
