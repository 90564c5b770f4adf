package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.EngineWiring;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.rehearsal.Tabletop;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.ui.UiBackend;
import dev.drpilot.ui.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineWiringTest {

    @TempDir
    Path dir;

    @Test
    void everyActionOfTheCatalogueHasExactlyOneImplementation() {
        var ids = EngineWiring.actions(
                        new AwsClients(AwsSettings.of(null, "us-west-2", null)),
                        new KubeClients(new KubeSettings(Path.of("no-kubeconfig"), null)))
                .stream()
                .map(Action::id)
                .toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(ActionCatalog.builtIn().all().stream()
                        .map(ActionContract::id)
                        .toList());
    }

    @Test
    void anEngineWithRealClientsRefusesToDeclareOrResumeATabletop() throws Exception {
        Runbook runbook = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks/druid-pod-failure.yaml")))
                .runbooks()
                .getFirst();
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentEngine live = DrPilotServices.fromEnvironment()
                    .engine(
                            log,
                            new AwsClients(AwsSettings.of(null, "us-west-2", null)),
                            new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null)));
            assertThatThrownBy(() -> live.declareTabletop(
                            runbook,
                            Map.of("pod", "druid-historical-2"),
                            new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null),
                            "druid-pod-failure-tabletop"))
                    .hasMessageContaining(
                            "a tabletop rehearsal of druid-pod-failure is played by its exercise's script");

            Exercise exercise = new ExerciseLoader(List.of(runbook), ActionCatalog.builtIn())
                    .loadFolder(Path.of("runbooks/exercises")).exercises().stream()
                            .filter(e -> e.runbookId().equals(runbook.id()))
                            .findFirst()
                            .orElseThrow();
            String rehearsal;
            try (Tabletop tabletop =
                    DrPilotServices.fromEnvironment().tabletops().start(exercise, runbook, log, 60, "facilitator")) {
                rehearsal = tabletop.run().incidentId();
            }
            assertThatThrownBy(() -> live.resume(log.incident(rehearsal).orElseThrow(), runbook, Map.of()))
                    .hasMessageContaining("cannot be resumed here: open it in the window");
        }
    }

    @Test
    void theWindowWorksOnTheLogTheCommandLineNamesOverTheSettings() {
        UiSettings settings = new UiSettings(
                "",
                "us-west-2",
                "",
                "",
                dir.resolve("from-settings").resolve("incidents").toString(),
                "");
        Path named = dir.resolve("named").resolve("incidents");

        try (UiBackend backend = new DesktopWindow(DrPilotServices.fromEnvironment()).backend(settings, named, null)) {
            assertThat(backend.log().file()).isEqualTo(named);
            assertThat(backend.exportFolder())
                    .isEqualTo(named.toAbsolutePath().getParent().resolve("exports"));
        }
        assertThat(Files.exists(dir.resolve("named").resolve("incidents.mv.db")))
                .isTrue();
        assertThat(Files.exists(dir.resolve("from-settings"))).isFalse();
    }
}
