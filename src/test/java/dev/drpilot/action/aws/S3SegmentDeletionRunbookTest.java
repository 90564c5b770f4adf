package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 steps of the segment-deletion runbook, run by the engine against moto: deleted segments come back. */
class S3SegmentDeletionRunbookTest {

    private static final String BUCKET = "fff-druid-deep-storage";
    private static final String PREFIX = "segments/datasource_2024-01-15/";

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-east-1");

    private static AwsClients aws;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void seedAVersionedBucketWithDeletedSegments() throws Exception {
        aws = moto.aws();
        s3 = aws.get(S3Client.class, S3Client::builder, null);
        s3.createBucket(r -> r.bucket(BUCKET));
        s3.putBucketVersioning(r -> r.bucket(BUCKET).versioningConfiguration(c -> c.status("Enabled")));
        for (int i = 0; i < 3; i++) {
            String key = PREFIX + "segment-" + i + ".gz";
            s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("segment " + i));
            s3.deleteObject(r -> r.bucket(BUCKET).key(key));
        }
        s3.putObject(r -> r.bucket(BUCKET).key("segments/other/kept.gz"), RequestBody.fromString("kept"));
    }

    @Test
    void listsTheDeleteMarkersAndAfterConfirmationBringsTheSegmentsBack() throws Exception {
        Runbook runbook = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks/druid-s3-segment-deletion.yaml")))
                .runbooks()
                .get(0);
        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(PREFIX)).keyCount())
                .isZero();

        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = DrPilotServices.fromEnvironment()
                    .engine(log, aws)
                    .declare(
                            runbook,
                            Map.of("prefix", PREFIX, "datasource", "datasource", "interval", "2024-01-15/2024-01-16"),
                            new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));

            run.start("list").get(60, TimeUnit.SECONDS);
            assertThat(run.step("list").outputs()).containsEntry("count", 3);

            run.start("undelete").get(60, TimeUnit.SECONDS);
            assertThat(run.step("undelete").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
            assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(PREFIX)).keyCount())
                    .isZero();

            run.confirm("undelete", BUCKET).get(60, TimeUnit.SECONDS);
            assertThat(run.step("undelete").outputs()).containsEntry("count", 3);
        }
        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(PREFIX)).contents())
                .extracting(o -> o.key())
                .containsExactlyInAnyOrder(PREFIX + "segment-0.gz", PREFIX + "segment-1.gz", PREFIX + "segment-2.gz");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(PREFIX + "segment-1.gz"))
                        .asUtf8String())
                .isEqualTo("segment 1");
    }
}
