package dev.drpilot.app.cli;

import dev.drpilot.teamlog.TeamLogDatabase;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.TeamLogVerification;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "team-log",
        mixinStandardHelpOptions = true,
        description = {"The team log shared by the laptops of an incident (docs/team-log.md)."})
public final class TeamLogCommand {

    @Spec
    CommandSpec spec;

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Connects to a team log (bringing its tables up to date) and says what it reached; with --incident,",
                "also checks every laptop's hash chain of that incident. The password comes from PGPASSWORD or a pgpass file.",
                "Exit status 0 when reached (and intact); 1 when it cannot be reached or a chain is broken; 2 for a wrong URL",
                "or an incident it holds no events of."
            })
    Integer check(
            @Option(
                            names = "--url",
                            required = true,
                            paramLabel = "URL",
                            description =
                                    "jdbc:postgresql://HOST:PORT/DATABASE (TLS required unless it says sslmode=...)")
                    String url,
            @Option(names = "--user", paramLabel = "USER", description = "The database user (default: PGUSER).")
                    String user,
            @Option(names = "--incident", paramLabel = "INCIDENT", description = "An incident whose chains to check.")
                    String incidentId) {
        TeamLogDatabase database;
        try {
            database = TeamLogDatabase.of(url, user, System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        try (TeamLogStore store = new TeamLogStore(database)) {
            spec.commandLine().getOut().println(database + ": reached, " + store.check() + ", tables up to date");
            if (incidentId == null) return 0;
            TeamLogVerification verification = store.verify(incidentId);
            if (verification.writers().isEmpty()) {
                spec.commandLine().getErr().println("no events of " + incidentId + " in the " + database);
                return 2;
            }
            (verification.intact()
                            ? spec.commandLine().getOut()
                            : spec.commandLine().getErr())
                    .println(verification.sentence());
            return verification.intact() ? 0 : 1;
        } catch (TeamLogException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
