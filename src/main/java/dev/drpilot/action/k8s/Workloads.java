package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Locale;

/** The two kinds of workload a rollout acts on, as the runbooks name them. */
enum Workloads {
    STATEFULSET("statefulsets"),
    DEPLOYMENT("deployments");

    private final String resource;

    Workloads(String resource) {
        this.resource = resource;
    }

    static Workloads of(String kind) throws ActionException {
        return switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "statefulset", "statefulsets", "sts" -> STATEFULSET;
            case "deployment", "deployments", "deploy" -> DEPLOYMENT;
            default -> throw ActionException.permanent("kind: '" + kind + "' is not StatefulSet or Deployment");
        };
    }

    String resource() {
        return resource;
    }

    Resource<? extends HasMetadata> named(KubernetesClient k, String namespace, String name) {
        return this == STATEFULSET
                ? k.apps().statefulSets().inNamespace(namespace).withName(name)
                : k.apps().deployments().inNamespace(namespace).withName(name);
    }

    /** Whether every replica runs the current template and is Ready (what kubectl rollout status waits for). */
    static boolean rolledOut(HasMetadata workload) {
        if (workload instanceof StatefulSet s) {
            int want = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
            var status = s.getStatus();
            return status != null
                    && observed(s, status.getObservedGeneration())
                    && value(status.getUpdatedReplicas()) == want
                    && value(status.getReadyReplicas()) == want
                    && (status.getUpdateRevision() == null
                            || status.getUpdateRevision().equals(status.getCurrentRevision()));
        }
        Deployment d = (Deployment) workload;
        int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        var status = d.getStatus();
        return status != null
                && observed(d, status.getObservedGeneration())
                && value(status.getUpdatedReplicas()) == want
                && value(status.getAvailableReplicas()) == want
                && value(status.getReplicas()) == want;
    }

    private static boolean observed(HasMetadata workload, Long observedGeneration) {
        Long generation = workload.getMetadata().getGeneration();
        return generation == null || observedGeneration != null && observedGeneration >= generation;
    }

    private static int value(Integer count) {
        return count == null ? 0 : count;
    }
}
