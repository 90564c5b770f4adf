package dev.drpilot.action.http;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** The HTTP calls of the runbooks, with their failures in the operator's words. A timeout is retried; the rest is said plainly. */
final class HttpCalls {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();

    static URI uri(String url) throws ActionException {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) throw new IllegalArgumentException("not http(s)");
            return uri;
        } catch (IllegalArgumentException e) {
            throw ActionException.permanent("'" + url + "' is not an http(s) URL such as https://api.example.com/health");
        }
    }

    HttpResponse<String> send(ActionContext context, HttpRequest request) throws ActionException, InterruptedException {
        URI uri = request.uri();
        String where = uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            context.apiCall("HTTP", request.method() + " " + uri, null);
            return response;
        } catch (HttpTimeoutException e) {
            context.apiCall("HTTP", request.method() + " " + uri + " (timed out)", null);
            throw new ActionException("No answer from " + where + " within " + TIMEOUT.toSeconds() + " s: retrying", true, e);
        } catch (ConnectException e) {
            context.apiCall("HTTP", request.method() + " " + uri + " (refused)", null);
            throw ActionException.permanent("Nothing answers at " + where + " (connection refused): is the service up, and the URL right?");
        } catch (SSLException e) {
            context.apiCall("HTTP", request.method() + " " + uri + " (TLS failed)", null);
            throw ActionException.permanent("The TLS handshake with " + where + " failed (" + e.getMessage() + "): check the certificate and the host name");
        } catch (IOException e) {
            context.apiCall("HTTP", request.method() + " " + uri + " (failed)", null);
            throw ActionException.permanent("Cannot reach " + where + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    static String start(String body, int length) {
        String text = body == null ? "" : body.strip();
        return text.length() <= length ? text : text.substring(0, length) + "...";
    }
}
