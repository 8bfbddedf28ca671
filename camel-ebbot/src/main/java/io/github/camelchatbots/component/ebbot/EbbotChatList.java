package io.github.camelchatbots.component.ebbot;

import java.time.Instant;

import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.support.consumer.scan.NewestFirstPagedScan;

/** How Ebbot's consumers read its chat list: newest first, by page number, each chat ranked by its creation. */
final class EbbotChatList {

    private EbbotChatList() {
    }

    static NewestFirstPagedScan<EbbotChat> scan(EbbotEndpoint endpoint) {
        return new NewestFirstPagedScan<>((page, limit) -> endpoint.getClient().chats(page, limit),
                EbbotChatList::rank, EbbotChat::id, endpoint.getConfiguration().getLimit());
    }

    /** The creation time in epoch milliseconds: from the id, as Ebbot documents it, else createdAt. */
    static long rank(EbbotChat chat) {
        Instant created = chat.creationTime();
        return created == null ? 0 : created.toEpochMilli();
    }
}
