package io.github.camelchatbots.simulator.engati;

/**
 * A request the simulated Engati refuses: the HTTP status, the envelope's status code and a message naming the field
 * or parameter at fault. Thrown anywhere below a route and turned into the envelope by {@link EngatiApi}.
 */
final class EngatiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final EngatiStatus status;

    EngatiError(int httpStatus, EngatiStatus status, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.status = status;
    }

    /** A parameter of a {@code /bot-api} route that fails validation. */
    static EngatiError badRequest(String message) {
        return new EngatiError(400, EngatiStatus.FAILURE, message);
    }

    /** A refusal of a {@code /whatsapp-api} route, which reports its problems in the envelope of an HTTP 200. */
    static EngatiError inEnvelope(EngatiStatus status, String message) {
        return new EngatiError(200, status, message);
    }

    int httpStatus() {
        return httpStatus;
    }

    EngatiStatus status() {
        return status;
    }
}
