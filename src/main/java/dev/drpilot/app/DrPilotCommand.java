package dev.drpilot.app;

import dev.drpilot.app.cli.ActionsCommand;
import dev.drpilot.app.cli.ApproveCommand;
import dev.drpilot.app.cli.CloseCommand;
import dev.drpilot.app.cli.CommandFactory;
import dev.drpilot.app.cli.ContinueCommand;
import dev.drpilot.app.cli.DiffCommand;
import dev.drpilot.app.cli.EvidenceCommand;
import dev.drpilot.app.cli.ExportCommand;
import dev.drpilot.app.cli.GapCommand;
import dev.drpilot.app.cli.HandoverCommand;
import dev.drpilot.app.cli.IncidentsCommand;
import dev.drpilot.app.cli.JoinCommand;
import dev.drpilot.app.cli.ListCommand;
import dev.drpilot.app.cli.MergeCommand;
import dev.drpilot.app.cli.NoteCommand;
import dev.drpilot.app.cli.PermissionsCommand;
import dev.drpilot.app.cli.ReadinessCommand;
import dev.drpilot.app.cli.RecoverCommand;
import dev.drpilot.app.cli.RehearseCommand;
import dev.drpilot.app.cli.ReopenCommand;
import dev.drpilot.app.cli.ResolveCommand;
import dev.drpilot.app.cli.ResumeCommand;
import dev.drpilot.app.cli.RunCommand;
import dev.drpilot.app.cli.ScorecardCommand;
import dev.drpilot.app.cli.ShowCommand;
import dev.drpilot.app.cli.TeamLogCommand;
import dev.drpilot.app.cli.ValidateCommand;
import dev.drpilot.app.cli.VerifyCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.IncidentLogUnavailableException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "drpilot",
        mixinStandardHelpOptions = true,
        version = "DR Pilot 0.1",
        description = {
            "DR Pilot walks an incident commander through disaster recovery.",
            "Without a command it opens the desktop app (on the log --log names)."
        })
public final class DrPilotCommand implements Callable<Integer> {

    /**
     * The sub-commands, in the order the help lists them, each with the name its {@code @Command} gives it: written
     * here so that finding the one a command line names reads no other command's annotations.
     */
    static final List<SubCommand> COMMANDS = List.of(
            new SubCommand("validate", ValidateCommand.class),
            new SubCommand("list", ListCommand.class),
            new SubCommand("show", ShowCommand.class),
            new SubCommand("actions", ActionsCommand.class),
            new SubCommand("permissions", PermissionsCommand.class),
            new SubCommand("run", RunCommand.class),
            new SubCommand("incidents", IncidentsCommand.class),
            new SubCommand("resume", ResumeCommand.class),
            new SubCommand("resolve", ResolveCommand.class),
            new SubCommand("close", CloseCommand.class),
            new SubCommand("reopen", ReopenCommand.class),
            new SubCommand("note", NoteCommand.class),
            new SubCommand("join", JoinCommand.class),
            new SubCommand("handover", HandoverCommand.class),
            new SubCommand("gap", GapCommand.class),
            new SubCommand("verify", VerifyCommand.class),
            new SubCommand("recover", RecoverCommand.class),
            new SubCommand("continue", ContinueCommand.class),
            new SubCommand("merge", MergeCommand.class),
            new SubCommand("export", ExportCommand.class),
            new SubCommand("evidence", EvidenceCommand.class),
            new SubCommand("diff", DiffCommand.class),
            new SubCommand("rehearse", RehearseCommand.class),
            new SubCommand("scorecard", ScorecardCommand.class),
            new SubCommand("readiness", ReadinessCommand.class),
            new SubCommand("team-log", TeamLogCommand.class),
            new SubCommand("approve", ApproveCommand.class));

    record SubCommand(String name, Class<?> type) {}

    private final DrPilotServices services;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--log",
            paramLabel = "PATH",
            description = "The incident log the window opens on, without its .mv.db ending.")
    Path log;

    @Option(
            names = "--team-log",
            paramLabel = "URL",
            description = {
                "The team log the window sends its incidents' events to as well (jdbc:postgresql://HOST:5432/DATABASE?user=NAME;",
                "default: the window's setting); the password comes from PGPASSWORD or a pgpass file."
            })
    String teamLog;

    public DrPilotCommand(DrPilotServices services) {
        this.services = services;
    }

    /**
     * The command line with every sub-command, each given the services through picocli's factory, ready to
     * execute; the unexpected is reported to errors.log in the data folder.
     */
    public static CommandLine commandLine(DrPilotServices services) {
        return commandLine(services, UnexpectedErrors.inDataFolder(), name -> true);
    }

    /**
     * The command line for these arguments: when they start with a sub-command's name, with that
     * sub-command alone. Picocli reads every sub-command's annotations when it is added, which was
     * a third of the time of a `drpilot list` (docs/benchmarks.md); help, mistakes and the window
     * get them all.
     */
    public static CommandLine commandLineFor(DrPilotServices services, String... args) {
        boolean named = args.length > 0
                && COMMANDS.stream().anyMatch(command -> command.name().equals(args[0]));
        return commandLine(services, UnexpectedErrors.inDataFolder(), name -> !named || name.equals(args[0]));
    }

    static CommandLine commandLine(DrPilotServices services, UnexpectedErrors unexpected) {
        return commandLine(services, unexpected, name -> true);
    }

    /**
     * The command line whose mistakes and failures each come out as one sentence: a mistyped
     * argument, a log that cannot be opened, and anything unexpected (its trace kept by {@code unexpected}).
     */
    private static CommandLine commandLine(
            DrPilotServices services, UnexpectedErrors unexpected, Predicate<String> wanted) {
        CommandLine line = new CommandLine(new DrPilotCommand(services), new CommandFactory(services));
        for (SubCommand command : COMMANDS) {
            if (wanted.test(command.name())) line.addSubcommand(command.name(), command.type());
        }
        CommandLineMistakes mistakes = new CommandLineMistakes();
        line.setExecutionStrategy(mistakes);
        line.setParameterExceptionHandler(mistakes);
        line.setExecutionExceptionHandler((error, command, parsed) -> {
            if (error instanceof IncidentLogUnavailableException) {
                command.getErr().println(error.getMessage());
                command.getErr().flush();
                return 1;
            }
            return unexpected.report(
                    error, "running `" + command.getCommandSpec().qualifiedName() + "`", command.getErr());
        });
        return line;
    }

    /** Without a command: the window. */
    @Override
    public Integer call() {
        return new DesktopWindow(services).open(log, teamLog, spec.commandLine().getErr());
    }
}
