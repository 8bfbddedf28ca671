package io.github.camelchatbots.simulator.konversation;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ErrorEnvelope;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.MessageOrder;

/**
 * The wire choices tests can switch, for what the notes leave open: clients have seen each of these forms, so a
 * client must cope with all of them.
 */
final class Behaviour {

    volatile boolean bareSingleObjects;
    volatile ErrorEnvelope errorEnvelope = ErrorEnvelope.MESSAGE;
    volatile MessageOrder messageOrder = MessageOrder.NEWEST_FIRST;
    volatile boolean textTimestamps;

    void reset() {
        bareSingleObjects = false;
        errorEnvelope = ErrorEnvelope.MESSAGE;
        messageOrder = MessageOrder.NEWEST_FIRST;
        textTimestamps = false;
    }
}
