package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.export.ExportFormat;
import dev.drpilot.export.Exported;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.rehearsal.Autoplay;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.rehearsal.RehearsalClock;
import dev.drpilot.rehearsal.Tabletop;
import dev.drpilot.runbook.Runbook;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "rehearse",
        mixinStandardHelpOptions = true,
        description = {
            "Tabletop rehearsals: lists the exercises, or plays one unattended to its end (--play) and writes its scorecard.",
            "Every step is played by the exercise's script: no AWS or Kubernetes client is built, nothing is called.",
            "To rehearse as a team, open the app (drpilot with no arguments) and choose Rehearse."
        })
public final class RehearseCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    @Mixin
    LogOptions log;

    @Parameters(
            paramLabel = "EXERCISE",
            arity = "0..1",
            description = "The exercise id; without it, the exercises are listed.")
    String id;

    @Option(
            names = "--speed",
            paramLabel = "N",
            defaultValue = "30",
            description = "How much faster than real time, 1 to 60 (default: ${DEFAULT-VALUE}).")
    int speed;

    @Option(
            names = "--play",
            description = "Play the team's part too (confirm, tick off, retry) to check the exercise runs to its end.")
    boolean play;

    @Option(
            names = "--scorecard",
            paramLabel = "FILE",
            description =
                    "Where to write the scorecard (default: <rehearsal id>-scorecard.md in the exports folder beside the log).")
    Path scorecard;

    @Option(names = "--force", description = "Replace the scorecard file if it exists.")
    boolean force;

    @Option(names = "--commander", paramLabel = "NAME")
    String commander;

    public RehearseCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Runbook> all = runbooks.loadOrReport(err);
        if (all == null) return 1;
        ExerciseLoader.Result loaded =
                new ExerciseLoader(all, services.catalog()).loadFolder(runbooks.folder.resolve("exercises"));
        loaded.problems().forEach(err::println);
        if (id == null) {
            TextTable table = new TextTable("EXERCISE", "RUNBOOK", "TITLE");
            loaded.exercises().forEach(e -> table.row(e.id(), e.runbookId(), e.title()));
            out.print(table);
            out.flush();
            return loaded.problems().isEmpty() ? 0 : 1;
        }
        Exercise exercise = loaded.exercises().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElse(null);
        if (exercise == null) {
            err.println("no exercise '" + id + "' in " + runbooks.folder.resolve("exercises")
                    + "; `drpilot rehearse` lists them");
            return 1;
        }
        if (!play) {
            err.println(
                    "a tabletop is played by a team in the window: run drpilot with no arguments and choose Rehearse;"
                            + " --play runs it unattended to check the exercise");
            return 2;
        }
        if (speed < 1 || speed > RehearsalClock.MAX_SPEED) {
            err.println("--speed " + speed + ": give 1 (real time) to " + RehearsalClock.MAX_SPEED);
            return 2;
        }
        if (scorecard != null && Files.exists(scorecard) && !force) {
            err.println(scorecard + " exists already: add --force to replace it, or name another file");
            return 1;
        }
        Runbook runbook = all.stream()
                .filter(r -> r.id().equals(exercise.runbookId()))
                .findFirst()
                .orElseThrow();
        try (IncidentLogStore store = log.open();
                Tabletop tabletop = services.tabletops()
                        .start(
                                exercise,
                                runbook,
                                store,
                                speed,
                                commander != null ? commander : System.getProperty("user.name", "facilitator"))) {
            String rehearsal = tabletop.run().incidentId();
            out.println("Rehearsal " + rehearsal + " of " + runbook.id() + " at " + speed + "x: " + exercise.title());
            out.println(exercise.situation());
            boolean finished = new Autoplay(tabletop.run(), tabletop.clock()).playToEnd(Duration.ofHours(2));
            tabletop.run()
                    .steps()
                    .forEach(s -> out.println("  " + s.state().label() + "  "
                            + s.step().id() + (s.message() == null ? "" : "  " + s.message())));
            tabletop.run()
                    .close((finished ? "Played to its end" : "Stopped before its end")
                            + ", unattended (drpilot rehearse --play): " + exercise.title());
            IncidentExports exports = IncidentExports.logged(store);
            Exported exported = scorecard == null
                    ? exports.toFolder(
                            rehearsal, Optional.of(runbook), ExportFormat.SCORECARD, exports.folderBesideLog(), true)
                    : exports.toFile(rehearsal, Optional.of(runbook), ExportFormat.SCORECARD, scorecard, true);
            return switch (exported) {
                case Exported.Written written -> {
                    out.println((finished ? "Finished" : "Stopped before the end") + " after "
                            + tabletop.elapsed().toMinutes() + " min of exercise time; scorecard: " + written.file());
                    yield finished ? 0 : 1;
                }
                case Exported.Refused refused -> {
                    err.println(refused.reason());
                    yield 1;
                }
            };
        } catch (InvalidParametersException e) {
            e.problems().forEach(err::println);
            return 2;
        }
    }
}
