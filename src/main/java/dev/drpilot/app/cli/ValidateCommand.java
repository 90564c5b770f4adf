package dev.drpilot.app.cli;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.ShippedRunbooks;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks runbooks and reports every problem as file:line:column: what to fix.",
                "Exit status 0 when all are valid, 1 otherwise."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Runbook files or folders (default: runbooks).")
    List<Path> paths = List.of();

    @Override
    public Integer call() {
        List<Path> targets = paths.isEmpty() ? List.of(ShippedRunbooks.folder()) : paths;
        RunbookLoader.Result result = new RunbookLoader(ActionCatalog.builtIn()).load(targets);
        if (result.ok()) {
            spec.commandLine().getOut().println(result.runbooks().size() + " runbook(s) valid");
            return 0;
        }
        var err = spec.commandLine().getErr();
        result.problems().forEach(err::println);
        long files = result.problems().stream().map(p -> p.file()).distinct().count();
        err.println(result.problems().size() + " problem(s) in " + files + " file(s); "
                + result.runbooks().size() + " runbook(s) valid");
        return 1;
    }
}
