package dev.drpilot.action.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance path: {@code drpilot run druid-pod-failure} in its own process, with
 * KUBECONFIG pointing at the mock cluster, completes and logs every step.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class PodFailureCommandLineTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void thePodFailureRunbookCompletesFromTheCommandLine() throws Exception {
        MockCluster.seed(client);
        server.expect()
                .get()
                .withPath(
                        "/api/v1/namespaces/druid/pods/druid-historical-2/log?pretty=false&previous=true&tailLines=200")
                .andReturn(200, "ERROR Failed to load segment: java.lang.OutOfMemoryError: Java heap space\n")
                .always();
        Path log = dir.resolve("log");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "run",
                        "druid-pod-failure",
                        "--param",
                        "pod=druid-historical-2",
                        "--log",
                        log.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("DRPILOT_"));
        env.put("KUBECONFIG", MockCluster.kubeconfig(dir, server, "druid-prod").toString());
        Process child;
        try (PlayedController controller =
                new PlayedController(client, List.of("druid-historical-2"), "ip-10-0-2-10")) {
            child = builder.start();
            try (Writer stdin = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                stdin.write("druid-historical-2\n");
            }
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        String out = Files.readString(dir.resolve("out.txt"));

        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out)
                .contains("druid-historical-2 (CrashLoopBackOff)")
                .contains("OutOfMemoryError")
                .contains("All steps done");
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "test")) {
            List<IncidentEvent> events = store.events(store.incidents().get(0).id());
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.STEP_SUCCEEDED)
                    .extracting(IncidentEvent::stepId)
                    .containsExactly("identify", "logs", "delete", "verify");
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.CONFIRMATION_GIVEN)
                    .hasSize(1);
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.API_CALL)
                    .extracting(IncidentEvent::payload)
                    .anyMatch(p -> p.contains("delete pods/druid-historical-2 in namespace druid"));
        }
    }
}
