package dev.drpilot.action.http;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** http.healthCheck: GET an endpoint and check its status (200 unless told) and, when given, a text its body contains. */
public final class HealthCheck implements Action {

    private static final int SHOWN = 500;

    private final HttpCalls http;

    public HealthCheck() {
        this(HttpCalls.TIMEOUT);
    }

    /** @param timeout how long to wait for the connection, and again for the answer */
    HealthCheck(Duration timeout) {
        this.http = new HttpCalls(timeout);
    }

    @Override
    public String id() {
        return "http.healthCheck";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String url = args.required("url");
        int expected = args.text("expectStatus") == null ? 200 : args.integer("expectStatus");
        String expectBody = args.text("expectBody");
        HttpResponse<String> response =
                http.send(context, http.request(url).GET().build());
        String body = HttpCalls.start(response.body(), SHOWN);
        if (response.statusCode() != expected) {
            throw ActionException.permanent(url + " answered HTTP " + response.statusCode() + ", not " + expected
                    + (body.isEmpty() ? "" : ": " + body));
        }
        if (expectBody != null && !response.body().contains(expectBody)) {
            throw ActionException.permanent(url + " answered HTTP " + response.statusCode()
                    + " but its body does not contain '" + expectBody + "': " + body);
        }
        return ActionResult.of(
                url + " is healthy: HTTP " + response.statusCode(),
                Map.of("status", response.statusCode(), "body", body));
    }
}
