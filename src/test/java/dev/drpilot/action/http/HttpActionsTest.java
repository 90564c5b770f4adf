package dev.drpilot.action.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.AdHocRunbook;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health check and the Druid coordinator call against servers the test runs on loopback: an
 * HTTP server, a port nothing listens on, one that never answers, a plain one spoken to in TLS and
 * an HTTPS one with a self-signed certificate.
 */
class HttpActionsTest {

    private static final String HEALTH = """
              - { id: health, title: Health, phase: validation, action: http.healthCheck, with: { url: "${url}" } }
            """;

    @TempDir
    Path dir;

    private HttpServer server;
    private IncidentLogStore log;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/health", exchange -> reply(exchange, 200, "{\"status\":\"ok\",\"region\":\"us-east-1\"}"));
        server.createContext("/broken", exchange -> reply(exchange, 503, "upstream connect error"));
        server.start();
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
    }

    @AfterEach
    void stop() {
        log.close();
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aHealthyEndpointPassesWithItsStatusAndBody() throws Exception {
        IncidentRun run = AdHocRunbook.run(dir, log, """
                  - { id: health, title: Health, phase: validation, action: http.healthCheck, with: { url: "${url}", expectStatus: 200, expectBody: us-east-1 } }
                """, Map.of("url", url("/health")), "url");

        assertThat(run.step("health").state()).as(run.step("health").message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("health").outputs()).containsEntry("status", 200);
        assertThat(run.step("health").outputs().get("body")).asString().contains("\"status\":\"ok\"");
    }

    @Test
    void aWrongStatusAWrongBodyAndNothingListeningAreEachSaidPlainly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IncidentRun status = AdHocRunbook.run(dir, log, """
                  - { id: health, title: Health, phase: validation, action: http.healthCheck, with: { url: "${url}" } }
                """, Map.of("url", url("/broken")), "url");
        assertThat(status.step("health").message())
                .isEqualTo(url("/broken") + " answered HTTP 503, not 200: upstream connect error");

        IncidentRun body = AdHocRunbook.run(dir, log, """
                  - { id: health, title: Health, phase: validation, action: http.healthCheck, with: { url: "${url}", expectBody: us-west-2 } }
                """, Map.of("url", url("/health")), "url");
        assertThat(body.step("health").message()).contains("does not contain 'us-west-2'");

        IncidentRun refused =
                AdHocRunbook.run(dir, log, """
                  - { id: health, title: Health, phase: validation, action: http.healthCheck, with: { url: "${url}" } }
                """, Map.of("url", "http://127.0.0.1:" + closedPort + "/health"), "url");
        assertThat(refused.step("health").state()).isEqualTo(StepState.FAILED);
        assertThat(refused.step("health").message())
                .isEqualTo("Nothing listens on 127.0.0.1:" + closedPort
                        + " (connection refused): is the service up, and the port in the URL right?");
    }

    @Test
    void aHostNameThatDoesNotResolveIsSaidToBeDnsNotARefusal() throws Exception {
        IncidentRun health =
                AdHocRunbook.run(dir, log, HEALTH, Map.of("url", "https://no-such-host.invalid/health"), "url");
        IncidentRun reload = AdHocRunbook.run(dir, log, """
                  - { id: reload, title: Reload, phase: recovery, action: http.druid.markUsed, with: { coordinatorUrl: "https://no-such-host.invalid", datasource: wikipedia, interval: 2024-01-15/2024-01-16 } }
                """, Map.of());

        String dns = "The host name no-such-host.invalid does not resolve (DNS: no such host)"
                + ": check the URL's host name, and that this machine's DNS knows it (VPN, private zone)";
        assertThat(health.step("health").message()).isEqualTo(dns);
        assertThat(reload.step("reload").message()).isEqualTo(dns);
    }

    @Test
    void aServerThatTakesTheConnectionButNeverAnswersTimesOutAfterTheRetries() throws Exception {
        ExecutorService steps = Executors.newSingleThreadExecutor();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            IncidentEngine engine = new IncidentEngine(
                    log,
                    new ActionRegistry(ActionCatalog.builtIn(), List.of(new HealthCheck(Duration.ofSeconds(1)))),
                    steps,
                    Clock.systemUTC(),
                    delay -> {},
                    new Random(7));
            String where = "127.0.0.1:" + silent.getLocalPort();

            IncidentRun http =
                    AdHocRunbook.run(dir, engine, HEALTH, Map.of("url", "http://" + where + "/health"), "url");
            IncidentRun https =
                    AdHocRunbook.run(dir, engine, HEALTH, Map.of("url", "https://" + where + "/health"), "url");

            assertThat(http.step("health").message())
                    .isEqualTo(where
                            + " took the request but sent no answer within 1 s: is the service hung or overloaded?");
            assertThat(https.step("health").message())
                    .isEqualTo("No connection to " + where + " within 1 s (neither the connection nor the TLS handshake"
                            + " was answered): is a firewall dropping the traffic, or the host or port wrong?");
            assertThat(log.events(http.incidentId()))
                    .filteredOn(e -> e.kind() == EventKind.STEP_RETRIED)
                    .hasSize(3);
        } finally {
            steps.shutdownNow();
        }
    }

    @Test
    void httpsToAServerThatSpeaksPlainHttpIsATlsHandshakeFailure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerEveryConnectionInPlainHttp(plain));
            String where = "127.0.0.1:" + plain.getLocalPort();

            IncidentRun run = AdHocRunbook.run(dir, log, HEALTH, Map.of("url", "https://" + where + "/health"), "url");

            assertThat(run.step("health").message())
                    .isEqualTo(
                            "The TLS handshake with " + where
                                    + " failed (Unrecognized SSL message, plaintext connection?): does it serve https on that port, or should the URL be http://?");
        }
    }

    @Test
    void aCertificateNoTrustedAuthoritySignedIsSaidToBeTheCertificate() throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        https.createContext("/health", exchange -> reply(exchange, 200, "ok"));
        https.start();
        try {
            String where = "localhost:" + https.getAddress().getPort();

            IncidentRun run = AdHocRunbook.run(dir, log, HEALTH, Map.of("url", "https://" + where + "/health"), "url");

            assertThat(run.step("health").message())
                    .isEqualTo("The certificate of " + where
                            + " is not accepted (no authority this machine trusts signed it)"
                            + ": check the URL's host name, and the certificate with openssl s_client -connect "
                            + where);
        } finally {
            https.stop(0);
        }
    }

    /** What a plain HTTP server such as nginx does with bytes it cannot parse, TLS's ClientHello among them: 400, and close. */
    private static void answerEveryConnectionInPlainHttp(ServerSocket plain) {
        while (!plain.isClosed()) {
            try (Socket connection = plain.accept()) {
                connection.getInputStream().read(new byte[1024]);
                connection
                        .getOutputStream()
                        .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A TLS context with a certificate for localhost that keytool signs itself, as a test server's often is. */
    private SSLContext selfSigned() throws Exception {
        Path store = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-alias",
                        "localhost",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=dns:localhost",
                        "-validity",
                        "2")
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor())
                .as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }
}
