package dev.drpilot.app.cli;

import dev.drpilot.incident.LogSalvage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "recover",
        mixinStandardHelpOptions = true,
        description = {
            "Salvages every readable event of a damaged incident log into a new log.",
            "The damaged file is only read. Events keep their hashes (the chain is not rebuilt), so `verify` names where an"
                    + " incident's chain breaks; each loss its head file shows is named here and recorded as an event in the new log."
        })
public final class RecoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Option(
            names = "--to",
            paramLabel = "NEWPATH",
            required = true,
            description = "The new log, without its .mv.db ending; it must not exist.")
    Path to;

    @Override
    public Integer call() {
        LogSalvage.Report report =
                LogSalvage.salvage(log.path(), to, Clock.systemUTC(), System.getProperty("user.name", "operator"));
        report.lines().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
