package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * k8s.resources.export: a namespace's resources as one YAML list that can be applied again
 * (server-set fields such as uid, resourceVersion and status removed). Secrets never appear in
 * clear text: by default they are left out (their names are listed); with {@code secrets:
 * encrypt} they are written encrypted with the backup key (AES-256-GCM), and without a key the
 * step refuses rather than fall back to clear text. The file is read back before the step succeeds.
 */
public final class ResourcesExport implements Action {

    /** What "all" exports: what a namespace needs to be recreated (pods and replica sets come back from their controllers). */
    private static final List<String> ALL = List.of(
            "deployment",
            "statefulset",
            "daemonset",
            "service",
            "configmap",
            "persistentvolumeclaim",
            "serviceaccount",
            "ingress",
            "cronjob",
            "job");

    /** The comment line that holds the encrypted Secrets. */
    private static final String ENCRYPTED = "# encrypted: ";

    private final KubeClients clients;
    private final Supplier<String> backupKey;

    /** @param backupKey the base64 AES-256 key for encrypted Secrets (DRPILOT_BACKUP_KEY), or null when none is set */
    public ResourcesExport(KubeClients clients, Supplier<String> backupKey) {
        this.clients = clients;
        this.backupKey = backupKey;
    }

    @Override
    public String id() {
        return "k8s.resources.export";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        Path file = Path.of(args.required("file")).toAbsolutePath();
        String secretsHandling =
                args.text("secrets") == null ? "omit" : args.text("secrets").toLowerCase(Locale.ROOT);
        if (!secretsHandling.equals("omit") && !secretsHandling.equals("encrypt")) {
            throw ActionException.permanent("secrets: '" + secretsHandling + "' is not omit or encrypt");
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : args.list("kinds")) {
            if (kind.equalsIgnoreCase("all")) kinds.addAll(ALL);
            else kinds.add(kind.toLowerCase(Locale.ROOT).replaceAll("s$", ""));
        }
        KubeClients.Connection on = clients.connect(context);
        List<HasMetadata> exported = new ArrayList<>();
        List<String> secretNames = new ArrayList<>();
        for (String kind : kinds) {
            if (kind.equals("secret")) {
                List<Secret> secrets = KubeCall.run(
                        context,
                        on,
                        "list",
                        "secrets in namespace " + namespace,
                        k -> k.secrets().inNamespace(namespace).list().getItems());
                secrets.forEach(s -> secretNames.add(s.getMetadata().getName()));
                if (secretsHandling.equals("encrypt")) exported.addAll(secrets);
                continue;
            }
            BiFunction<KubernetesClient, String, List<? extends HasMetadata>> lister = KindListers.of(kind);
            exported.addAll(KubeCall.run(
                    context, on, "list", kind + "s in namespace " + namespace, k -> lister.apply(k, namespace)));
        }
        exported.forEach(ResourcesExport::stripServerFields);
        String yaml = Serialization.asYaml(new KubernetesListBuilder()
                .withItems(exported.stream().filter(r -> !(r instanceof Secret)).toList())
                .build());
        String what;
        if (secretNames.isEmpty()) {
            what = "no Secret in the export";
        } else if (secretsHandling.equals("omit")) {
            what = "omitted " + secretNames.size() + " Secret(s), names only: " + String.join(", ", secretNames);
            yaml = "# Secrets left out (never exported in clear text): " + String.join(", ", secretNames) + "\n" + yaml;
        } else {
            String secretsYaml = Serialization.asYaml(new KubernetesListBuilder()
                    .withItems(
                            exported.stream().filter(r -> r instanceof Secret).toList())
                    .build());
            yaml = yaml + "---\n# " + secretNames.size()
                    + " Secret(s), AES-256-GCM with the backup key (DRPILOT_BACKUP_KEY):\n" + ENCRYPTED
                    + BackupEncryption.encrypt(secretsYaml, backupKey.get()) + "\n";
            what = "encrypted " + secretNames.size() + " Secret(s)";
        }
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ActionException.permanent("Cannot write " + file + ": " + e.getMessage());
        }
        context.statusChange(file.toString(), "written");
        int inClear =
                (int) exported.stream().filter(r -> !(r instanceof Secret)).count();
        int encrypted = secretsHandling.equals("encrypt") ? secretNames.size() : 0;
        String checked = readBack(on, file, inClear, encrypted);
        return ActionResult.checked(
                "Exported " + (inClear + encrypted) + " resource(s) of " + namespace + " to " + file + "; " + what,
                Map.of("file", file.toString(), "count", inClear + encrypted, "secretsHandling", what),
                checked);
    }

    /** The post-condition: the file parses back as the resources written, with no Secret in clear and the encrypted ones decrypting. */
    private String readBack(KubeClients.Connection on, Path file, int inClear, int encrypted) throws ActionException {
        String text;
        List<HasMetadata> items;
        List<HasMetadata> sealed = List.of();
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            items = on.client()
                    .load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .items();
            String blob = text.lines()
                    .filter(l -> l.startsWith(ENCRYPTED))
                    .map(l -> l.substring(ENCRYPTED.length()))
                    .findFirst()
                    .orElse(null);
            if (blob != null)
                sealed = on.client()
                        .load(new ByteArrayInputStream(
                                BackupEncryption.decrypt(blob, backupKey.get()).getBytes(StandardCharsets.UTF_8)))
                        .items();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw ActionException.permanent("Expected " + file + " to read back as the " + (inClear + encrypted)
                    + " resource(s) written, found" + " it unreadable (" + KubeErrors.firstLine(e.getMessage())
                    + "): something changed it meanwhile, or the disk is full. Retry this step.");
        }
        List<String> clearSecrets = items.stream()
                .filter(r -> r instanceof Secret)
                .map(r -> r.getMetadata().getName())
                .toList();
        if (!clearSecrets.isEmpty()) {
            throw ActionException.permanent("Expected no Secret in clear in " + file + ", found " + clearSecrets.size()
                    + ": " + String.join(", ", clearSecrets)
                    + " (values not shown). Delete the file now, it holds credentials, then retry this step.");
        }
        if (items.size() != inClear || sealed.size() != encrypted) {
            throw ActionException.permanent("Expected " + inClear + " resource(s) and " + encrypted
                    + " encrypted Secret(s) in " + file + ", found " + items.size() + " and " + sealed.size()
                    + " when reading it back: something changed it meanwhile. Retry this step.");
        }
        return file.getFileName() + " re-read: " + items.size() + " resource(s) parse, no Secret in clear"
                + (encrypted == 0 ? "" : ", " + sealed.size() + " Secret(s) decrypt with the backup key");
    }

    private static void stripServerFields(HasMetadata resource) {
        ObjectMeta meta = resource.getMetadata();
        meta.setUid(null);
        meta.setResourceVersion(null);
        meta.setManagedFields(null);
        meta.setCreationTimestamp(null);
        meta.setGeneration(null);
        try {
            resource.getClass()
                    .getMethod(
                            "setStatus",
                            resource.getClass().getMethod("getStatus").getReturnType())
                    .invoke(resource, (Object) null);
        } catch (ReflectiveOperationException noStatus) {
            // kinds without a status (ConfigMap, ServiceAccount) have nothing to strip
        }
    }
}
