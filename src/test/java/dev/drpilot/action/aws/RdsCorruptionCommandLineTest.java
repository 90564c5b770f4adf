package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The acceptance path: {@code drpilot run druid-rds-corruption --param ...} in its own
 * process, with AWS_ENDPOINT_URL pointing at moto and the operator's answers on stdin. Its AWS
 * steps complete and the log holds each call with its request id.
 */
class RdsCorruptionCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void awsStepsCompleteFromTheCommandLineAndEveryCallIsLoggedWithItsRequestId() throws Exception {
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-west-2"))) {
            RdsClient rds = aws.get(RdsClient.class, RdsClient::builder, null);
            var instance = rds.createDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                            .engine("postgres")
                            .dbInstanceClass("db.t3.micro")
                            .allocatedStorage(20)
                            .masterUsername("druid")
                            .masterUserPassword("not-used-here")
                            .backupRetentionPeriod(30))
                    .dbInstance();
            SecretsManagerClient secrets = aws.get(SecretsManagerClient.class, SecretsManagerClient::builder, null);
            secrets.createSecret(r -> r.name("druid-metadata-secret")
                    .secretString("{\"host\":\"druid-metadata.old\",\"password\":\"p4ss-canary\"}"));

            Path log = dir.resolve("log");
            ProcessBuilder builder = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "--enable-native-access=ALL-UNNAMED",
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "run",
                            "druid-rds-corruption",
                            "--param",
                            "restoreTime=" + instance.instanceCreateTime(),
                            "--log",
                            log.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("DRPILOT_"));
            env.put("AWS_ENDPOINT_URL", moto.endpoint.toString());
            env.put("AWS_ACCESS_KEY_ID", "testing");
            env.put("AWS_SECRET_ACCESS_KEY", "testing");
            env.put("AWS_REGION", "us-west-2");
            env.put("KUBECONFIG", dir.resolve("no-cluster").toString());
            Process child = builder.start();
            try (Writer stdin = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                // the first error's time and Enter for the manual step, the secret's name to confirm its update,
                // the namespace to confirm the restart (no cluster here: it fails), then quit
                stdin.write("2024-01-15T10:30:00Z\n\ndruid-metadata-secret\ndruid\nq\n");
            }
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(dir.resolve("out.txt"));

            assertThat(child.exitValue()).as(out).isEqualTo(3);
            assertThat(out).contains("Updated host of druid-metadata-secret").doesNotContain("p4ss-canary");
            String endpoint = rds.describeDBInstances(r -> r.dbInstanceIdentifier("druid-metadata-restored"))
                    .dbInstances()
                    .get(0)
                    .endpoint()
                    .address();
            assertThat(secrets.getSecretValue(r -> r.secretId("druid-metadata-secret"))
                            .secretString())
                    .contains("\"host\":\"" + endpoint + "\"");
            try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "test")) {
                List<IncidentEvent> events =
                        store.events(store.incidents().get(0).id());
                List<IncidentEvent> calls = events.stream()
                        .filter(e -> e.kind() == EventKind.API_CALL)
                        .toList();
                assertThat(calls)
                        .extracting(IncidentEvent::payload)
                        .anyMatch(p -> p.contains("RestoreDBInstanceToPointInTime"))
                        .anyMatch(p -> p.contains("PutSecretValue"))
                        .allMatch(p -> p.contains("\"requestId\""));
                assertThat(events).extracting(IncidentEvent::kind).contains(EventKind.CALLER_IDENTITY);
                assertThat(events).extracting(IncidentEvent::payload).noneMatch(p -> p.contains("p4ss-canary"));
            }
        }
    }
}
