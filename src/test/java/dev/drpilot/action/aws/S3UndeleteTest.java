package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The segment-deletion runbook's undelete on state the happy path never seeds: keys deleted
 * twice and three times, keys with odd characters, a key that was never anything but deleted,
 * a key deleted and written again, and a bucket that keeps being deleted while we read it back.
 */
class S3UndeleteTest {

    private static final String PREFIX = "segments/ds/";
    private static final List<String> ODD_NAMES = List.of(
            "with space.gz",
            "plus+sign.gz",
            "percent%20.gz",
            "ünïcødé-段.gz",
            "hash#and?query=1.gz",
            "quote'and\"double.gz",
            "nested/deeper/key.gz");

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-east-1");

    private static AwsClients aws;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = moto.aws();
        s3 = aws.get(S3Client.class, S3Client::builder, null);
    }

    private static void versionedBucket(String bucket) {
        s3.createBucket(r -> r.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
    }

    private static void put(String bucket, String key, String body) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    private static void delete(String bucket, String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    private static String read(String bucket, String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    }

    private static long dataVersions(String bucket) {
        return s3.listObjectVersions(r -> r.bucket(bucket)).versions().size();
    }

    private IncidentRun declare(IncidentLogStore log, String bucket) throws Exception {
        Runbook runbook = Runbooks.load("druid-s3-segment-deletion");
        return DrPilotServices.fromEnvironment()
                .engine(log, aws)
                .declare(
                        runbook,
                        Map.of(
                                "bucket",
                                bucket,
                                "prefix",
                                PREFIX,
                                "datasource",
                                "ds",
                                "interval",
                                "2024-01-15/2024-01-16"),
                        new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
    }

    @Test
    void keysDeletedTwiceOrThriceAndOddNamesAllReadableAgainAndNoDataVersionIsTouched() throws Exception {
        String bucket = "undelete-deep";
        versionedBucket(bucket);
        put(bucket, PREFIX + "twice.gz", "old twice");
        put(bucket, PREFIX + "twice.gz", "newest twice");
        delete(bucket, PREFIX + "twice.gz");
        delete(bucket, PREFIX + "twice.gz");
        put(bucket, PREFIX + "thrice.gz", "thrice");
        for (int i = 0; i < 3; i++) delete(bucket, PREFIX + "thrice.gz");
        for (String name : ODD_NAMES) {
            put(bucket, PREFIX + name, "odd " + name);
            delete(bucket, PREFIX + name);
        }
        put(bucket, PREFIX + "deleted-then-rewritten.gz", "v1");
        delete(bucket, PREFIX + "deleted-then-rewritten.gz");
        put(bucket, PREFIX + "deleted-then-rewritten.gz", "v2");
        // A key whose only data version was deleted for good, leaving its delete marker alone.
        String gone = s3.putObject(
                        r -> r.bucket(bucket).key(PREFIX + "never-had-data.gz"), RequestBody.fromString("gone"))
                .versionId();
        delete(bucket, PREFIX + "never-had-data.gz");
        s3.deleteObject(r -> r.bucket(bucket).key(PREFIX + "never-had-data.gz").versionId(gone));
        long versionsBefore = dataVersions(bucket);

        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = declare(log, bucket);
            run.start("list").get(60, TimeUnit.SECONDS);
            int deletedKeys = 2 + ODD_NAMES.size();
            assertThat(run.step("list").outputs())
                    .containsEntry("count", deletedKeys)
                    .containsEntry("markers", 2 + 3 + ODD_NAMES.size())
                    .containsEntry("withoutData", List.of(PREFIX + "never-had-data.gz"));

            run.start("undelete").get(60, TimeUnit.SECONDS);
            run.confirm("undelete", bucket).get(60, TimeUnit.SECONDS);
            StepRun undelete = run.step("undelete");
            assertThat(undelete.state()).as(undelete.message()).isEqualTo(StepState.SUCCEEDED);
            assertThat(undelete.outputs())
                    .containsEntry("count", deletedKeys)
                    .containsEntry("markersRemoved", 2 + 3 + ODD_NAMES.size());
            assertThat(undelete.message()).contains("Checked: " + deletedKeys + " key(s) readable, 0 still deleted");
        }
        assertThat(read(bucket, PREFIX + "twice.gz")).isEqualTo("newest twice");
        assertThat(read(bucket, PREFIX + "thrice.gz")).isEqualTo("thrice");
        for (String name : ODD_NAMES) assertThat(read(bucket, PREFIX + name)).isEqualTo("odd " + name);
        assertThat(read(bucket, PREFIX + "deleted-then-rewritten.gz")).isEqualTo("v2");
        assertThat(dataVersions(bucket)).as("no data version deleted").isEqualTo(versionsBefore);
        assertThat(s3.listObjectVersions(r -> r.bucket(bucket).prefix(PREFIX + "never-had-data.gz"))
                        .deleteMarkers())
                .as("a key with nothing to bring back keeps its marker")
                .hasSize(1);
    }

    @Test
    void aKeyDeletedAgainAfterTheMarkersWentFailsTheStepNamingIt() throws Exception {
        String bucket = "undelete-tampered";
        versionedBucket(bucket);
        for (int i = 0; i < 3; i++) {
            put(bucket, PREFIX + "s-" + i + ".gz", "segment " + i);
            delete(bucket, PREFIX + "s-" + i + ".gz");
        }
        AtomicBoolean tampered = new AtomicBoolean();
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = declare(log, bucket);
            run.addListener(new IncidentListener() {
                @Override
                public void stepChanged(StepRun step) {}

                @Override
                public void logged(IncidentEvent event) {
                    // Something deletes the key again after the markers are gone, before the read-back.
                    if (event.kind() == EventKind.API_CALL
                            && event.payload().contains("HeadObject")
                            && tampered.compareAndSet(false, true)) {
                        delete(bucket, PREFIX + "s-2.gz");
                    }
                }
            });
            run.start("undelete").get(60, TimeUnit.SECONDS);
            run.confirm("undelete", bucket).get(60, TimeUnit.SECONDS);
            StepRun undelete = run.step("undelete");
            assertThat(tampered).isTrue();
            assertThat(undelete.state()).isEqualTo(StepState.FAILED);
            assertThat(undelete.message())
                    .contains("Expected 3 key(s) readable", "found 2", "still deleted: " + PREFIX + "s-2.gz");
        }
    }
}
