package dev.drpilot.ui;

import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.action.k8s.MockCluster;
import dev.drpilot.action.k8s.NamespaceStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Not a test: the live status panel with 5,000 pods. fabric8's mock API server (CRUD) holds a
 * namespace of 5,000 pods; the panel reads it every second (BENCH_REFRESH_SECONDS; the app reads
 * every 10) while another thread turns 50 pods a second into CrashLoopBackOff and back, and the
 * table is scrolled every frame. Prints the frame
 * gaps on the FX thread, the time of a read, and the memory.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench=dev.drpilot.ui.StatusPanelBenchmark}
 */
public final class StatusPanelBenchmark {

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int every = Integer.parseInt(System.getenv().getOrDefault("BENCH_REFRESH_SECONDS", "1"));
        KubernetesMockServer server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new io.fabric8.mockwebserver.MockWebServer(),
                new java.util.HashMap<>(), new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(), false);
        server.init();
        Path dir = Files.createTempDirectory("drpilot-bench");
        try (KubernetesClient client = server.createClient();
             KubeClients kube = new KubeClients(new KubeSettings(MockCluster.kubeconfig(dir, server, "bench"), null))) {
            MockCluster.seed(client);
            long t0 = System.nanoTime();
            for (int i = 0; i < pods; i++) {
                client.pods().inNamespace("druid").resource(MockCluster.readyPod("druid-historical-" + (100 + i), "ip-10-0-" + i % 3 + "-10")).create();
            }
            System.out.printf("seeded %,d pods in %.1f s%n", pods, (System.nanoTime() - t0) / 1e9);
            NamespaceStatus source = new NamespaceStatus(kube, "druid");
            long r0 = System.nanoTime();
            int rows = source.read().size();
            System.out.printf("one read of the namespace: %,d rows in %d ms%n", rows, (System.nanoTime() - r0) / 1_000_000);

            FxBench.startHeadless();
            System.out.println("before the panel: " + FxBench.memory());
            try (LiveStatus status = new LiveStatus(List.of(source), Duration.ofSeconds(every))) {
                CompletableFuture<TableView<?>> shown = new CompletableFuture<>();
                Platform.runLater(() -> {
                    Stage stage = new Stage();
                    StatusPanel panel = new StatusPanel(status);
                    stage.setScene(new Scene(panel.root(), 1000, 700));
                    stage.show();
                    shown.complete((TableView<?>) stage.getScene().lookup("#status-table"));
                });
                TableView<?> table = shown.get(30, TimeUnit.SECONDS);
                status.start();
                while (table.getItems().size() < pods) TimeUnit.MILLISECONDS.sleep(100);
                FxBench.FrameGaps gaps = new FxBench.FrameGaps();
                int[] row = {0};
                javafx.animation.AnimationTimer scroller = new javafx.animation.AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        row[0] = (row[0] + 37) % Math.max(1, table.getItems().size());
                        table.scrollTo(row[0]);
                    }
                };
                Platform.runLater(() -> {
                    gaps.start();
                    scroller.start();
                });
                Thread churn = Thread.ofPlatform().daemon().start(() -> churn(client, pods));
                TimeUnit.SECONDS.sleep(seconds);
                churn.interrupt();
                Platform.runLater(() -> {
                    gaps.stop();
                    scroller.stop();
                });
                System.out.printf("%d s with %,d rows, read every %d s, 50 pods changing a second, scrolled every frame:%n  %s%n",
                        seconds, table.getItems().size(), every, gaps.report());
                System.out.println("with the panel: " + FxBench.memory());
            }
        } finally {
            server.destroy();
            Platform.exit();
        }
    }

    /** 50 pods a second flip between Ready and CrashLoopBackOff, through the API. */
    private static void churn(KubernetesClient client, int pods) {
        Random random = new Random(1);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < 50; i++) {
                    String name = "druid-historical-" + (100 + random.nextInt(pods));
                    Pod pod = random.nextBoolean() ? MockCluster.crashLooping(name, "ip-10-0-2-10") : MockCluster.readyPod(name, "ip-10-0-1-10");
                    client.pods().inNamespace("druid").resource(pod).update();
                }
                TimeUnit.SECONDS.sleep(1);
            }
        } catch (InterruptedException | io.fabric8.kubernetes.client.KubernetesClientException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
