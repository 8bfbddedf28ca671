package io.github.camelchatbots.simulator.konversation;

/**
 * A request the simulated platform refuses. The messages follow Laravel's validation wording, which the UChat family
 * is built on, but name the field exactly as it is sent ({@code user_ns}, {@code data.0.tag_ns}) so that a test can
 * tell which one was at fault. It is an {@link IllegalArgumentException} because the Java API shares these rules.
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

    static ApiError required(String field) {
        return badRequest("The " + field + " field is required.");
    }

    /** Laravel's {@code exists} rule: the value names nothing in this bot. */
    static ApiError unknown(String field) {
        return badRequest("The selected " + field + " is invalid.");
    }

    static ApiError taken(String field) {
        return badRequest("The " + field + " has already been taken.");
    }

    static ApiError between(String field, long min, long max) {
        return badRequest("The " + field + " field must be between " + min + " and " + max + ".");
    }

    static ApiError tooMany(String field, int max) {
        return badRequest("The " + field + " field must not have more than " + max + " items.");
    }

    static ApiError oneOf(String field, Iterable<String> choices) {
        return badRequest("The selected " + field + " is invalid. It must be one of: " + String.join(", ", choices)
                + ".");
    }

    static ApiError mustBe(String field, String what) {
        return badRequest("The " + field + " field must be " + what + ".");
    }

    int status() {
        return status;
    }
}
