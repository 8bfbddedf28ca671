package io.github.camelchatbots.component.engati;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelchatbots.component.engati.model.EngatiRecipient;
import io.github.camelchatbots.component.engati.model.EngatiTemplate;
import io.github.camelchatbots.component.engati.model.EngatiUser;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.Broadcast;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.FlowTrigger;
import io.github.camelchatbots.support.model.ChatTranscript;
import io.github.camelchatbots.support.model.ChatUser;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The route examples of engati-component.adoc, as written there, against the simulator. */
class EngatiDocsExamplesTest extends EngatiTestSupport {

    private static final String TEMPLATE_JSON = "{\"name\":\"diwali_offer\",\"language\":{\"code\":\"en\"},"
                                                + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":"
                                                + "\"text\",\"text\":\"20% off\"}]}]}";

    @TempDir
    Path directory;

    private final List<Object> crm = new CopyOnWriteArrayList<>();

    @Test
    void usersIntoTheCrm() throws Exception {
        engati().addUser("919565428256", "whatsapp", "Priya Nair", Map.of("lead_status", "qualified"));
        engati().addUser("918123456789", "whatsapp", "Rohan Iyer", Map.of("lead_status", "new"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:leads?period=15m")
                    .to("engati:users?attributeName=lead_status&attributeValue=qualified")
                    .split(body())
                        .convertBodyTo(ChatUser.class)
                        .to("direct:crm-upsert");
                from("direct:crm-upsert").process(exchange -> crm.add(exchange.getMessage().getBody()));
            }
        });

        await().until(() -> crm.size() == 1);

        assertThat(crm).singleElement().isInstanceOfSatisfying(ChatUser.class, user ->
                assertThat(user.name()).isEqualTo("Priya Nair"));
    }

    @Test
    void theLastDayOfAHistoryIntoAnArchive() throws Exception {
        Path archive = directory.resolve("archive/engati");
        engati().addUser("919565428256", "whatsapp", "Priya Nair", Map.of());
        engati().addMessage("919565428256", "user", "two days ago", Instant.now().minus(Duration.ofDays(2)));
        engati().addMessage("919565428256", "user", "Where is my order?", Instant.now().minus(Duration.ofHours(2)));
        engati().addMessage("919565428256", "bot", "It ships today.", Instant.now().minus(Duration.ofHours(1)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:archive")
                    .setHeader("CamelEngatiStartDate", simple("${date:now-24h}"))
                    .to("engati:conversations?pageSize=200")
                    .convertBodyTo(ChatTranscript.class)
                    .marshal().json()
                    .to("file:" + archive + "?fileName=${header.CamelEngatiChannelUserId}.json");
            }
        });

        template.sendBodyAndHeader("direct:archive", null, EngatiConstants.CHANNEL_USER_ID, "919565428256");

        ChatTranscript archived = ChatbotJson.mapper().readValue(archive.resolve("919565428256.json").toFile(),
                ChatTranscript.class);
        assertThat(archived.messages()).extracting(message -> message.text())
                .containsExactly("Where is my order?", "It ships today.");
    }

    @Test
    void aFlowForAShippedOrder() throws Exception {
        engati().registerFlow("27055FA465AE4076BD2D41403A62B1B7", "Your order is on its way!");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order-shipped")
                    .setBody(exchange -> Map.of(
                            "user.phone_no", exchange.getMessage().getHeader("phone", String.class),
                            "user.channel", "whatsapp",
                            "order_id", exchange.getMessage().getHeader("orderId", String.class)))
                    .to("engati:triggerFlow?flowKey=27055FA465AE4076BD2D41403A62B1B7");
            }
        });

        template.sendBodyAndHeaders("direct:order-shipped", null, Map.of("phone", "919876543210",
                "orderId", "A-1042"));

        FlowTrigger trigger = engati().flowTriggers().get(0);
        assertThat(trigger.attributes()).containsEntry("order_id", "A-1042");
        assertThat(engati().messages("919876543210")).extracting(message -> message.text())
                .containsExactly("Your order is on its way!");
    }

    @Test
    void anOrderUpdate() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order-update")
                    .setHeader("CamelEngatiPhoneNumber", simple("${header.phone}"))
                    .setBody(exchange -> EngatiTemplate.of("order_update", "en_US")
                            .withComponents(List.of(EngatiTemplate.Component.body(
                                    exchange.getMessage().getHeader("name", String.class)))))
                    .to("engati:sendTemplate")
                    .log("sent ${header.CamelEngatiMessageId}");
            }
        });

        String messageId = template.request("direct:order-update", exchange -> {
            exchange.getMessage().setHeader("phone", "+919876543210");
            exchange.getMessage().setHeader("name", "Priya");
        }).getMessage().getHeader(EngatiConstants.MESSAGE_ID, String.class);

        assertThat(engati().templateSends()).singleElement().satisfies(sent -> {
            assertThat(sent.messageId()).isEqualTo(messageId);
            assertThat(sent.payload().at("/components/0/parameters/0/text").asText()).isEqualTo("Priya");
        });
    }

    @Test
    void broadcastsFromFilesAndFromLeads() throws Exception {
        Path inbox = Files.createDirectories(directory.resolve("inbox/broadcasts"));
        engati().addUser("919565428256", "whatsapp", "Priya Nair", Map.of("lead_status", "qualified"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?include=.*\\.csv&initialDelay=0&delay=50")
                    .setHeader("CamelEngatiBroadcastId", simple("${file:onlyname.noext}"))
                    .to("engati:broadcast?templateName=diwali_offer&templateLanguage=en");

                from("direct:offer")
                    .to("engati:users?attributeName=lead_status&attributeValue=qualified")
                    .setBody(exchange -> exchange.getMessage().getBody(List.class).stream()
                            .map(user -> EngatiRecipient.of(((EngatiUser) user).channelUserId(),
                                    ((EngatiUser) user).name()))
                            .toList())
                    .setHeader("CamelEngatiBroadcastId", constant("Diwali offer"))
                    .setHeader("CamelEngatiTemplate", constant(TEMPLATE_JSON))
                    .to("engati:broadcast");
            }
        });

        Files.writeString(inbox.resolve("october.csv"), "user.phone_number,user.attribute_0\n+918123456789,Rohan\n");
        template.sendBody("direct:offer", null);
        await().until(() -> engati().broadcasts().size() == 2);

        assertThat(engati().broadcasts()).extracting(Broadcast::name).containsExactlyInAnyOrder("october",
                "Diwali offer");
        assertThat(engati().broadcasts()).filteredOn(broadcast -> broadcast.name().equals("Diwali offer"))
                .singleElement().satisfies(broadcast -> {
                    assertThat(broadcast.rows()).containsExactly(List.of("+919565428256", "Priya Nair"));
                    assertThat(broadcast.payload().at("/components/0/parameters/0/text").asText())
                            .isEqualTo("20% off");
                });
    }
}
