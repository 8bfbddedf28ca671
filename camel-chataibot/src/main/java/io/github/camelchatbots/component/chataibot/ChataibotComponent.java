package io.github.camelchatbots.component.chataibot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelchatbots.support.ChatbotComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * The {@code chataibot:} component. Options set here are the defaults of every endpoint it creates. It also holds
 * what its endpoints share: the visitors' conversations when no file or repository bean keeps them, and the running
 * {@code replies} consumers, to which {@code sendMessage} hands the replies that come back in its answers.
 */
@Component("chataibot")
public class ChataibotComponent extends ChatbotComponent {

    @Metadata(description = "The defaults shared by every chataibot endpoint of this component.")
    private ChataibotConfiguration configuration = new ChataibotConfiguration();

    /** Outlives route restarts, as the consumers' memory cursors do; a file keeps it across JVM restarts. */
    private final ConversationMemory memory = ConversationMemory.inMemory(new MemoryStateRepository());
    private final List<ChataibotRepliesConsumer> repliesConsumers = new CopyOnWriteArrayList<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ChataibotEndpoint endpoint = new ChataibotEndpoint(uri, this, ChataibotEndpoint.operation(remaining),
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public ChataibotConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ChataibotConfiguration configuration) {
        this.configuration = configuration;
    }

    ConversationMemory getMemory() {
        return memory;
    }

    void register(ChataibotRepliesConsumer consumer) {
        repliesConsumers.add(consumer);
    }

    void unregister(ChataibotRepliesConsumer consumer) {
        repliesConsumers.remove(consumer);
    }

    /** The replies consumers of this component that run now. */
    List<ChataibotRepliesConsumer> getRepliesConsumers() {
        return List.copyOf(repliesConsumers);
    }
}
