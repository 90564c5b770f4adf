package dev.drpilot.app;

import dev.drpilot.app.cli.ActionsCommand;
import dev.drpilot.app.cli.CloseCommand;
import dev.drpilot.app.cli.RecoverCommand;
import dev.drpilot.app.cli.ReopenCommand;
import dev.drpilot.app.cli.ResolveCommand;
import dev.drpilot.app.cli.ExportCommand;
import dev.drpilot.app.cli.IncidentsCommand;
import dev.drpilot.app.cli.ListCommand;
import dev.drpilot.app.cli.NoteCommand;
import dev.drpilot.app.cli.PermissionsCommand;
import dev.drpilot.app.cli.RehearseCommand;
import dev.drpilot.app.cli.ResumeCommand;
import dev.drpilot.app.cli.RunCommand;
import dev.drpilot.app.cli.ScorecardCommand;
import dev.drpilot.app.cli.ShowCommand;
import dev.drpilot.app.cli.ValidateCommand;
import dev.drpilot.app.cli.VerifyCommand;
import dev.drpilot.incident.IncidentLogUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "drpilot", mixinStandardHelpOptions = true, version = "DR Pilot 0.1",
        description = {"DR Pilot walks an incident commander through disaster recovery.",
                "Without a command it opens the desktop app."},
        subcommands = {ValidateCommand.class, ListCommand.class, ShowCommand.class, ActionsCommand.class, PermissionsCommand.class, RunCommand.class,
                IncidentsCommand.class, ResumeCommand.class, ResolveCommand.class, CloseCommand.class, ReopenCommand.class, NoteCommand.class, VerifyCommand.class, RecoverCommand.class, ExportCommand.class, RehearseCommand.class, ScorecardCommand.class})
public final class DrPilotCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command line with every sub-command, ready to execute; a log that cannot be used is said in its own words. */
    public static CommandLine commandLine() {
        return new CommandLine(new DrPilotCommand()).setExecutionExceptionHandler((e, command, parsed) -> {
            if (!(e instanceof IncidentLogUnavailableException)) throw e;
            command.getErr().println(e.getMessage());
            return 1;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
