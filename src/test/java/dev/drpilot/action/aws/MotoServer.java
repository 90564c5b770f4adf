package dev.drpilot.action.aws;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A real AWS emulator for the tests: moto's server on a free loopback port, started and stopped
 * by the test that needs it.
 */
public final class MotoServer implements AutoCloseable {

    public final URI endpoint;
    private final Process process;

    private MotoServer(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * A moto server that checks IAM: the first {@code freeActions} requests are let through (to
     * set up users and policies), every later one needs the access key of a moto IAM user whose
     * policies allow it.
     */
    public static MotoServer startEnforcingIam(int freeActions) throws IOException, InterruptedException {
        return start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(freeActions)));
    }

    private static MotoServer start(Map<String, String> environment) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // a file of its own: a log named by the port alone may be left from another user's run, which this user cannot
        // write
        Path log = Files.createTempFile("moto-" + port + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(executable(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException missing) {
            throw new IllegalStateException(
                    "moto_server is not on the PATH: install it (pip install 'moto[server]==5.2.1'), see README.md",
                    missing);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        Instant giveUp = Instant.now().plusSeconds(60);
        while (true) {
            try {
                http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return new MotoServer(endpoint, process);
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "moto_server did not start on port " + port + " (is moto installed?)", notYet);
                }
                Thread.sleep(100); // polling a process we just started: there is no event to wait on
            }
        }
    }

    /**
     * The moto_server the build installed into target/moto-venv when there was none on the PATH
     * (src/test/ensure-moto-server.sh), else the PATH's.
     */
    private static String executable() {
        Path installed = Path.of("target", "moto-venv", "bin", "moto_server");
        return Files.isExecutable(installed) ? installed.toString() : "moto_server";
    }

    public AwsSettings settings(String region) {
        return new AwsSettings(
                null,
                region,
                endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
