package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/** The RDS backup runbooks of the guide on moto: retention and window, a copy to the DR region, the 90-day clean-up. */
class RdsBackupRunbooksTest {

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static RdsClient west;
    private static RdsClient east;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed() throws Exception {
        aws = moto.aws();
        west = aws.get(RdsClient.class, RdsClient::builder, "us-west-2");
        east = aws.get(RdsClient.class, RdsClient::builder, "us-east-1");
        west.createDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                .engine("postgres")
                .dbInstanceClass("db.t3.micro")
                .allocatedStorage(20)
                .masterUsername("druid")
                .masterUserPassword("not-used-here")
                .backupRetentionPeriod(7));
    }

    @Test
    void retentionRunbookSetsThirtyDaysInTheGuidesWindow() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = Runbooks.runAll(log, aws, "druid-backup-rds-retention", Map.of());

            DBInstance instance = west.describeDBInstances(r -> r.dbInstanceIdentifier("druid-metadata"))
                    .dbInstances()
                    .get(0);
            assertThat(instance.backupRetentionPeriod()).isEqualTo(30);
            assertThat(instance.preferredBackupWindow()).isEqualTo("03:00-04:00");
            assertThat(run.step("set").outputs()).containsEntry("backupRetentionPeriod", 30);
        }
    }

    @Test
    void retentionBeyondWhatRdsKeepsIsRefusedBeforeAnyCall() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            Runbooks.runAll(log, aws, "druid-backup-rds-retention", Map.of("retentionDays", "40")))
                    .hasMessageContaining("retentionDays")
                    .hasMessageContaining("35");
        }
    }

    @Test
    void newestManualSnapshotIsCopiedToTheDrRegion() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Runbooks.runAll(log, aws, "druid-backup-rds-snapshot", Map.of());
            IncidentRun copy = Runbooks.runAll(log, aws, "druid-backup-rds-copy-to-dr", Map.of());

            String arn = (String) copy.step("copy").outputs().get("snapshotArn");
            assertThat(arn).contains("us-east-1").contains("druid-metadata-dr-");
            assertThat(east.describeDBSnapshots().dbSnapshots())
                    .extracting(DBSnapshot::dbSnapshotArn)
                    .contains(arn);
        }
    }

    @Test
    void cleanupDeletesOnlySnapshotsPastTheRetentionAfterConfirmation() throws Exception {
        west.createDBSnapshot(
                r -> r.dbInstanceIdentifier("druid-metadata").dbSnapshotIdentifier("druid-metadata-manual-old"));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Clock tenDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(10));
            IncidentRun early = Runbooks.runToConfirmation(
                    Runbooks.engine(log, aws, tenDaysOn), "druid-backup-rds-snapshot-cleanup", Map.of());
            assertThat(early.step("delete").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
            early.confirm("delete", early.confirmationText("delete")).get(60, TimeUnit.SECONDS);
            assertThat(early.step("delete").outputs()).containsEntry("count", 0);
            assertThat(manualSnapshots()).contains("druid-metadata-manual-old");

            Clock hundredDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(100));
            IncidentRun late = Runbooks.runToConfirmation(
                    Runbooks.engine(log, aws, hundredDaysOn), "druid-backup-rds-snapshot-cleanup", Map.of());
            assertThat(late.step("delete").state())
                    .as("nothing is deleted before the confirmation")
                    .isEqualTo(StepState.AWAITING_CONFIRMATION);
            assertThat(manualSnapshots()).contains("druid-metadata-manual-old");
            late.confirm("delete", late.confirmationText("delete")).get(60, TimeUnit.SECONDS);

            assertThat(late.step("delete").state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(late.step("delete").outputs().get("deleted")).asList().contains("druid-metadata-manual-old");
            assertThat(manualSnapshots()).doesNotContain("druid-metadata-manual-old");
        }
    }

    private static List<String> manualSnapshots() {
        return west.describeDBSnapshots(r -> r.snapshotType("manual")).dbSnapshots().stream()
                .map(DBSnapshot::dbSnapshotIdentifier)
                .toList();
    }
}
