package dev.drpilot.ui;

import dev.drpilot.action.k8s.MockCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the cluster of {@link StatusPanelBenchmark}, in a process of its own so that the
 * benchmark measures the app alone. fabric8's mock API server (CRUD) with the druid namespace and
 * PODS extra pods; prints {@code ready URL KUBECONFIG} once seeded, turns 50 pods a second into
 * CrashLoopBackOff and back after a {@code churn} line on its standard input, and stops when that
 * input closes (the benchmark ended, or died).
 *
 * <p>Arguments: PODS FOLDER (where the kubeconfig is written).
 */
public final class ChurningClusterServer {

    public static void main(String[] args) throws Exception {
        int pods = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient client = server.createClient()) {
            MockCluster.seed(client);
            long t0 = System.nanoTime();
            for (int i = 0; i < pods; i++) {
                client.pods()
                        .inNamespace("druid")
                        .resource(MockCluster.readyPod(name(i), "ip-10-0-" + i % 3 + "-10"))
                        .create();
            }
            System.out.printf("seeded %,d pods in %.1f s%n", pods, (System.nanoTime() - t0) / 1e9);
            Path kubeconfig = MockCluster.kubeconfig(dir, server, "bench");
            System.out.println("ready http://" + server.getHostName() + ":" + server.getPort() + " " + kubeconfig);
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Thread churn = null;
            for (String line; (line = commands.readLine()) != null; ) {
                if (line.equals("churn") && churn == null)
                    churn = Thread.ofPlatform().daemon().start(() -> churn(client, pods));
            }
            if (churn != null) churn.interrupt();
        } finally {
            server.destroy();
        }
    }

    private static String name(int i) {
        return "druid-historical-" + (100 + i);
    }

    /** 50 pods a second flip between Ready and CrashLoopBackOff, through the API. */
    private static void churn(KubernetesClient client, int pods) {
        Random random = new Random(1);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                for (int i = 0; i < 50; i++) {
                    String name = name(random.nextInt(pods));
                    Pod pod = random.nextBoolean()
                            ? MockCluster.crashLooping(name, "ip-10-0-2-10")
                            : MockCluster.readyPod(name, "ip-10-0-1-10");
                    client.pods().inNamespace("druid").resource(pod).update();
                }
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
        } catch (InterruptedException | KubernetesClientException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
