package dev.drpilot.action.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What kubectl's STATUS and READY columns say of a pod, and whether it is healthy. */
final class PodHealth {

    private PodHealth() {}

    static boolean isReady(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null
                && pod.getStatus() != null
                && "Running".equals(pod.getStatus().getPhase())
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean isHealthy(Pod pod) {
        return isReady(pod) && reason(pod) == null
                || pod.getStatus() != null && "Succeeded".equals(pod.getStatus().getPhase());
    }

    /** The reason kubectl shows instead of the phase: CrashLoopBackOff, ImagePullBackOff, Error, ... (null when none). */
    static String reason(Pod pod) {
        if (pod.getStatus() == null) return null;
        for (ContainerStatus c : containers(pod)) {
            if (c.getState() != null
                    && c.getState().getWaiting() != null
                    && c.getState().getWaiting().getReason() != null) {
                return c.getState().getWaiting().getReason();
            }
            if (c.getState() != null
                    && c.getState().getTerminated() != null
                    && c.getState().getTerminated().getReason() != null) {
                return c.getState().getTerminated().getReason();
            }
        }
        return pod.getStatus().getReason();
    }

    static int restarts(Pod pod) {
        return containers(pod).stream()
                .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount())
                .sum();
    }

    static Map<String, Object> describe(Pod pod) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", pod.getMetadata().getName());
        out.put(
                "phase",
                pod.getStatus() == null
                        ? "Unknown"
                        : String.valueOf(pod.getStatus().getPhase()));
        out.put("ready", isReady(pod));
        out.put("restarts", restarts(pod));
        String reason = reason(pod);
        if (reason != null) out.put("reason", reason);
        if (pod.getSpec() != null && pod.getSpec().getNodeName() != null)
            out.put("node", pod.getSpec().getNodeName());
        return out;
    }

    private static List<ContainerStatus> containers(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of()
                : pod.getStatus().getContainerStatuses();
    }
}
