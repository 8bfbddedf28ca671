package io.github.camelchatbots.examples;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelchatbots.examples.KonversationNeedsAgentTally.Outcome;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlow;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlowSend;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubscriberView;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the example as its users do, without keys: the simulators' ChatBot.com and Ebbot demo chats as the sources,
 * the simulator's konversation bot as the target. What is expected comes from the simulators' own records.
 */
class KonversationNeedsAgentExampleTest {

    @Test
    @Timeout(90)
    void tagsEveryUserWhoAskedForAHumanAgentInKonversationAndHandsThemOver() throws Exception {
        KonversationNeedsAgentApplication application = new KonversationNeedsAgentApplication(Map.of())
                // a broken route fails this test instead of leaving it waiting for chats that never come
                .override("camel.main.durationMaxSeconds", "45");

        assertThat(application.run()).isZero();

        KonversationSimulation konversation = application.simulator().konversation();
        SubFlow handover = konversation.subFlows().stream().filter(flow -> flow.name().equals("Talk to an agent"))
                .findFirst().orElseThrow();
        List<String> handedOver = konversation.subFlowSends().stream()
                .filter(send -> send.via().equals("send-sub-flow-by-flow-name")).map(SubFlowSend::userNs).toList();
        List<String> emails = application.demoHandovers();
        assertThat(emails).hasSize(3);
        for (String email : emails) {
            List<SubscriberView> matching = konversation.subscribers().stream()
                    .filter(subscriber -> email.equals(subscriber.email())).toList();
            assertThat(matching).as("one konversation subscriber for %s", email).hasSize(1);
            SubscriberView subscriber = matching.get(0);
            assertThat(subscriber.tags()).extracting(Tag::name).as(email).contains("needs-agent");
            assertThat(handedOver).as(email).containsOnlyOnce(subscriber.userNs());
        }
        assertThat(handedOver).as("only they were handed over").hasSize(3);
        assertThat(konversation.subFlowSends()).filteredOn(send -> send.via().equals("send-sub-flow-by-flow-name"))
                .extracting(SubFlowSend::subFlowNs).containsOnly(handover.subFlowNs());

        KonversationNeedsAgentTally tally = application.tally();
        assertThat(tally.countOf("ChatBot.com", Outcome.CREATED_AND_TAGGED)).isEqualTo(2);
        assertThat(tally.countOf("ChatBot.com", Outcome.TAGGED)).isEqualTo(1);

        // Ebbot keeps no e-mail address of the demo's users: those who asked are counted, and nobody is created
        EbbotSimulation ebbot = application.simulator().ebbot();
        long askedInEbbot = ebbot.chatIds().stream().filter(chatId -> ebbot.transcript(chatId).stream()
                .anyMatch(message -> message.sender().equals("user")
                                     && message.text().toLowerCase(Locale.ROOT).contains("human"))).count();
        assertThat(askedInEbbot).isPositive();
        assertThat(tally.countOf("Ebbot", Outcome.NO_CONTACT)).isEqualTo((int) askedInEbbot);
        assertThat(tally.countOf("Ebbot", Outcome.TAGGED) + tally.countOf("Ebbot", Outcome.CREATED_AND_TAGGED)).isZero();
    }

    @Test
    void aRealKonversationIsNeverFedTheDemosUsers() throws Exception {
        int exitCode = new KonversationNeedsAgentApplication(Map.of("KONVERSATION_API_KEY", "real-key",
                "KONVERSATION_BASE_URL", "https://konversation.example/api")).run();

        assertThat(exitCode).isEqualTo(1);
    }
}
