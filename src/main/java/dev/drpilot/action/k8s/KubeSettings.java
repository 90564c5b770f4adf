package dev.drpilot.action.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which kubeconfig and context the Kubernetes steps use: the operator's own, as kubectl finds it.
 *
 * @param kubeconfig the kubeconfig file (the first of KUBECONFIG, else ~/.kube/config)
 * @param context a context name, or null for the kubeconfig's current context
 */
public record KubeSettings(Path kubeconfig, String context) {

    /** The settings kubectl would use, with DRPILOT_KUBE_CONTEXT choosing another context than the current one. */
    public static KubeSettings fromEnvironment() {
        String variable = System.getenv("KUBECONFIG");
        Path file = variable == null || variable.isBlank()
                ? Path.of(System.getProperty("user.home"), ".kube", "config")
                : Path.of(variable.split(java.io.File.pathSeparator)[0]);
        String context = System.getenv("DRPILOT_KUBE_CONTEXT");
        return new KubeSettings(file, context == null || context.isBlank() ? null : context);
    }

    boolean exists() {
        return Files.isRegularFile(kubeconfig);
    }
}
