package io.github.camelchatbots.simulator.chataibot;

/**
 * A request the simulated ChatAIBot refuses, with the status and the message of its {@code {"ok":false,"error"}}
 * answer. An {@link IllegalArgumentException}, because the Java API shares these rules and then reports a bad
 * argument.
 */
final class ApiError extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    int status() {
        return status;
    }
}
