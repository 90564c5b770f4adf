package dev.drpilot.action.http;

import dev.drpilot.action.ActionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Why an HTTP call got no answer, in one sentence the operator can act on: the host name does not
 * resolve, nothing listens on the port, nothing answers in time, or TLS failed (the certificate,
 * or the handshake itself).
 *
 * @param kind      what the incident log notes beside the call
 * @param retryable whether the engine tries again (only a timeout may pass)
 */
record HttpFailure(String kind, String message, boolean retryable) {

    static HttpFailure of(IOException e, URI uri, Duration timeout) {
        String where =
                uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        String within = " within " + timeout.toSeconds() + " s";
        if (e instanceof HttpConnectTimeoutException) {
            return new HttpFailure(
                    "timed out",
                    "No connection to " + where + within
                            + " (neither the connection nor the TLS handshake was answered)"
                            + ": is a firewall dropping the traffic, or the host or port wrong?",
                    true);
        }
        if (e instanceof HttpTimeoutException) {
            return new HttpFailure(
                    "timed out",
                    where + " took the request but sent no answer" + within + ": is the service hung or overloaded?",
                    true);
        }
        if (cause(e, UnresolvedAddressException.class) != null) {
            return new HttpFailure(
                    "no such host",
                    "The host name " + uri.getHost() + " does not resolve (DNS: no such host)"
                            + ": check the URL's host name, and that this machine's DNS knows it (VPN, private zone)",
                    false);
        }
        if (e instanceof ConnectException) {
            return new HttpFailure(
                    "refused",
                    "Nothing listens on " + where
                            + " (connection refused): is the service up, and the port in the URL right?",
                    false);
        }
        if (cause(e, CertificateException.class) != null) {
            return new HttpFailure(
                    "TLS failed",
                    "The certificate of " + where + " is not accepted (" + certificateProblem(e)
                            + "): check the URL's host name, and the certificate with openssl s_client -connect "
                            + where,
                    false);
        }
        if (e instanceof SSLException) {
            return new HttpFailure(
                    "TLS failed",
                    "The TLS handshake with " + where + " failed (" + e.getMessage()
                            + "): does it serve https on that port, or should the URL be http://?",
                    false);
        }
        return new HttpFailure(
                "failed",
                "Cannot reach " + where + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                false);
    }

    ActionException exception(IOException cause) {
        return new ActionException(message, retryable, cause);
    }

    /** Untrusted in plain words; otherwise the certificate check's own (expired, another host name). */
    private static String certificateProblem(Throwable e) {
        if (cause(e, CertPathBuilderException.class) != null) return "no authority this machine trusts signed it";
        return cause(e, CertificateException.class).getMessage();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return type.cast(t);
        return null;
    }
}
