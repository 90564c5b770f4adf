package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * k8s.resources.applyDryRun: checks that a backup file would restore, changing nothing: every
 * document parses as a Kubernetes resource the client knows, has a name, and is read from the
 * cluster to say whether applying it would create it or change it.
 */
public final class ResourcesApplyDryRun implements Action {

    private final KubeClients clients;

    public ResourcesApplyDryRun(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.resources.applyDryRun";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Path file = Path.of(new Args(values).required("file")).toAbsolutePath();
        if (!Files.isRegularFile(file)) throw ActionException.permanent("There is no backup file " + file);
        KubeClients.Connection on = clients.connect(context);
        List<HasMetadata> items;
        try (InputStream in = Files.newInputStream(file)) {
            items = on.client().load(in).items();
        } catch (IOException | KubernetesClientException | IllegalArgumentException e) {
            throw ActionException.permanent(
                    file + " would not apply: it does not parse as Kubernetes resources (" + e.getMessage() + ")");
        }
        List<String> resources = new ArrayList<>();
        for (HasMetadata item : items) {
            if (item.getMetadata() == null || item.getMetadata().getName() == null) {
                throw ActionException.permanent(
                        file + " would not apply: a " + item.getKind() + " has no metadata.name");
            }
            String name = item.getKind().toLowerCase(java.util.Locale.ROOT) + "/"
                    + item.getMetadata().getName();
            HasMetadata existing =
                    KubeCall.run(context, on, "get", name, k -> k.resource(item).get());
            resources.add(name + (existing == null ? " created" : " configured") + " (dry run)");
        }
        return ActionResult.of(
                file.getFileName() + " would apply: " + resources.size() + " resource(s)",
                Map.of("resources", resources, "count", resources.size()));
    }
}
