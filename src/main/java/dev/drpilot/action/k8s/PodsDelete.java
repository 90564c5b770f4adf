package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusDetails;
import java.util.Map;
import java.util.Objects;

/**
 * k8s.pods.delete: deletes a pod so that its StatefulSet or Deployment recreates it, then reads
 * the pod back: the one deleted (known by its uid) must be gone, replaced by its controller (same
 * name, new uid) or terminating. Waiting for the replacement to be Ready is k8s.pods.waitReady's job.
 */
public final class PodsDelete implements Action {

    private final KubeClients clients;

    public PodsDelete(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.pods.delete";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        String pod = args.required("pod");
        KubeClients.Connection on = clients.connect(context);
        String resource = "pods/" + pod + " in namespace " + namespace;
        var deleted = KubeCall.run(
                context,
                on,
                "delete",
                resource,
                k -> k.pods().inNamespace(namespace).withName(pod).delete());
        if (deleted.isEmpty())
            throw ActionException.permanent("Not found: " + resource + " (context " + on.context() + ")");
        context.statusChange(pod, "deleted");
        String uid = deleted.stream()
                .map(StatusDetails::getUid)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        Pod now = KubeCall.run(
                context,
                on,
                "get",
                resource,
                k -> k.pods().inNamespace(namespace).withName(pod).get());
        return ActionResult.checked(
                "Deleted " + pod + "; its controller recreates it", Map.of("deleted", pod), readBack(pod, uid, now));
    }

    /** What became of the deleted pod, or why the deletion did not take. */
    private static String readBack(String pod, String uid, Pod now) throws ActionException {
        String deleted = "pod " + pod + (uid == null ? "" : " (uid " + uid + ")");
        if (now == null) return deleted + " gone";
        if (uid != null && !uid.equals(now.getMetadata().getUid()))
            return "pod " + pod + " recreated by its controller (new uid "
                    + now.getMetadata().getUid() + ")";
        if (now.getMetadata().getDeletionTimestamp() != null)
            return deleted + " terminating (deletionTimestamp "
                    + now.getMetadata().getDeletionTimestamp() + ")";
        throw ActionException.permanent("Expected " + deleted
                + " gone or terminating, found it still there with the same uid and no deletionTimestamp:"
                + " the deletion did not take. Check `kubectl get pod " + pod + " -o yaml`, then retry this step.");
    }
}
