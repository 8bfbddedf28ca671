package io.github.camelchatbots.simulator.http;

import io.github.camelchatbots.simulator.RecordedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dispatches a vendor's requests by method and path regex; capture groups become path parameters. */
public final class Router {

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final ErrorResponses errors;

    public Router(ErrorResponses errors) {
        this.errors = errors;
    }

    public Router get(String pathRegex, Handler handler) {
        return add("GET", pathRegex, handler);
    }

    public Router post(String pathRegex, Handler handler) {
        return add("POST", pathRegex, handler);
    }

    public Router put(String pathRegex, Handler handler) {
        return add("PUT", pathRegex, handler);
    }

    public Router delete(String pathRegex, Handler handler) {
        return add("DELETE", pathRegex, handler);
    }

    private Router add(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    public Response dispatch(RecordedRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (!matcher.matches()) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return route.handler().handle(new Request(request, groups(matcher)));
            }
            pathKnown = true;
        }
        return pathKnown ? errors.error(405, "Method Not Allowed") : errors.error(404, "Not Found");
    }

    private static List<String> groups(Matcher matcher) {
        List<String> groups = new ArrayList<>(matcher.groupCount());
        for (int i = 1; i <= matcher.groupCount(); i++) {
            groups.add(matcher.group(i));
        }
        return List.copyOf(groups);
    }
}
