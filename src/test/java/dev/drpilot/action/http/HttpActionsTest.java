package dev.drpilot.action.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.drpilot.action.AdHocRunbook;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health check and the Druid coordinator call against an HTTP server the test runs. */
class HttpActionsTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private IncidentLogStore log;
    private final List<String> markUsedBodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> reply(exchange, 200, "{\"status\":\"ok\",\"region\":\"us-east-1\"}"));
        server.createContext("/broken", exchange -> reply(exchange, 503, "upstream connect error"));
        server.createContext("/druid/coordinator/v1/datasources/wikipedia/markUsed", exchange -> {
            markUsedBodies.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, 200, "{\"numChangedSegments\":24}");
        });
        server.start();
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
    }

    @AfterEach
    void stop() {
        log.close();
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
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
        assertThat(status.step("health").message()).isEqualTo(url("/broken") + " answered HTTP 503, not 200: upstream connect error");

        IncidentRun body = AdHocRunbook.run(dir, log, """
                  - { id: health, title: Health, phase: validation, action: http.healthCheck, with: { url: "${url}", expectBody: us-west-2 } }
                """, Map.of("url", url("/health")), "url");
        assertThat(body.step("health").message()).contains("does not contain 'us-west-2'");

        IncidentRun refused = AdHocRunbook.run(dir, log, """
                  - { id: health, title: Health, phase: validation, action: http.healthCheck, with: { url: "${url}" } }
                """, Map.of("url", "http://127.0.0.1:" + closedPort + "/health"), "url");
        assertThat(refused.step("health").state()).isEqualTo(StepState.FAILED);
        assertThat(refused.step("health").message()).isEqualTo("Nothing answers at 127.0.0.1:" + closedPort + " (connection refused): is the service up, and the URL right?");
    }

    @Test
    void theS3SegmentDeletionRunbooksCoordinatorCallMarksTheIntervalUsed() throws Exception {
        IncidentRun run = AdHocRunbook.run(dir, log, """
                  - { id: reload, title: Reload, phase: recovery, action: http.druid.markUsed, with: { coordinatorUrl: "${coordinator}", datasource: wikipedia, interval: 2024-01-15/2024-01-16 } }
                """, Map.of("coordinator", url("")), "coordinator");

        assertThat(run.step("reload").state()).as(run.step("reload").message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("reload").outputs()).containsEntry("segmentsMarked", 24);
        assertThat(markUsedBodies).containsExactly("POST application/json {\"interval\":\"2024-01-15/2024-01-16\"}");
    }
}
