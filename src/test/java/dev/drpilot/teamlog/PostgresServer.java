package dev.drpilot.teamlog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, throwaway PostgreSQL 15 for a test class: a new cluster in a temporary folder, on a free
 * loopback port, with a random password (SCRAM) and TLS on (a self-signed certificate, enough for
 * {@code sslmode=require}), started before the class and removed after it. PostgreSQL refuses to
 * run as root, so as root (CI) the cluster belongs to the {@code postgres} user and is driven
 * through {@code su}; otherwise it runs as the current user. Register it with
 * {@code @RegisterExtension static final PostgresServer POSTGRES = new PostgresServer();}.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    public static final String USER = "drpilot";
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    private Path folder;
    private int port;
    private boolean running;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (no " + BIN + "/initdb):"
                    + " apt-get install postgresql, as .ci/run does");
        }
        folder = Files.createTempDirectory("drpilot-pg-");
        Files.writeString(folder.resolve("password"), password, StandardCharsets.UTF_8);
        if (ROOT) {
            UserPrincipal postgres =
                    folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
            Files.setOwner(folder.resolve("password"), postgres);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String d = folder.toString();
        run(BIN + "/initdb -D " + d + "/data -U " + USER + " --auth=scram-sha-256 --pwfile=" + d
                + "/password -E UTF8 --no-sync"
                + " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout " + d
                + "/server.key"
                + " -out " + d + "/server.crt -days 2 -subj /CN=127.0.0.1 && chmod 600 " + d + "/server.key");
        start();
    }

    /** Starts the server again after {@link #stop()}, on the same port and data, and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        if (running) return;
        String d = folder.toString();
        run(BIN + "/pg_ctl -D " + d + "/data -l " + d + "/log -w start -o '-p " + port + " -k " + d + " -h 127.0.0.1"
                + " -c ssl=on -c ssl_cert_file=" + d + "/server.crt -c ssl_key_file=" + d
                + "/server.key -c fsync=off'");
        running = true;
    }

    /** Stops the server at once (open connections are cut), as an outage would. */
    public void stop() throws IOException, InterruptedException {
        if (!running) return;
        run(BIN + "/pg_ctl -D " + folder + "/data -m fast -w stop");
        running = false;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (folder == null) return;
        try {
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
            }
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** An environment that gives the password as PGPASSWORD does. */
    public Map<String, String> environment() {
        return Map.of("PGPASSWORD", password);
    }

    /** The team log on this server, with its defaults (TLS required). */
    public TeamLogDatabase database() {
        return TeamLogDatabase.of(url(), USER, environment(), folder);
    }

    private void run(String command) throws IOException, InterruptedException {
        List<String> line =
                ROOT ? List.of("su", "postgres", "-s", "/bin/bash", "-c", command) : List.of("bash", "-c", command);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("PostgreSQL (" + command.split(" ")[0] + ") failed: " + output.strip());
        }
    }
}
