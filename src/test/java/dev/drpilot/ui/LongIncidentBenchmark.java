package dev.drpilot.ui;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.engine.StepWorkerEngines;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.rehearsal.Autoplay;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.rehearsal.Tabletop;
import dev.drpilot.rehearsal.Tabletops;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: the app's memory through an hour-long incident. The region-failure tabletop runs in
 * the incident screen (steps, log list, clocks, the facilitator's bar) while the team's part is
 * played and a note is written every minute of incident time; prints the memory every 10
 * minutes of incident time and the FX thread's frame gaps over the whole run.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench=dev.drpilot.ui.LongIncidentBenchmark}
 * (60x: the hour passes in a minute). In real time: {@code BENCH_SPEED=1} before it.
 */
public final class LongIncidentBenchmark {

    public static void main(String[] args) throws Exception {
        int speed = Integer.parseInt(System.getenv().getOrDefault("BENCH_SPEED", "60"));
        int minutes = Integer.parseInt(System.getenv().getOrDefault("BENCH_MINUTES", "60"));
        Path dir = Files.createTempDirectory("drpilot-bench");
        ActionCatalog catalog = ActionCatalog.builtIn();
        List<Runbook> runbooks =
                new RunbookLoader(catalog).load(List.of(Path.of("runbooks"))).runbooks();
        Exercise exercise = new ExerciseLoader(runbooks, catalog)
                .loadFolder(Path.of("runbooks/exercises")).exercises().stream()
                        .filter(e -> e.id().equals("druid-region-failure-tabletop"))
                        .findFirst()
                        .orElseThrow();
        Runbook runbook = runbooks.stream()
                .filter(r -> r.id().equals(exercise.runbookId()))
                .findFirst()
                .orElseThrow();
        FxBench.startHeadless();
        MainWindow.useTheme(false); // as the app does before its first control: the screen's colours are the theme's
        System.out.println("at start: " + FxBench.memory());
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "bench");
                Tabletop tabletop = new Tabletops(catalog, new StepWorkerEngines(new DaemonThreads("drpilot-steps")))
                        .start(exercise, runbook, log, speed, "bench")) {
            CompletableFuture<FacilitatorBar> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                ExportPane export = new ExportPane(new ExportModel(
                        IncidentExports.logged(log),
                        tabletop.run().incidentId(),
                        Optional.of(runbook),
                        dir.resolve("exports"),
                        IncidentMode.REHEARSAL,
                        TestWindows.TASKS,
                        file -> {}));
                IncidentView view = new IncidentView(
                        new IncidentViewModel(tabletop.run(), TestWindows.TASKS),
                        runbook.title(),
                        IncidentMode.REHEARSAL,
                        export,
                        () -> {});
                FacilitatorBar bar = new FacilitatorBar(
                        new FacilitatorModel(tabletop, view.model().events(), TestWindows.TASKS));
                view.showFacilitator(bar);
                Stage stage = new Stage();
                stage.setScene(new Scene(view.root(), 1280, 800));
                stage.show();
                shown.complete(bar);
            });
            shown.get(30, TimeUnit.SECONDS);
            FxBench.FrameGaps gaps = new FxBench.FrameGaps();
            Platform.runLater(gaps::start);
            Thread players = Thread.ofPlatform().daemon().start(() -> {
                try {
                    new Autoplay(tabletop.run(), tabletop.clock()).playToEnd(Duration.ofHours(3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int minute = 1; minute <= minutes; minute++) {
                tabletop.clock().sleeper().sleep(Duration.ofMinutes(1));
                tabletop.run()
                        .entries()
                        .note("minute " + minute + ": status update to the stakeholders, nothing new", null);
                if (minute % 10 == 0) {
                    System.out.printf(
                            "T+%d min (%,d events in the log): %s%n",
                            minute, log.events(tabletop.run().incidentId()).size(), FxBench.memory());
                }
            }
            players.interrupt();
            Platform.runLater(gaps::stop);
            System.out.printf("%d min of incident at %dx: %s%n", minutes, speed, gaps.report());
        } finally {
            Platform.exit();
        }
    }
}
