package dev.drpilot.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.MotoServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * Readiness on moto: the guide's sandbox reads all green, and each target broken on its own
 * turns exactly its row red, with its figure and what to fix.
 */
class ReadinessChecksTest {

    private static MotoServer moto;
    private static AwsClients aws;
    private static HealthySandbox sandbox;

    @BeforeAll
    static void seed() throws Exception {
        moto = MotoServer.start();
        aws = new AwsClients(moto.settings("us-west-2"));
        sandbox = HealthySandbox.seed(aws);
    }

    @AfterEach
    void heal() {
        sandbox.heal();
    }

    @AfterAll
    static void stop() {
        aws.close();
        moto.close();
    }

    private static ReadinessReport now() {
        return new ReadinessChecks(aws, Clock.systemUTC()).run(ReadinessConfig.guideDefaults());
    }

    @Test
    void theGuidesSandboxReadsAllGreenWithAFigurePerTarget() {
        ReadinessReport report = now();

        assertThat(report.rows())
                .extracting(ReadinessRow::name)
                .containsExactly(
                        "Druid RDS corruption RPO: < 5 minutes (PITR granularity)",
                        "RDS Automated backups: 30 days",
                        "RDS automated backup window: 03:00-04:00",
                        "Druid data corruption RPO: snapshot interval (newest manual RDS snapshot)",
                        "Druid region failure prerequisite: RDS snapshot copied to the DR region (us-east-1)",
                        "RDS Manual Snapshots: 90 days",
                        "S3 Segments (current): indefinite (versioning on)",
                        "Druid region failure RPO: < 15 minutes S3 replication lag",
                        "Druid region failure RPO: newest segments replicated (S3 replication status)",
                        "S3 Segments: Standard-IA after 30 days, Glacier IR after 90",
                        "Kubernetes Backups: 30 days in S3 Standard",
                        "EKS configuration backup: daily to S3 (newest resource export)",
                        "WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days)",
                        "DynamoDB On-Demand backups: 90 days",
                        "WebApp Lambda failure RTO: < 1 minute (alias on a published version)",
                        "Cognito User Exports: 90 days in S3 Standard",
                        "Cognito user export: daily to S3 (newest export)");
        // moto 5.2.1 sends no x-amz-replication-status on HeadObject, so the replication status of the newest segments
        // cannot be read there: that row is unknown and says why; every other row is met
        assertThat(report.rows())
                .filteredOn(row -> !row.name().contains("S3 replication status"))
                .allSatisfy(row -> assertThat(row.verdict())
                        .as(row.name() + ": " + row.figure() + " " + row.detail())
                        .isEqualTo(Verdict.MET));
        ReadinessRow replicated = report.rows().stream()
                .filter(row -> row.name().contains("S3 replication status"))
                .findFirst()
                .orElseThrow();
        assertThat(replicated.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(replicated.detail())
                .startsWith("S3 reports no replication status on the newest objects of fff-druid-deep-storage");
        assertThat(report.rows())
                .extracting(ReadinessRow::figure)
                .contains(
                        "RDS druid-metadata keeps backups 30 days",
                        "RDS druid-metadata backs up at 03:00-04:00",
                        "versioning of fff-druid-deep-storage: Enabled",
                        "fff-druid-deep-storage replicates to arn:aws:s3:::fff-druid-deep-storage-dr, replication time 15 min",
                        "fff-druid-deep-storage: IA at 30 days, Glacier at 90 days",
                        "fff-druid-backups expires objects after 30 days",
                        "webapp-user-api:live -> version 1 (1 published)");
        assertThat(report.rows().get(0).figure())
                .startsWith("RDS druid-metadata latest restorable time ")
                .endsWith(" ago");
        assertThat(report.rows().get(4).figure()).startsWith("newest druid-metadata-dr-20240115 in us-east-1, ");
        assertThat(report.identity()).contains("123456789012");
        assertThat(report.rows().get(11).figure())
                .startsWith("newest kubernetes/druid-backup-20240115.yaml, ")
                .endsWith(" old");
        assertThat(report.rows().get(16).figure())
                .startsWith("newest cognito/cognito-users-20240115.json, ")
                .endsWith(" old");
        assertThat(report.exitCode()).isEqualTo(ReadinessReport.UNKNOWN_ONLY);
    }

    /** moto cannot backdate an object either: a day on, the newest EKS backup and Cognito export are older than the guide's daily schedule. */
    @Test
    void backupsOlderThanADayTurnTheirRowsRedAndAnEmptyPrefixSaysThereIsNone() {
        List<ReadinessRow> rows = new ReadinessChecks(aws, Clock.offset(Clock.systemUTC(), Duration.ofHours(25)))
                .checks(ReadinessConfig.guideDefaults()).stream()
                        .filter(c -> c.name().contains("daily to S3"))
                        .map(ReadinessCheck::check)
                        .toList();

        assertThat(rows).extracting(ReadinessRow::verdict).containsExactly(Verdict.BREACHED, Verdict.BREACHED);
        assertThat(rows.get(0).figure()).isEqualTo("newest kubernetes/druid-backup-20240115.yaml, 25 h old");
        assertThat(rows.get(0).detail()).startsWith("Run druid-backup-eks-export, and schedule it daily");
        assertThat(rows.get(1).figure()).isEqualTo("newest cognito/cognito-users-20240115.json, 25 h old");

        ReadinessConfig emptyBucket = new ReadinessConfig(
                null, null, null, Duration.ofDays(1), null, null, "fff-druid-deep-storage-dr", null, null, null, null);
        ReadinessRow none = new ReadinessChecks(aws, Clock.systemUTC())
                .run(emptyBucket)
                .rows()
                .get(1);
        assertThat(none.verdict()).isEqualTo(Verdict.BREACHED);
        assertThat(none.figure()).isEqualTo("no backup under s3://fff-druid-deep-storage-dr/kubernetes/");
    }

    @Test
    void retentionLoweredTurnsOnlyItsRowRed() {
        sandbox.rds()
                .modifyDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                        .backupRetentionPeriod(7)
                        .applyImmediately(true));

        onlyBreached(now(), "RDS Automated backups: 30 days", row -> {
            assertThat(row.figure()).isEqualTo("RDS druid-metadata keeps backups 7 days");
            assertThat(row.detail())
                    .startsWith("Run druid-backup-rds-retention")
                    .contains("--backup-retention-period 30");
        });
    }

