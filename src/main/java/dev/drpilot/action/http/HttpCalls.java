package dev.drpilot.action.http;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP calls of the runbooks, with their failures in the operator's words (see {@link HttpFailure}). A timeout is retried. */
final class HttpCalls {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Duration timeout;
    private final HttpClient client;

    /** @param timeout how long to wait for the connection, and again for the answer */
    HttpCalls(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A request to an http(s) URL, with this client's timeout. */
    HttpRequest.Builder request(String url) throws ActionException {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null)
                throw new IllegalArgumentException("not http(s)");
            return HttpRequest.newBuilder(uri).timeout(timeout);
        } catch (IllegalArgumentException e) {
            throw ActionException.permanent(
                    "'" + url + "' is not an http(s) URL such as https://api.example.com/health");
        }
    }

    HttpResponse<String> send(ActionContext context, HttpRequest request) throws ActionException, InterruptedException {
        URI uri = request.uri();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            context.apiCall("HTTP", request.method() + " " + uri, null);
            return response;
        } catch (IOException e) {
            HttpFailure failure = HttpFailure.of(e, uri, timeout);
            context.apiCall("HTTP", request.method() + " " + uri + " (" + failure.kind() + ")", null);
            throw failure.exception(e);
        }
    }

    static String start(String body, int length) {
        String text = body == null ? "" : body.strip();
        return text.length() <= length ? text : text.substring(0, length) + "...";
    }
}
