package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ReplicationRule;

/** The S3 backup runbooks on moto: replication with replication time control, lifecycle tiering, a backup file upload. */
class S3BackupRunbooksTest {

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed() throws Exception {
        aws = moto.aws();
        s3 = aws.get(S3Client.class, S3Client::builder, "us-west-2");
        for (String bucket :
                new String[] {"fff-druid-deep-storage", "fff-druid-deep-storage-dr", "fff-druid-backups"}) {
            s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        }
    }

    @Test
    void replicationRunbookConfiguresTheGuidesRule() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = Runbooks.runAll(
                    log,
                    aws,
                    "druid-backup-s3-replication",
                    Map.of("roleArn", "arn:aws:iam::123456789012:role/S3ReplicationRole"));

            ReplicationRule rule = s3.getBucketReplication(r -> r.bucket("fff-druid-deep-storage"))
                    .replicationConfiguration()
                    .rules()
                    .get(0);
            assertThat(rule.destination().bucket()).isEqualTo("arn:aws:s3:::fff-druid-deep-storage-dr");
            assertThat(rule.destination().replicationTime().time().minutes()).isEqualTo(15);
            // moto answers DeleteMarkerReplication "Disabled" whatever was sent, so that field is not checked here
            assertThat(run.step("check").outputs()).containsEntry("replicationTimeMinutes", 15);
        }
    }

    @Test
    void replicationCheckSaysPlainlyWhenNoneIsConfigured() throws Exception {
        s3.createBucket(
                r -> r.bucket("unreplicated").createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            var runbook = Runbooks.write(dir, "replication-check", """
                    id: replication-check
                    title: Check replication
                    architecture: druid
                    kind: readiness
                    targets: { rto: none, rpo: none }
                    steps:
                      - { id: check, title: Read replication, phase: validation, action: aws.s3.getReplication, with: { bucket: unreplicated } }
                    """);
            IncidentRun run =
                    Runbooks.runToConfirmation(DrPilotServices.fromEnvironment().engine(log, aws), runbook, Map.of());

            assertThat(run.step("check").state()).isEqualTo(StepState.FAILED);
            assertThat(run.step("check").message())
                    .contains("unreplicated has no replication configured")
                    .contains("druid-backup-s3-replication");
        }
    }

    @Test
    void lifecycleRunbookTiersSegmentsAndTheReadinessCheckReadsIt() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Runbooks.runAll(log, aws, "druid-backup-s3-lifecycle", Map.of());

            LifecycleRule rule = s3.getBucketLifecycleConfiguration(r -> r.bucket("fff-druid-deep-storage"))
                    .rules()
                    .get(0);
            assertThat(rule.filter().prefix()).isEqualTo("segments/");
            assertThat(rule.transitions())
                    .extracting(t -> t.storageClassAsString() + "@" + t.days())
                    .containsExactly("STANDARD_IA@30", "GLACIER_IR@90");
            assertThat(rule.expiration()).isNull();
        }
    }

    @Test
    void backupFileIsUploaded() throws Exception {
        Path backup = Files.writeString(dir.resolve("druid-backup.yaml"), "kind: List\nitems: []\n");
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            var runbook = Runbooks.write(dir, "upload", """
                    id: upload
                    title: Upload a backup
                    architecture: druid
                    kind: backup
                    targets: { rto: none, rpo: none }
                    params:
                      - { name: file, type: string }
                    steps:
                      - { id: upload, title: Upload, phase: recovery, action: aws.s3.uploadFile, with: { file: "${file}", bucket: fff-druid-backups, key: kubernetes/druid-backup.yaml } }
                    """);
            IncidentRun run = Runbooks.runToConfirmation(
                    DrPilotServices.fromEnvironment().engine(log, aws), runbook, Map.of("file", backup.toString()));
            Runbooks.assertSucceeded(run);

            assertThat(run.step("upload").outputs())
                    .containsEntry("uri", "s3://fff-druid-backups/kubernetes/druid-backup.yaml");
            assertThat(s3.getObjectAsBytes(r -> r.bucket("fff-druid-backups").key("kubernetes/druid-backup.yaml"))
                            .asUtf8String())
                    .isEqualTo("kind: List\nitems: []\n");

            IncidentRun missing = Runbooks.runToConfirmation(
                    DrPilotServices.fromEnvironment().engine(log, aws),
                    runbook,
                    Map.of("file", dir.resolve("nope.yaml").toString()));
            assertThat(missing.step("upload").message())
                    .contains("There is no file")
                    .contains("nope.yaml");
        }
    }
}
