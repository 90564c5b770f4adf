package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.function.BiFunction;

/** How to list each kind a backup can hold, in a namespace. */
final class KindListers {

    private KindListers() {}

    static BiFunction<KubernetesClient, String, List<? extends HasMetadata>> of(String kind) throws ActionException {
        return switch (kind) {
            case "deployment" ->
                (k, ns) -> k.apps().deployments().inNamespace(ns).list().getItems();
            case "statefulset" ->
                (k, ns) -> k.apps().statefulSets().inNamespace(ns).list().getItems();
            case "daemonset" ->
                (k, ns) -> k.apps().daemonSets().inNamespace(ns).list().getItems();
            case "service" -> (k, ns) -> k.services().inNamespace(ns).list().getItems();
            case "configmap" -> (k, ns) -> k.configMaps().inNamespace(ns).list().getItems();
            case "persistentvolumeclaim", "pvc" ->
                (k, ns) -> k.persistentVolumeClaims().inNamespace(ns).list().getItems();
            case "serviceaccount" ->
                (k, ns) -> k.serviceAccounts().inNamespace(ns).list().getItems();
            case "ingress" ->
                (k, ns) -> k.network().v1().ingresses().inNamespace(ns).list().getItems();
            case "cronjob" ->
                (k, ns) -> k.batch().v1().cronjobs().inNamespace(ns).list().getItems();
            case "job" ->
                (k, ns) -> k.batch().v1().jobs().inNamespace(ns).list().getItems();
            case "pod" -> (k, ns) -> k.pods().inNamespace(ns).list().getItems();
            default ->
                throw ActionException.permanent(
                        "kinds: '" + kind + "' is not a kind DR Pilot exports (all, deployment, statefulset,"
                                + " daemonset, service, configmap, persistentvolumeclaim, serviceaccount, ingress, cronjob, job, pod, secret)");
        };
    }
}
