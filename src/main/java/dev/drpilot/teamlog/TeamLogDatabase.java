package dev.drpilot.teamlog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the team log lives and how to log in: a PostgreSQL JDBC URL, a user, and a password taken
 * from the environment ({@code PGPASSWORD}) or a password file ({@code PGPASSFILE}, else
 * {@code ~/.pgpass}), never from the URL. TLS is required unless the URL says otherwise
 * ({@code sslmode=...}). Nothing this class says (its text, its errors) holds the password.
 */
public final class TeamLogDatabase {

    /** The schema history of the team log's own migrations, apart from anything else in that database. */
    private static final String HISTORY_TABLE = "drpilot_team_log_history";

    private static final String PREFIX = "jdbc:postgresql://";

    private final PGSimpleDataSource source;
    private final String where;

    private TeamLogDatabase(PGSimpleDataSource source, String where) {
        this.source = source;
        this.where = where;
    }

    /**
     * The team log at {@code url} as {@code user} (when null, the URL's {@code user=}, else {@code environment}'s {@code PGUSER}), with the password of {@code environment}'s
     * {@code PGPASSWORD}, or else of the password file ({@code PGPASSFILE}, else {@code home/.pgpass}).
     *
     * @throws IllegalArgumentException with one sentence, when the URL is not a PostgreSQL one or holds a password
     */
    public static TeamLogDatabase of(String url, String user, Map<String, String> environment, Path home) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("The team log's URL must start with " + PREFIX
                    + " (for example jdbc:postgresql://db.example.com:5432/drpilot).");
        }
        String where = url.substring(PREFIX.length()).replaceFirst("\\?.*", "");
        if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
            throw new IllegalArgumentException("The team log's URL for " + where + " holds a password: take it out,"
                    + " and give it in PGPASSWORD or a pgpass file instead.");
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        if (user == null || user.isBlank()) user = source.getUser();
        if (user == null || user.isBlank()) user = environment.get("PGUSER");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("Give the team log's user name (in PGUSER, or ?user=NAME in its URL).");
        }
        source.setUser(user);
        if (!url.toLowerCase(Locale.ROOT).matches(".*[?&]sslmode=.*")) source.setSslMode("require");
        source.setConnectTimeout(5);
        source.setSocketTimeout(30);
        source.setTcpKeepAlive(true);
        source.setApplicationName("DR Pilot team log");
        String host = source.getServerNames()[0];
        int port = source.getPortNumbers()[0] == 0 ? 5432 : source.getPortNumbers()[0];
        String password = environment.get("PGPASSWORD");
        if (password == null) {
            String file = environment.get("PGPASSFILE");
            Path passwords = file != null && !file.isBlank() ? Path.of(file) : defaultPasswordFile(environment, home);
            password = PgPass.lookUp(passwords, host, port, source.getDatabaseName(), user)
                    .orElse(null);
        }
        if (password != null) source.setPassword(password);
        return new TeamLogDatabase(source, where);
    }

    /** Where libpq looks: {@code %APPDATA%\\postgresql\\pgpass.conf} on Windows, {@code ~/.pgpass} elsewhere. */
    private static Path defaultPasswordFile(Map<String, String> environment, Path home) {
        String appData = environment.get("APPDATA");
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return windows && appData != null ? Path.of(appData, "postgresql", "pgpass.conf") : home.resolve(".pgpass");
    }

    /** host:port/database, without the URL's settings: what a message may show. */
    public String where() {
        return where;
    }

    /** Whether connections ask for TLS (any sslmode but disable and allow). */
    public boolean requiresTls() {
        String mode = source.getSslMode();
        return mode != null && !mode.equals("disable") && !mode.equals("allow");
    }

    /** A new connection; the caller closes it. */
    Connection connect() {
        try {
            Connection connection = source.getConnection();
            try (Statement session = connection.createStatement()) {
                // a laptop that vanishes inside a transaction must not hold the merge lock (TeamLogStore.append) for
                // long
                session.execute("SET idle_in_transaction_session_timeout = '10s'");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            throw problem("cannot be reached", e);
        }
    }

    /** Brings the team log's tables up to this version (several laptops may do it at once: Flyway locks). */
    void migrate() {
        try {
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/teamlog")
                    .table(HISTORY_TABLE)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw TeamLogException.refused(
                    "The team log at " + where + " could not be prepared: " + firstLine(e.getMessage()) + ".", e);
        }
    }

    /** One sentence about a failure of the team log, from what PostgreSQL said (which never holds the password). */
    TeamLogException problem(String what, SQLException e) {
        String said = firstLine(e.getMessage());
        if (said.contains("does not support SSL")) {
            return TeamLogException.refused(
                    "The team log at " + where + " does not offer TLS: turn on ssl in its PostgreSQL"
                            + " (or, only for a server on this machine, add ?sslmode=disable to the URL).",
                    e);
        }
        if (said.contains("no password was provided")) {
            return TeamLogException.refused(
                    "The team log at " + where + " asks for the password of " + source.getUser()
                            + ": set PGPASSWORD, or add a line for it to the pgpass file.",
                    e);
        }
        if ("28P01".equals(e.getSQLState())) {
            return TeamLogException.refused(
                    "The team log at " + where + " refused the login of " + source.getUser()
                            + ": check the password in PGPASSWORD or the pgpass file.",
                    e);
        }
        String state = e.getSQLState();
        // no connection, it was cut, or another laptop's append held the merge lock too long: all pass
        if (state == null || state.startsWith("08") || state.startsWith("57P") || state.equals("55P03")) {
            return TeamLogException.unreachable(
                    "The team log at " + where + " " + what + " (" + said
                            + "): check its address and that its server is up; the local log keeps every event meanwhile.",
                    e);
        }
        return TeamLogException.refused(
                "The team log at " + where + " " + what + " (" + said
                        + "): ask whoever runs it; the local log keeps every event meanwhile.",
                e);
    }

    private static String firstLine(String text) {
        if (text == null) return "no reason given";
        String line = text.lines().findFirst().orElse(text).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public String toString() {
        return "team log at " + where + " as " + source.getUser();
    }
}
