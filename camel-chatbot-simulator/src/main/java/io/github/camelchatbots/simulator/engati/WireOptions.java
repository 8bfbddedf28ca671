package io.github.camelchatbots.simulator.engati;

import io.github.camelchatbots.simulator.engati.EngatiSimulation.ConversationsKey;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.PageOrder;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TextField;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TimestampFormat;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.UsersShape;

import java.time.ZoneOffset;

/**
 * The answers' details that Engati does not document (its docs show the responses only as images), switchable from
 * tests so that a client can be checked against each plausible form. Volatile, because a test thread sets them
 * while the server's threads read them.
 */
final class WireOptions {

    /** 5 MB: the limit is undocumented; Engati only says a file that is too large fails with 2006. */
    static final long DEFAULT_MAX_AUDIENCE_FILE_BYTES = 5L * 1024 * 1024;
    /** India's offset, the one in the only timestamp sample seen ({@code 2024-01-01 10:00:00.000+0530}). */
    static final ZoneOffset DEFAULT_TIMESTAMP_OFFSET = ZoneOffset.ofHoursMinutes(5, 30);

    volatile UsersShape usersShape;
    volatile ConversationsKey conversationsKey;
    volatile TextField textField;
    volatile TimestampFormat timestampFormat;
    volatile ZoneOffset timestampOffset;
    volatile boolean messageIdIncluded;
    volatile PageOrder pageOrder;
    volatile int firstPageNumber;
    volatile long maxAudienceFileBytes;

    WireOptions() {
        reset();
    }

    void reset() {
        usersShape = UsersShape.USERS_OBJECT;
        conversationsKey = ConversationsKey.CONVERSATIONS;
        textField = TextField.TEXT;
        timestampFormat = TimestampFormat.ENGATI;
        timestampOffset = DEFAULT_TIMESTAMP_OFFSET;
        messageIdIncluded = true;
        pageOrder = PageOrder.OLDEST_FIRST;
        firstPageNumber = 1;
        maxAudienceFileBytes = DEFAULT_MAX_AUDIENCE_FILE_BYTES;
    }
}
