package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.teamlog.Presence;
import dev.drpilot.teamlog.Responder;
import dev.drpilot.teamlog.Responders;
import dev.drpilot.teamlog.Role;
import dev.drpilot.teamlog.TeamEvent;
import dev.drpilot.teamlog.TeamLogDatabase;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogListener;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import dev.drpilot.timeline.EventDescriptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Joins an incident declared on another laptop, through the team log, and follows it live in the
 * terminal until Ctrl-C: this laptop's local log is not touched (it cannot hold an incident it did
 * not declare); the others' events are read from the team log.
 */
@Command(
        name = "join",
        mixinStandardHelpOptions = true,
        description = {
            "Joins an incident declared on another laptop as a responder, through the team log.",
            "Prints the other responders' events as they arrive, with their names, until Ctrl-C (which leaves it)."
        })
public final class JoinCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final TeamLogs teamLogs;

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Parameters(index = "0", paramLabel = "INCIDENT")
    String incidentId;

    @Option(
            names = "--team-log",
            paramLabel = "URL",
            required = true,
            description = {
                "The team log at this PostgreSQL URL (jdbc:postgresql://HOST:5432/DATABASE?user=NAME);",
                "the password comes from PGPASSWORD or a pgpass file."
            })
    String url;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            defaultValue = "operator",
            description = "commander, operator, scribe or observer (default: ${DEFAULT-VALUE}).")
    String role;

    public JoinCommand(DrPilotServices services) {
        this.teamLogs = services.teamLogs();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Role joining;
        TeamLogDatabase database;
        Writer writer;
        try {
            joining = Role.of(role);
            database = teamLogs.database(url);
            Files.createDirectories(log.path().toAbsolutePath().getParent());
            writer = teamLogs.writer(log.path());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("The folder of the local log " + log.path() + " cannot be made: " + e.getMessage());
            return 2;
        }
        try (TeamLogStore store = new TeamLogStore(database)) {
            List<TeamEvent> sofar = store.events(incidentId);
            if (sofar.isEmpty()) {
                err.println("The team log at " + database.where() + " holds no incident " + incidentId
                        + ": check its id with the laptop that declared it (drpilot incidents there).");
                return 1;
            }
            printSoFar(sofar, writer, out);
            return follow(store, writer, joining, sofar.getLast().mergedOrder(), out);
        } catch (TeamLogException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int follow(TeamLogStore store, Writer writer, Role joining, long after, PrintWriter out) {
        Responders responders = new Responders(store);
        ExecutorService listening = Executors.newSingleThreadExecutor(new DaemonThreads("drpilot-team-follow"));
        Thread command = Thread.currentThread();
        CountDownLatch left = new CountDownLatch(1);
        Thread leaveOnExit = new Thread(() -> {
            command.interrupt();
            try {
                left.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(leaveOnExit);
        try (Presence presence = Presence.join(responders, incidentId, writer, joining);
                TeamLogListener listener = TeamLogListener.start(
                        store.database(), incidentId, writer.laptop(), after, event -> print(event, out), listening)) {
            out.println("joined " + incidentId + " as " + joining.word() + " (" + writer.label()
                    + ") on the team log at " + store.database().where() + "; following it, Ctrl-C leaves");
            out.println("responders: " + present(responders.of(incidentId)));
            out.flush();
            new CountDownLatch(1).await();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            listening.shutdownNow();
            out.println("left " + incidentId);
            out.flush();
            left.countDown();
        }
        return 0;
    }

    /** What the other responders did before this laptop joined (their joins too), so a late joiner knows who is there and what has happened. */
    private void printSoFar(List<TeamEvent> sofar, Writer writer, PrintWriter out) {
        List<TeamEvent> others = sofar.stream()
                .filter(e -> !e.writer().machine().equals(writer.laptop()))
                .toList();
        if (others.isEmpty()) return;
        out.println("so far on " + incidentId + ":");
        others.forEach(event -> print(event, out));
    }

    private static String present(List<Responder> responders) {
        return responders.stream()
                .filter(Responder::present)
                .map(r -> r.name() + " (" + r.role().word() + ")")
                .collect(Collectors.joining(", "));
    }

    /** "02:41:07  bob  [restore] Started: `aws rds ...`". */
    private static void print(TeamEvent event, PrintWriter out) {
        var e = event.event();
        synchronized (out) {
            out.println(TIME.format(e.time()) + "  " + event.writer().responder() + "  "
                    + (e.stepId() == null ? "" : "[" + e.stepId() + "] ") + EventDescriptions.describe(e));
            out.flush();
        }
    }
}
