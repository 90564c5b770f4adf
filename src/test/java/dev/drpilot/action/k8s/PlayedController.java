package dev.drpilot.action.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the StatefulSet controller and the scheduler the mock server does not run: whenever one
 * of the named pods is missing, it comes back Running and Ready on the given node.
 */
public final class PlayedController implements AutoCloseable {

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();

    public PlayedController(KubernetesClient k, List<String> pods, String node) {
        loop.scheduleWithFixedDelay(
                () -> {
                    for (String name : pods) {
                        if (k.pods()
                                        .inNamespace(MockCluster.NAMESPACE)
                                        .withName(name)
                                        .get()
                                == null) {
                            k.pods()
                                    .inNamespace(MockCluster.NAMESPACE)
                                    .resource(MockCluster.readyPod(name, node))
                                    .create();
                        }
                    }
                },
                50,
                50,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
