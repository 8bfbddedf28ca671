package io.github.camelchatbots.simulator.http;

/** How a vendor shapes its error bodies, so that generic errors (404, injected faults) look like that vendor's. */
@FunctionalInterface
public interface ErrorResponses {

    Response error(int status, String message);
}
