package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** An incident is pinned to the AWS account of its first call; credentials that move to another account are refused. */
class AccountPinTest {

    @TempDir
    Path dir;

    @Test
    void aStepUnderAnotherAccountIsRefusedNamingBoth() throws Exception {
        try (MotoServer moto = MotoServer.start()) {
            AwsCredentialsProvider first = moto.settings("us-east-1").credentials();
            AtomicReference<AwsCredentialsProvider> current = new AtomicReference<>(first);
            AwsClients aws = new AwsClients(
                    new AwsSettings(
                            "prod",
                            "us-east-1",
                            moto.endpoint,
                            () -> current.get().resolveCredentials()),
                    java.time.Duration.ZERO);
            aws.get(S3Client.class, S3Client::builder, null).createBucket(r -> r.bucket("fff-druid-deep-storage"));
            Runbook runbook = new RunbookLoader(ActionCatalog.builtIn())
                    .load(List.of(Path.of("runbooks/druid-backup-s3-versioning.yaml")))
                    .runbooks()
                    .get(0);

            try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
                IncidentRun run = DrPilotServices.fromEnvironment()
                        .engine(log, aws)
                        .declare(
                                runbook,
                                Map.of(),
                                new NewIncident(
                                        runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
                run.start("check").get(60, TimeUnit.SECONDS);
                assertThat(run.step("check").state()).isEqualTo(StepState.SUCCEEDED);
                List<IncidentEvent> events = log.events(run.incidentId());
                IncidentEvent identity = events.stream()
                        .filter(e -> e.kind() == EventKind.CALLER_IDENTITY)
                        .findFirst()
                        .orElseThrow();
                assertThat(identity.payload()).contains("\"account\":\"123456789012\"");
                assertThat(events.getLast().actor()).contains(" as arn:aws:");

                // the operator's session is replaced by one in another account (moto: assume a role there)
                StsClient sts = aws.get(StsClient.class, StsClient::builder, null);
                Credentials other = sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/sandbox")
                                .roleSessionName("s"))
                        .credentials();
                current.set(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        other.accessKeyId(), other.secretAccessKey(), other.sessionToken())));
                run.start("enable").get(60, TimeUnit.SECONDS);

                assertThat(run.step("enable").state()).isEqualTo(StepState.FAILED);
                assertThat(run.step("enable").message())
                        .contains("pinned to AWS account 123456789012")
                        .contains("in account 111111111111")
                        .contains("aws sso login --profile prod");
            }
            aws.close();
        }
    }
}
