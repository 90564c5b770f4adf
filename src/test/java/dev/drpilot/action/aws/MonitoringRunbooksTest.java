package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** The readiness check fails on an empty account, the setup runbook creates the guide's alarms and health check, the check then passes. */
class MonitoringRunbooksTest {

    @TempDir
    Path dir;

    private static Runbook runbook(String id) {
        return new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks/" + id + ".yaml")))
                .runbooks()
                .get(0);
    }

    private static IncidentRun declare(IncidentLogStore log, AwsClients aws, Runbook runbook) throws Exception {
        return DrPilotServices.fromEnvironment()
                .engine(log, aws)
                .declare(
                        runbook,
                        Map.of(),
                        new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
    }

    @Test
    void readinessFailsThenSetupThenReadinessPasses() throws Exception {
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-west-2"));
                IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun before = declare(log, aws, runbook("dr-readiness-monitoring"));
            before.start("alarms").get(60, TimeUnit.SECONDS);
            assertThat(before.step("alarms").state()).isEqualTo(StepState.FAILED);
            assertThat(before.step("alarms").message()).isEqualTo("Check failed: count is 0, expected equals 2");

            IncidentRun setup = declare(log, aws, runbook("dr-setup-monitoring"));
            setup.runToNextConfirmation().get(60, TimeUnit.SECONDS);
            assertThat(setup.steps()).extracting(StepRun::state).containsOnly(StepState.SUCCEEDED);
            MetricAlarm backup = aws.get(CloudWatchClient.class, CloudWatchClient::builder, null)
                    .describeAlarms(r -> r.alarmNames("druid-rds-backup-failed"))
                    .metricAlarms()
                    .get(0);
            assertThat(backup.metricName()).isEqualTo("DatabaseBackupOperation");
            assertThat(backup.period()).isEqualTo(86400);
            assertThat(backup.comparisonOperatorAsString()).isEqualTo("LessThanThreshold");

            IncidentRun after = declare(log, aws, runbook("dr-readiness-monitoring"));
            after.runToNextConfirmation().get(60, TimeUnit.SECONDS);
            assertThat(after.steps()).extracting(StepRun::state).containsOnly(StepState.SUCCEEDED);
            assertThat(after.step("healthy").outputs()).containsEntry("healthy", true);
            assertThat(after.step("health-check").outputs().get("healthCheckId"))
                    .isEqualTo(setup.step("health-check").outputs().get("healthCheckId"));
        }
    }
}