    @Test
    void backupWindowMovedTurnsOnlyItsRowRed() {
        sandbox.rds()
                .modifyDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                        .preferredBackupWindow("05:00-06:00")
                        .applyImmediately(true));

        onlyBreached(
                now(),
                "RDS automated backup window: 03:00-04:00",
                row -> assertThat(row.figure()).isEqualTo("RDS druid-metadata backs up at 05:00-06:00"));
    }

    @Test
    void pitrOffTurnsOnlyItsRowRed() {
        sandbox.dynamo()
                .updateContinuousBackups(r -> r.tableName("webapp-users")
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));

        onlyBreached(now(), "WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days)", row -> {
            assertThat(row.figure()).isEqualTo("PITR of webapp-users is DISABLED");
            assertThat(row.detail()).startsWith("Run webapp-backup-dynamodb-pitr");
        });
    }

    @Test
    void versioningSuspendedTurnsOnlyItsRowRed() {
        sandbox.s3()
                .putBucketVersioning(r -> r.bucket("fff-druid-deep-storage")
                        .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));

        onlyBreached(now(), "S3 Segments (current): indefinite (versioning on)", row -> {
            assertThat(row.figure()).isEqualTo("versioning of fff-druid-deep-storage: Suspended");
            assertThat(row.detail()).startsWith("Run druid-backup-s3-versioning");
        });
    }

    @Test
    void replicationRemovedTurnsOnlyItsRowRed() {
        sandbox.s3().deleteBucketReplication(r -> r.bucket("fff-druid-deep-storage"));

        onlyBreached(now(), "Druid region failure RPO: < 15 minutes S3 replication lag", row -> {
            assertThat(row.figure()).isEqualTo("fff-druid-deep-storage has no replication configured");
            assertThat(row.detail()).startsWith("Run druid-backup-s3-replication");
        });
    }

    @Test
    void lifecycleTiersOtherThanTheGuidesTurnOnlyTheirRowRed() {
        sandbox.tiering("fff-druid-deep-storage", 60, 180);

        onlyBreached(
                now(),
                "S3 Segments: Standard-IA after 30 days, Glacier IR after 90",
                row -> assertThat(row.figure())
                        .isEqualTo("fff-druid-deep-storage: IA at 60 days, Glacier at 180 days"));
    }

    @Test
    void kubernetesBackupsKeptTooLongTurnOnlyTheirRowRed() {
        sandbox.expiry("fff-druid-backups", 365);

        onlyBreached(
                now(),
                "Kubernetes Backups: 30 days in S3 Standard",
                row -> assertThat(row.figure()).isEqualTo("fff-druid-backups expires objects after 365 days"));
    }

    @Test
    void aliasOnLatestTurnsOnlyItsRowRed() {
        sandbox.lambda()
                .updateAlias(r -> r.functionName("webapp-user-api").name("live").functionVersion("$LATEST"));

        onlyBreached(now(), "WebApp Lambda failure RTO: < 1 minute (alias on a published version)", row -> {
            assertThat(row.figure()).isEqualTo("webapp-user-api:live -> $LATEST (1 published)");
            assertThat(row.detail()).contains("aws lambda update-alias --function-name webapp-user-api --name live");
        });
    }

    @Test
    void anAliasThatDoesNotExistIsBreachedNotUnknown() {
        ReadinessConfig canary = new ReadinessConfig(
                null, null, null, Duration.ofDays(1), null, null, null, null, "webapp-user-api", "canary", null);

        ReadinessRow row =
                new ReadinessChecks(aws, Clock.systemUTC()).run(canary).rows().getFirst();

        assertThat(row.verdict()).isEqualTo(Verdict.BREACHED);
        assertThat(row.figure()).isEqualTo("webapp-user-api has no alias canary (1 published)");
    }

    /** moto cannot backdate a snapshot, so the checks' clock moves on instead: a day and a half on, the snapshots are older than the interval. */
    @Test
    void snapshotsOlderThanTheIntervalTurnTheirRowsRedAndOlderThanNinetyDaysTheRetentionRow() {
        Clock dayAndAHalfOn = Clock.offset(Clock.systemUTC(), Duration.ofHours(36));
        List<ReadinessRow> rows = new ReadinessChecks(aws, dayAndAHalfOn)
                .checks(ReadinessConfig.guideDefaults()).stream()
                        .filter(c -> c.name().contains("snapshot") || c.name().contains("Snapshots"))
                        .map(ReadinessCheck::check)
                        .toList();

        assertThat(rows)
                .extracting(ReadinessRow::name, ReadinessRow::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Druid data corruption RPO: snapshot interval (newest manual RDS snapshot)",
                                Verdict.BREACHED),
                        org.assertj.core.groups.Tuple.tuple(
                                "Druid region failure prerequisite: RDS snapshot copied to the DR region (us-east-1)",
                                Verdict.BREACHED),
                        org.assertj.core.groups.Tuple.tuple("RDS Manual Snapshots: 90 days", Verdict.MET));
        assertThat(rows.get(0).figure()).isEqualTo("newest druid-metadata-manual-20240115, 36 h old");
        assertThat(rows.get(0).detail()).startsWith("Take one with druid-backup-rds-snapshot");
        assertThat(rows.get(1).detail())
                .startsWith("Copy the newest snapshot with druid-backup-rds-copy-to-dr")
                .contains("--region us-east-1");

        ReadinessRow retention = new ReadinessChecks(aws, Clock.offset(Clock.systemUTC(), Duration.ofDays(100)))
                .checks(ReadinessConfig.guideDefaults()).stream()
                        .filter(c -> c.name().equals("RDS Manual Snapshots: 90 days"))
                        .findFirst()
                        .orElseThrow()
                        .check();
        assertThat(retention.verdict()).isEqualTo(Verdict.BREACHED);
        assertThat(retention.figure()).isEqualTo("1 manual snapshot(s) of druid-metadata, oldest 100 days");
        assertThat(retention.detail()).startsWith("Run druid-backup-rds-snapshot-cleanup");
    }

    @Test
    void aResourceThatCannotBeReadIsUnknownWithTheReasonNotBreached() {
        ReadinessConfig missing = new ReadinessConfig(
                null, null, null, Duration.ofDays(1), null, null, null, "no-such-table", null, null, null);

        ReadinessReport report = new ReadinessChecks(aws, Clock.systemUTC()).run(missing);

        ReadinessRow pitr = report.rows().get(0);
        assertThat(pitr.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(pitr.figure()).isEqualTo("-");
        assertThat(pitr.detail()).contains("DescribeContinuousBackups").contains("no-such-table");
        assertThat(report.exitCode()).isEqualTo(ReadinessReport.UNKNOWN_ONLY);
    }

    private static void onlyBreached(ReadinessReport report, String name, Consumer<ReadinessRow> row) {
        assertThat(report.rows())
                .filteredOn(r -> r.verdict() == Verdict.BREACHED)
                .extracting(ReadinessRow::name)
                .containsExactly(name);
        assertThat(report.rows())
                .filteredOn(r -> r.verdict() == Verdict.UNKNOWN)
                .extracting(ReadinessRow::name)
                .containsExactly("Druid region failure RPO: newest segments replicated (S3 replication status)");
        row.accept(report.rows().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow());
        assertThat(report.exitCode()).isEqualTo(ReadinessReport.BREACHED);
    }
}
