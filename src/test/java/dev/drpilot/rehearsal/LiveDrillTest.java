package dev.drpilot.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live drill (the guide's monthly drill, run for real against a sandbox) never aims at production names. */
class LiveDrillTest {

    @TempDir
    Path dir;

    @Test
    void theShippedDrillRefusesAProductionRestoreTargetBeforeAnythingIsDeclared() throws Exception {
        Runbook drill = Shipped.runbook("dr-drill-monthly");
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            assertThatThrownBy(() ->
                            engine(log).declare(drill, Map.of("testInstance", "druid-metadata"), drillIncident(drill)))
                    .isInstanceOf(InvalidParametersException.class)
                    .hasMessageContaining("testInstance");
            assertThat(log.incidents()).isEmpty();
        }
    }

    /** Even a drill whose author forgot the -test patterns on its parameters cannot restore into or delete production. */
    @Test
    void aDrillWithoutPatternsIsStillRefusedWhenItWouldRestoreIntoOrDeleteAProductionName() throws Exception {
        String yaml =
                Files.readString(Path.of("runbooks/dr-drill-monthly.yaml")).replace(", pattern: \".*-test\"", "");
        Path copy = Files.writeString(dir.resolve("dr-drill-monthly.yaml"), yaml);
        var loaded = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(copy));
        assertThat(loaded.problems()).isEmpty();
        Runbook drill = loaded.runbooks().getFirst();
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            assertThatThrownBy(() -> engine(log)
                            .declare(
                                    drill,
                                    Map.of("testInstance", "druid-metadata", "testTable", "webapp-users"),
                                    drillIncident(drill)))
                    .isInstanceOf(InvalidParametersException.class)
                    .satisfies(e -> assertThat(((InvalidParametersException) e).problems())
                            .containsExactly(
                                    "step 'rds-restore' would restore into 'druid-metadata', a production name: a drill only touches names"
                                            + " ending in -test (the guide's rule); give a -test name",
                                    "step 'dynamodb-restore' would restore into 'webapp-users', a production name: a drill only touches names"
                                            + " ending in -test (the guide's rule); give a -test name",
                                    "step 'cleanup-rds' would delete 'druid-metadata', a production name: a drill only touches names"
                                            + " ending in -test (the guide's rule); give a -test name",
                                    "step 'cleanup-table' would delete 'webapp-users', a production name: a drill only touches names"
                                            + " ending in -test (the guide's rule); give a -test name"));
            assertThat(log.incidents()).isEmpty();
            assertThat(engine(log)
                            .declare(drill, Map.of(), drillIncident(drill))
                            .incidentId())
                    .startsWith("REH-");
        }
    }

    /** Clients that could only reach a closed port: nothing is called by a declaration anyway. */
    private IncidentEngine engine(IncidentLogStore log) {
        return DrPilotServices.fromEnvironment()
                .engine(
                        log,
                        new AwsClients(AwsSettings.of(null, "us-west-2", URI.create("http://127.0.0.1:9"))),
                        new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null)));
    }

    private static NewIncident drillIncident(Runbook drill) {
        return new NewIncident(drill.id(), drill.title(), IncidentMode.REHEARSAL, null, "alice", null);
    }
}
