package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.IncidentLogStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tabletop opens no connection: in its own process, with the AWS endpoint and the kubeconfig
 * both pointing at a trap that counts every connection, two exercises play to their end and the
 * trap stays untouched; a live run with the same settings walks straight into it.
 */
class RehearseCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void aTabletopRunsToItsScorecardWithoutOpeningAConnection() throws Exception {
        try (Trap trap = new Trap()) {
            // each one's first scripted inject, at its exercise time: from the failure's start
            Map<String, String> firstInject = Map.of(
                    "druid-pod-failure-tabletop", "| T+11 min |", "webapp-lambda-failure-tabletop", "| T+6 min |");
            for (String exercise : List.of("druid-pod-failure-tabletop", "webapp-lambda-failure-tabletop")) {
                Path scorecard = dir.resolve(exercise + ".md");
                Process child = drpilot(
                                trap,
                                "rehearse",
                                exercise,
                                "--play",
                                "--speed",
                                "60",
                                "--scorecard",
                                scorecard.toString())
                        .start();
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String out = Files.readString(dir.resolve("out.txt"));
                assertThat(child.exitValue()).as(out).isZero();
                assertThat(out).contains("Finished after");
                assertThat(Files.readString(scorecard))
                        .contains("| RTO (time to recover) |")
                        .contains(firstInject.get(exercise));
            }
            assertThat(trap.connections()).as("connections a rehearsal opened").isZero();

            String rehearsal = firstRehearsal();
            assertThat(drpilot(trap, "reopen", rehearsal, "--reason", "play it again")
                            .start()
                            .waitFor())
                    .isZero();
            Process resumed = drpilot(trap, "resume", rehearsal).start();
            resumed.getOutputStream().close();
            assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(resumed.exitValue()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("out.txt")))
                    .contains(rehearsal + " is a tabletop rehearsal")
                    .doesNotContain("Exception");
            assertThat(trap.connections())
                    .as("connections a resumed tabletop opened")
                    .isZero();

            Process live = drpilot(trap, "run", "druid-pod-failure", "--param", "pod=druid-coordinator-0")
                    .start();
            live.getOutputStream().close();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> trap.connections() > 0);
            } finally {
                live.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private String firstRehearsal() {
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.incidents().getFirst().id();
        }
    }

    private ProcessBuilder drpilot(Trap trap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--log", dir.resolve("log").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("DRPILOT_"));
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + trap.port());
        env.put("AWS_ACCESS_KEY_ID", "AKIAREHEARSAL");
        env.put("AWS_SECRET_ACCESS_KEY", "rehearsal");
        env.put("AWS_REGION", "us-west-2");
        env.put(
                "KUBECONFIG",
                Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{ name: trap, cluster: { server: "http://127.0.0.1:%d" } }]
                users: [{ name: operator, user: { token: not-a-real-token } }]
                contexts: [{ name: trap, context: { cluster: trap, user: operator, namespace: druid } }]
                current-context: trap
                """.formatted(trap.port()))
                        .toString());
        return builder;
    }

    /** A local port that accepts, counts and drops every connection. */
    private static final class Trap implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final AtomicInteger connections = new AtomicInteger();

        Trap() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
