package dev.drpilot.app.wiring;

import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.teamlog.LaptopId;
import dev.drpilot.teamlog.Outbox;
import dev.drpilot.teamlog.OutboxWorker;
import dev.drpilot.teamlog.TeamLogDatabase;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How this process reaches a team log (docs/team-log.md): the login from the environment
 * (PGUSER, PGPASSWORD, PGPASSFILE) or the pgpass file in the home folder, never from a setting,
 * and this responder's events written as the OS user on the laptop id kept beside the local log.
 */
public final class TeamLogs {

    private final Map<String, String> environment;
    private final Path home;
    private final Duration leaseLifetime;

    public TeamLogs(Map<String, String> environment, Path home) {
        this(environment, home, TeamLogStepLeases.LIFETIME);
    }

    /** @param leaseLifetime how long a step's lease outlives its laptop's last renewal (shorter in tests) */
    public TeamLogs(Map<String, String> environment, Path home, Duration leaseLifetime) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.leaseLifetime = leaseLifetime;
    }

    /** This process's environment and home folder. */
    public static TeamLogs fromEnvironment() {
        return new TeamLogs(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The team log at {@code url}, with the login of this process's environment.
     *
     * @throws IllegalArgumentException with one sentence, when the URL cannot be used (not PostgreSQL, a password in it, no user)
     */
    public TeamLogDatabase database(String url) {
        return TeamLogDatabase.of(url, null, environment, home);
    }

    /**
     * The local log's link to the team log at {@code url}: nothing is sent until an incident is
     * followed or nudged, and the team log may be unreachable now.
     *
     * @throws IllegalArgumentException with one sentence, when the URL cannot be used (not PostgreSQL, a password in it, no user)
     * @throws java.io.UncheckedIOException with one sentence, when the laptop id beside the log cannot be read or made
     */
    public TeamLogConnection connect(String url, IncidentLogStore log) {
        TeamLogDatabase database = database(url);
        Writer writer = writer(log.file());
        TeamLogStore store = new TeamLogStore(database);
        return new TeamLogConnection(
                database,
                store,
                writer,
                new OutboxWorker(new Outbox(log, store, writer), new DaemonThreads("drpilot-team-log")),
                new TeamLogStepLeases(
                        new TeamLogStore(database), writer, leaseLifetime, new DaemonThreads("drpilot-step-lease")));
    }

    /**
     * The team log at {@code url} on its own, without a local log (`drpilot approve`); it connects when first used.
     *
     * @throws IllegalArgumentException with one sentence, when the URL cannot be used (not PostgreSQL, a password in it, no user)
     */
    public TeamLogStore open(String url) {
        return new TeamLogStore(database(url));
    }

    /** The responder at this laptop, as the team log names them: the OS user. */
    public String responder() {
        return System.getProperty("user.name", "operator");
    }

    /**
     * This responder (the OS user) on the laptop id kept beside the local log at {@code log}.
     *
     * @throws java.io.UncheckedIOException with one sentence, when the laptop id cannot be read or made
     */
    public Writer writer(Path log) {
        return new Writer(responder(), LaptopId.of(log));
    }
}
