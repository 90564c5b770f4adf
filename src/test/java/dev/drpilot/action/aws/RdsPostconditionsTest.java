package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * Each state-changing RDS action on moto proves its effect by reading it back: it succeeds saying
 * what it read, and fails saying what it expected and found when the live state is changed behind
 * its back between the change and the read-back.
 */
class RdsPostconditionsTest {

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static RdsClient west;
    private static RdsClient east;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = moto.aws();
        west = aws.get(RdsClient.class, RdsClient::builder, "us-west-2");
        east = aws.get(RdsClient.class, RdsClient::builder, "us-east-1");
    }

    private static void instance(RdsClient rds, String id, String engine) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id)
                .engine(engine)
                .dbInstanceClass("db.t3.micro")
                .allocatedStorage(20)
                .masterUsername("druid")
                .masterUserPassword("not-used-here")
                .backupRetentionPeriod(7));
    }

    private static String snapshot(RdsClient rds, String instance, String id) {
        return rds.createDBSnapshot(r -> r.dbInstanceIdentifier(instance).dbSnapshotIdentifier(id))
                .dbSnapshot()
                .dbSnapshotArn();
    }

    private StepRun run(String step) throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            return Postconditions.run(Postconditions.declare(dir, Runbooks.engine(log, aws, Clock.systemUTC()), step));
        }
    }

    /** Runs the test's one step, {@code tamper} changing the live state right after the call named {@code operation}. */
    private StepRun run(String step, String operation, Runnable tamper) throws Exception {
        return run(step, Clock.systemUTC(), operation, tamper);
    }

    private StepRun run(String step, Clock clock, String operation, Runnable tamper) throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = Postconditions.declare(dir, Runbooks.engine(log, aws, clock), step);
            AtomicBoolean tampered = Postconditions.after(run, operation, () -> {
                tamper.run();
                return true;
            });
            StepRun done = Postconditions.run(run);
            assertThat(tampered)
                    .as("the live state was changed after " + operation)
                    .isTrue();
            return done;
        }
    }

    @Test
    void aNewRetentionReadsBackWithItsWindow() throws Exception {
        instance(west, "retention-db", "postgres");
        StepRun step = run("""
                { id: step, title: Retention, phase: recovery, action: aws.rds.modifyBackupRetention,
                  with: { instance: retention-db, retentionDays: 14, backupWindow: "05:00-06:00", applyImmediately: true } }""");

        Postconditions.assertChecked(
                step, "retention-db reads 14 days of automated backups, window 05:00-06:00 (DescribeDBInstances)");
        assertThat(step.outputs())
                .containsEntry("backupRetentionPeriod", 14)
                .containsEntry("preferredBackupWindow", "05:00-06:00");
    }

    @Test
    void aRetentionChangedBackFailsTheStep() throws Exception {
        instance(west, "retention-db-2", "postgres");
        StepRun step = run(
                """
                { id: step, title: Retention, phase: recovery, action: aws.rds.modifyBackupRetention,
                  with: { instance: retention-db-2, retentionDays: 14, applyImmediately: true } }""",
                "ModifyDBInstance",
                () -> west.modifyDBInstance(r -> r.dbInstanceIdentifier("retention-db-2")
                        .backupRetentionPeriod(7)
                        .applyImmediately(true)));

        Postconditions.assertFailed(step, "Expected retention-db-2 to keep 14 days of automated backups, found 7 days");
    }

    @Test
    void aSnapshotReadsBackAvailableOfItsInstance() throws Exception {
        instance(west, "snapped-db", "postgres");
        StepRun step = run(
                "{ id: step, title: Snapshot, phase: recovery, action: aws.rds.createSnapshot, with: { instance: snapped-db, snapshot: snapped-db-1 } }");

        Postconditions.assertChecked(step, "snapshot snapped-db-1 of snapped-db reads available (DescribeDBSnapshots)");
    }

    @Test
    void aSnapshotDeletedWhileBeingTakenFailsTheStepAtOnce() throws Exception {
        instance(west, "snapped-db-2", "postgres");
        StepRun step = run(
                "{ id: step, title: Snapshot, phase: recovery, action: aws.rds.createSnapshot, with: { instance: snapped-db-2, snapshot: snapped-db-2-1 } }",
                "CreateDBSnapshot",
                () -> west.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("snapped-db-2-1")));

        Postconditions.assertFailed(
                step, "Expected snapshot snapped-db-2-1 of snapped-db-2 (creating, then available), found none");
    }

    @Test
    void aCopyReadsBackInTheDrRegionOfTheSourcesInstance() throws Exception {
        instance(west, "copied-db", "postgres");
        String arn = snapshot(west, "copied-db", "copied-db-1");
        StepRun step = run("""
                { id: step, title: Copy, phase: recovery, action: aws.rds.copySnapshotToRegion,
                  with: { sourceSnapshotArn: "%s", targetSnapshot: copied-db-dr-1, sourceRegion: us-west-2, region: us-east-1 } }""".formatted(arn));

        Postconditions.assertChecked(
                step, "copy copied-db-dr-1 in us-east-1 of copied-db reads available (DescribeDBSnapshots)");
    }

    @Test
    void aCopyReplacedByASnapshotOfAnotherInstanceFailsTheStep() throws Exception {
        instance(west, "copied-db-2", "postgres");
        instance(east, "other-db", "postgres");
        String arn = snapshot(west, "copied-db-2", "copied-db-2-1");
        StepRun step = run("""
                { id: step, title: Copy, phase: recovery, action: aws.rds.copySnapshotToRegion,
                  with: { sourceSnapshotArn: "%s", targetSnapshot: copied-db-2-dr-1, sourceRegion: us-west-2, region: us-east-1 } }""".formatted(arn), "CopyDBSnapshot", () -> {
            east.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("copied-db-2-dr-1"));
            snapshot(east, "other-db", "copied-db-2-dr-1");
        });

        Postconditions.assertFailed(
                step,
                "Expected copy copied-db-2-dr-1 in us-east-1 of copied-db-2 (creating, then available),"
                        + " found one of other-db: another snapshot has that name");
    }

    @Test
    void aDeletedSnapshotReadsBackGone() throws Exception {
        instance(west, "pruned-db", "postgres");
        snapshot(west, "pruned-db", "pruned-db-1");
        StepRun step = run(
                "{ id: step, title: Delete, phase: recovery, action: aws.rds.deleteSnapshot, with: { snapshot: pruned-db-1 }, confirm: pruned-db-1 }");

        Postconditions.assertChecked(step, "snapshot pruned-db-1 is gone (DescribeDBSnapshots: not found)");
    }

    @Test
    void aSnapshotTakenAgainRightAfterTheDeleteFailsTheStep() throws Exception {
        instance(west, "pruned-db-2", "postgres");
        snapshot(west, "pruned-db-2", "pruned-db-2-1");
        StepRun step = run(
                "{ id: step, title: Delete, phase: recovery, action: aws.rds.deleteSnapshot, with: { snapshot: pruned-db-2-1 }, confirm: pruned-db-2-1 }",
                "DeleteDBSnapshot",
                () -> snapshot(west, "pruned-db-2", "pruned-db-2-1"));

        Postconditions.assertFailed(step, "Expected snapshot pruned-db-2-1 gone or deleting, found it available");
    }

    @Test
    void theCleanUpListsAgainAndFindsNoOldSnapshotLeft() throws Exception {
        instance(west, "aged-db", "postgres");
        snapshot(west, "aged-db", "aged-db-1");
        snapshot(west, "aged-db", "aged-db-2");
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Clock hundredDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(100));
            StepRun step =
                    Postconditions.run(Postconditions.declare(dir, Runbooks.engine(log, aws, hundredDaysOn), """
                    { id: step, title: Clean up, phase: recovery, action: aws.rds.deleteSnapshotsOlderThan,
                      with: { olderThan: P90D, snapshotType: manual, instance: aged-db }, confirm: aged-db }"""));

            Postconditions.assertChecked(step, "no manual snapshot(s) of aged-db created before ");
            assertThat(step.message()).endsWith(" left (DescribeDBSnapshots)");
            assertThat(step.outputs().get("deleted")).asList().containsExactlyInAnyOrder("aged-db-1", "aged-db-2");
        }
    }

    @Test
    void anOldSnapshotBackDuringTheCleanUpFailsTheStep() throws Exception {
        instance(west, "aged-db-2", "postgres");
        snapshot(west, "aged-db-2", "aged-db-2-1");
        snapshot(west, "aged-db-2", "aged-db-2-2");
        StepRun step = run("""
                { id: step, title: Clean up, phase: recovery, action: aws.rds.deleteSnapshotsOlderThan,
                  with: { olderThan: P90D, snapshotType: manual, instance: aged-db-2 }, confirm: aged-db-2 }""", Clock.offset(Clock.systemUTC(), Duration.ofDays(100)), "DeleteDBSnapshot", () -> {
            // the first old snapshot deleted comes back under its name (a copy job, say) before the listing again
            String deleted = west.describeDBSnapshots(r -> r.dbInstanceIdentifier("aged-db-2")).dbSnapshots().stream()
                            .map(DBSnapshot::dbSnapshotIdentifier)
                            .anyMatch("aged-db-2-1"::equals)
                    ? "aged-db-2-2"
                    : "aged-db-2-1";
            snapshot(west, "aged-db-2", deleted);
        });

        Postconditions.assertFailed(step, "left after deleting 2, found 1: ");
        assertThat(step.message()).startsWith("Expected no manual snapshot(s) of aged-db-2 created before ");
    }

    @Test
    void aPointInTimeRestoreReadsTheNewInstanceBack() throws Exception {
        instance(west, "pitr-db", "postgres");
        StepRun step = run("""
                { id: step, title: Restore, phase: recovery, action: aws.rds.restoreToPointInTime,
                  with: { source: pitr-db, target: pitr-db-restored, useLatestRestorableTime: true } }""");

        Postconditions.assertChecked(
                step,
                "instance pitr-db-restored exists (available, postgres), the one restored from pitr-db at its"
                        + " latest restorable time (DescribeDBInstances)");
    }

    @Test
    void aPointInTimeRestoreWhoseInstanceIsDeletedAtOnceFails() throws Exception {
        instance(west, "pitr-db-2", "postgres");
        StepRun step = run(
                """
                { id: step, title: Restore, phase: recovery, action: aws.rds.restoreToPointInTime,
                  with: { source: pitr-db-2, target: pitr-db-2-restored, useLatestRestorableTime: true } }""",
                "RestoreDBInstanceToPointInTime",
                () -> west.deleteDBInstance(
                        r -> r.dbInstanceIdentifier("pitr-db-2-restored").skipFinalSnapshot(true)));

        Postconditions.assertFailed(
                step,
                "Expected instance pitr-db-2-restored (postgres, creating) restored from pitr-db-2 at its latest"
                        + " restorable time, found none");
    }

    @Test
    void aRestoreFromSnapshotReadsTheNewInstanceBack() throws Exception {
        instance(west, "snap-db", "postgres");
        snapshot(west, "snap-db", "snap-db-1");
        StepRun step = run("""
                { id: step, title: Restore, phase: recovery, action: aws.rds.restoreFromSnapshot,
                  with: { snapshot: snap-db-1, target: snap-db-restored } }""");

        Postconditions.assertChecked(
                step,
                "instance snap-db-restored exists (available, postgres), the one restored from snapshot snap-db-1");
    }

    @Test
    void aRestoredInstanceReplacedByAnotherOfTheSameNameFailsTheStep() throws Exception {
        instance(west, "snap-db-2", "postgres");
        snapshot(west, "snap-db-2", "snap-db-2-1");
        StepRun step = run("""
                { id: step, title: Restore, phase: recovery, action: aws.rds.restoreFromSnapshot,
                  with: { snapshot: snap-db-2-1, target: snap-db-2-restored } }""", "RestoreDBInstanceFromDBSnapshot", () -> {
            west.deleteDBInstance(
                    r -> r.dbInstanceIdentifier("snap-db-2-restored").skipFinalSnapshot(true));
            instance(west, "snap-db-2-restored", "mysql");
        });

        Postconditions.assertFailed(
                step,
                "Expected instance snap-db-2-restored (postgres, creating) restored from snapshot snap-db-2-1,"
                        + " found another instance of that name (mysql");
    }

    @Test
    void aDeletedInstanceReadsBackGone() throws Exception {
        instance(west, "drill-db", "postgres");
        StepRun step = run("""
                { id: step, title: Delete, phase: recovery, action: aws.rds.deleteInstance,
                  with: { instance: drill-db, skipFinalSnapshot: true }, confirm: drill-db }""");

        Postconditions.assertChecked(step, "instance drill-db is gone (DescribeDBInstances: not found)");
        assertThat(step.outputs()).containsEntry("status", "deleted");
    }

    @Test
    void anInstanceCreatedAgainRightAfterTheDeleteFailsTheStep() throws Exception {
        instance(west, "drill-db-2", "postgres");
        StepRun step = run("""
                { id: step, title: Delete, phase: recovery, action: aws.rds.deleteInstance,
                  with: { instance: drill-db-2, skipFinalSnapshot: true }, confirm: drill-db-2 }""", "DeleteDBInstance", () -> instance(west, "drill-db-2", "postgres"));

        Postconditions.assertFailed(step, "Expected instance drill-db-2 gone or deleting, found it available");
    }
}
