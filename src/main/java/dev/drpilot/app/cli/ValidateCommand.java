package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.runbook.Problem;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks runbooks (and the exercises in a folder's exercises/) and reports every problem as file:line:column: what to fix.",
            "Exit status 0 when all are valid, 1 otherwise."
        })
public final class ValidateCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Runbook files or folders (default: runbooks).")
    List<Path> paths = List.of();

    public ValidateCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        List<Path> targets = paths.isEmpty() ? List.of(services.runbooksFolder()) : paths;
        RunbookLoader.Result result = new RunbookLoader(services.catalog()).load(targets);
        List<Problem> problems = new ArrayList<>(result.problems());
        int exercises = 0;
        for (Path target : targets) {
            ExerciseLoader.Result loaded =
                    new ExerciseLoader(result.runbooks(), services.catalog()).loadFolder(target.resolve("exercises"));
            problems.addAll(loaded.problems());
            exercises += loaded.exercises().size();
        }
        String valid = result.runbooks().size() + " runbook(s)"
                + (exercises > 0 ? " and " + exercises + " exercise(s)" : "") + " valid";
        if (problems.isEmpty() && result.runbooks().isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("no runbook in "
                            + String.join(
                                    ", ", targets.stream().map(Path::toString).toList())
                            + ": give the runbooks' YAML files or the folder that holds them");
            return 1;
        }
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println(valid);
            return 0;
        }
        var err = spec.commandLine().getErr();
        problems.forEach(err::println);
        long files = problems.stream().map(p -> p.file()).distinct().count();
        err.println(problems.size() + " problem(s) in " + files + " file(s); " + valid);
        return 1;
    }
}
