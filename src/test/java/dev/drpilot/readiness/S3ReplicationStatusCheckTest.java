package dev.drpilot.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The replication status of the newest segments. moto 5.2.1 sends no x-amz-replication-status on
 * HeadObject (ReadinessChecksTest shows that row unknown there), so the statuses are read from a tiny
 * local HTTP server that answers STS GetCallerIdentity, S3 ListObjectsV2 and HeadObject in AWS's
 * documented formats, for three objects whose statuses each test sets.
 */
class S3ReplicationStatusCheckTest {

    private static final ReadinessConfig DEEP_STORAGE_ONLY = new ReadinessConfig(
            null, null, null, Duration.ofDays(1), "fff-druid-deep-storage", null, null, null, null, null, null);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void allCompletedIsMet() throws IOException {
        ReadinessRow row = statusRow(Map.of(
                "segments/a/index.zip",
                "COMPLETED",
                "segments/b/index.zip",
                "COMPLETED",
                "segments/c/index.zip",
                "COMPLETED"));

        assertThat(row.verdict()).isEqualTo(Verdict.MET);
        assertThat(row.figure()).isEqualTo("newest 3 of fff-druid-deep-storage: 3 COMPLETED");
    }

    @Test
    void aFailedObjectAndOnePendingLongerThanTheReplicationTimeAreBreachedAndNamed() throws IOException {
        ReadinessRow row = statusRow(Map.of(
                "segments/a/index.zip",
                "FAILED",
                "segments/b/index.zip",
                "COMPLETED",
                "segments/c/index.zip",
                "PENDING"));

        assertThat(row.verdict()).isEqualTo(Verdict.BREACHED);
        assertThat(row.figure()).isEqualTo("newest 3 of fff-druid-deep-storage: 1 COMPLETED, 1 FAILED, 1 PENDING");
        // c was written 40 minutes before now: pending for longer than the 15 minutes of replication time control
        assertThat(row.detail())
                .startsWith("Replication of segments/a/index.zip, segments/c/index.zip failed or is late");
    }

    @Test
    void pendingWithinTheReplicationTimeIsStillMet() throws IOException {
        ReadinessRow row = statusRow(Map.of(
                "segments/a/index.zip",
                "PENDING",
                "segments/b/index.zip",
                "COMPLETED",
                "segments/c/index.zip",
                "COMPLETED"));

        assertThat(row.verdict()).as(row.detail()).isEqualTo(Verdict.MET);
        assertThat(row.figure()).isEqualTo("newest 3 of fff-druid-deep-storage: 2 COMPLETED, 1 PENDING");
    }

    /** Objects a, b, c written 1, 20 and 40 minutes before now, with these replication statuses. */
    private ReadinessRow statusRow(Map<String, String> statuses) throws IOException {
        Map<String, Instant> written = new LinkedHashMap<>();
        written.put("segments/a/index.zip", NOW.minus(Duration.ofMinutes(1)));
        written.put("segments/b/index.zip", NOW.minus(Duration.ofMinutes(20)));
        written.put("segments/c/index.zip", NOW.minus(Duration.ofMinutes(40)));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String key = path.startsWith("/fff-druid-deep-storage/")
                    ? path.substring("/fff-druid-deep-storage/".length())
                    : "";
            byte[] body = new byte[0];
            int status = 200;
            if (exchange.getRequestMethod().equals("POST")) {
                body = """
                        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/alice</Arn><UserId>AIDAEXAMPLE</UserId>
                          <Account>123456789012</Account></GetCallerIdentityResult>
                          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                        </GetCallerIdentityResponse>""".getBytes(StandardCharsets.UTF_8);
            } else if (exchange.getRequestMethod().equals("HEAD") && written.containsKey(key)) {
                exchange.getResponseHeaders()
                        .add(
                                "Last-Modified",
                                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        written.get(key).atZone(java.time.ZoneOffset.UTC)));
                exchange.getResponseHeaders().add("x-amz-replication-status", statuses.get(key));
                exchange.getResponseHeaders().add("Content-Length", "7");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            } else if (exchange.getRequestMethod().equals("GET")
                    && String.valueOf(exchange.getRequestURI().getQuery()).contains("list-type=2")) {
                StringBuilder contents = new StringBuilder();
                written.forEach(
                        (k, at) -> contents.append("<Contents><Key>")
                                .append(k)
                                .append("</Key><LastModified>")
                                .append(at)
                                .append(
                                        "</LastModified><ETag>\"e\"</ETag><Size>7</Size><StorageClass>STANDARD</StorageClass></Contents>"));
                body =
                        ("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>fff-druid-deep-storage</Name><Prefix></Prefix>"
                                        + "<KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                                        + contents + "</ListBucketResult>")
                                .getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        AwsSettings settings = new AwsSettings(
                null,
                "us-west-2",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")));
        try (AwsClients aws = new AwsClients(settings)) {
            return new ReadinessChecks(aws, Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                    .checks(DEEP_STORAGE_ONLY).stream()
                            .filter(c -> c.name().contains("S3 replication status"))
                            .findFirst()
                            .orElseThrow()
                            .check();
        }
    }
}
