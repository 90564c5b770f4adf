package dev.drpilot.app.cli;

import dev.drpilot.incident.LogContinuation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "continue",
        mixinStandardHelpOptions = true,
        description = {
            "Carries the incident log to another folder when its disk is full or failing, to work on there.",
            "Every committed event is copied with its hash, so each chain goes on unbroken; the old log is only read.",
            "`merge --from` brings the new events back once the first disk has room."
        })
public final class ContinueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Option(
            names = "--to",
            paramLabel = "FOLDER",
            required = true,
            description =
                    "The folder (on another disk) where the log goes on, under the same name; it must hold no log of that name.")
    Path to;

    @Override
    public Integer call() {
        LogContinuation.Report report =
                LogContinuation.into(log.path(), to, Clock.systemUTC(), System.getProperty("user.name", "operator"));
        report.lines().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
