package io.github.camelchatbots.component.ebbot;

import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.support.consumer.ListItemConsumer;
import io.github.camelchatbots.support.consumer.scan.ListScan;
import io.github.camelchatbots.support.consumer.scan.NewestFirstPagedScan;
import org.apache.camel.Processor;

/**
 * Delivers every Ebbot chat once, oldest first, as the list shows it ({@link EbbotChat}, as {@code ebbot:chats}
 * returns them).
 */
public class EbbotChatsConsumer extends ListItemConsumer<EbbotChat> {

    private final EbbotEndpoint endpoint;
    private NewestFirstPagedScan<EbbotChat> scan;

    public EbbotChatsConsumer(EbbotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, EbbotConstants.CHAT_ID, EbbotChat.class);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        scan = EbbotChatList.scan(endpoint);
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("chats");
    }

    @Override
    protected ListScan<EbbotChat> scan(String partition) {
        return scan::scan;
    }

    @Override
    protected long rank(EbbotChat chat) {
        return EbbotChatList.rank(chat);
    }

    @Override
    protected String id(EbbotChat chat) {
        return chat.id();
    }
}
