package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.aws.MotoServer;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.readiness.HealthySandbox;
import dev.drpilot.readiness.ReadinessChecks;
import dev.drpilot.readiness.ReadinessConfig;
import dev.drpilot.readiness.ReadinessLog;
import dev.drpilot.readiness.ReadinessRow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Readiness screen's model, without JavaFX running: checks on moto, runs kept in a real H2 log. */
class ReadinessModelTest {

    private static MotoServer moto;
    private static AwsClients aws;
    private static HealthySandbox sandbox;

    @TempDir
    Path dir;

    private final List<ReadinessRow> noticed = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        moto = MotoServer.start();
        aws = new AwsClients(moto.settings("us-west-2"));
        sandbox = HealthySandbox.seed(aws);
    }

    @AfterAll
    static void stop() {
        aws.close();
        moto.close();
    }

    private ReadinessModel model(IncidentLogStore log, AwsClients clients) {
        return new ReadinessModel(
                new SameThreadTaskRunner(),
                () -> new ReadinessChecks(clients, Clock.systemUTC()).run(ReadinessConfig.guideDefaults()),
                new ReadinessLog(log),
                noticed::addAll);
    }

    @Test
    void checkNowShowsTheRowsKeepsTheRunAndRaisesANoticeForATargetBreachedSinceTheRunBefore() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            ReadinessModel model = model(log, aws);
            model.load();
            assertThat(model.lastCheck().get()).startsWith("Not checked yet");
            assertThat(model.rows()).isEmpty();

            model.checkNow();
            assertThat(model.lastCheck().get())
                    .startsWith("Last checked ")
                    .contains("123456789012")
                    .endsWith("0 breached, 1 unknown");
            assertThat(model.problem().get()).isEmpty();
            ReadinessModel.Row retention = model.rows().stream()
                    .filter(r -> r.name().equals("RDS Automated backups: 30 days"))
                    .findFirst()
                    .orElseThrow();
            assertThat(retention.verdict()).isEqualTo("met");
            assertThat(retention.figure()).isEqualTo("RDS druid-metadata keeps backups 30 days");
            assertThat(retention.target()).isEqualTo("at least 30 days");
            assertThat(noticed).isEmpty();

            sandbox.dynamo()
                    .updateContinuousBackups(r -> r.tableName("webapp-users")
                            .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
            try {
                model.checkNow();
            } finally {
                sandbox.heal();
            }
            assertThat(noticed)
                    .extracting(ReadinessRow::name)
                    .containsExactly("WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days)");
            ReadinessModel.Row pitr = model.rows().stream()
                    .filter(r -> r.verdict().equals("breached"))
                    .findFirst()
                    .orElseThrow();
            assertThat(pitr.fix()).startsWith("Run webapp-backup-dynamodb-pitr");
            assertThat(pitr.since()).endsWith("UTC (was met)");
            assertThat(model.history()).hasSize(2);
            assertThat(model.history().getFirst()).contains("1 breached");
            assertThat(model.history().getLast()).contains("0 breached");

            assertThat(new ReadinessLog(log).trend().runs()).isEqualTo(2);
        }
    }

    @Test
    void anAccountThatCannotBeReadIsSaidInWordsWithWhereToSetTheProfile() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
                AwsClients noProfile = new AwsClients(AwsSettings.of("no-such-profile", "us-west-2", null))) {
            ReadinessModel model = model(log, noProfile);
            model.checkNow();
            assertThat(model.problem().get())
                    .startsWith("The account could not be read, so every row is unknown: ")
                    .contains("no-such-profile")
                    .endsWith("Set the AWS profile, region or endpoint in Settings, then Check now.")
                    .doesNotContain("Exception");
            assertThat(model.rows()).allSatisfy(row -> assertThat(row.verdict()).isEqualTo("unknown"));
        }
    }
}
