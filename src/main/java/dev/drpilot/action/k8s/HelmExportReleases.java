package dev.drpilot.action.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * k8s.helm.exportReleases: the deployed Helm releases of a namespace, read from the release
 * Secrets Helm 3 keeps (base64 of gzipped JSON), so no helm binary is needed. Writes each
 * release's chart, version, revision, status and values; values whose key looks like a secret
 * (password, token, key...) are written as "<redacted>". The file is read back before the step succeeds.
 */
public final class HelmExportReleases implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SENSITIVE =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|private|apikey|api_key|accesskey).*");
    private static final String REDACTED = "<redacted>";

    private final KubeClients clients;

    public HelmExportReleases(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.helm.exportReleases";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        Path file = Path.of(args.required("file")).toAbsolutePath();
        KubeClients.Connection on = clients.connect(context);
        List<Secret> secrets = KubeCall.run(
                context,
                on,
                "list",
                "secrets in namespace " + namespace + " (owner=helm)",
                k -> k.secrets()
                        .inNamespace(namespace)
                        .withLabel("owner", "helm")
                        .list()
                        .getItems());
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (Secret secret : secrets.stream()
                .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                .toList()) {
            if (secret.getData() == null || !secret.getData().containsKey("release")) continue;
            JsonNode release =
                    decode(secret.getData().get("release"), secret.getMetadata().getName());
            String name = release.path("name").asText();
            if (!latest.containsKey(name)
                    || release.path("version").asInt()
                            > latest.get(name).path("version").asInt()) latest.put(name, release);
        }
        List<Map<String, Object>> releases = new ArrayList<>();
        List<Map<String, Object>> written = new ArrayList<>();
        for (JsonNode release : latest.values()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("name", release.path("name").asText());
            summary.put(
                    "chart", release.path("chart").path("metadata").path("name").asText());
            summary.put(
                    "version",
                    release.path("chart").path("metadata").path("version").asText());
            summary.put("revision", release.path("version").asInt());
            summary.put("status", release.path("info").path("status").asText());
            releases.add(summary);
            Map<String, Object> full = new LinkedHashMap<>(summary);
            full.put("values", redact(release.path("config").deepCopy()));
            written.add(full);
        }
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(
                    file, new YAMLMapper().writeValueAsString(Map.of("namespace", namespace, "releases", written)));
        } catch (IOException e) {
            throw ActionException.permanent("Cannot write " + file + ": " + e.getMessage());
        }
        context.statusChange(file.toString(), "written");
        return ActionResult.checked(
                releases.size() + " Helm release(s) of " + namespace + " written to " + file,
                Map.of("file", file.toString(), "releases", releases),
                readBack(file, releases.size()));
    }

    /** The post-condition: the file parses back with every release written, and no secret-looking value in clear. */
    private static String readBack(Path file, int expected) throws ActionException {
        JsonNode written;
        try {
            written = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw ActionException.permanent("Expected " + file + " to read back with " + expected
                    + " release(s), found it unreadable (" + KubeErrors.firstLine(e.getMessage())
                    + "): something changed it meanwhile, or the disk is full. Retry this step.");
        }
        int found = written == null ? 0 : written.path("releases").size();
        if (found != expected) {
            throw ActionException.permanent("Expected " + expected + " release(s) in " + file + ", found " + found
                    + " when reading it back: something changed it meanwhile. Retry this step.");
        }
        List<String> inClear = new ArrayList<>();
        unredacted(written, "", inClear);
        if (!inClear.isEmpty()) {
            throw ActionException.permanent("Expected every secret-looking value redacted in " + file + ", found "
                    + inClear.size() + " in clear: " + String.join(", ", inClear)
                    + " (values not shown). Delete the file now, then retry this step.");
        }
        return file.getFileName() + " re-read: " + found + " release(s) parse, every secret-looking value redacted";
    }

    /** The paths of the values under a secret-looking key that are not redacted. */
    private static void unredacted(JsonNode node, String path, List<String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) unredacted(node.get(i), path + "[" + i + "]", found);
            return;
        }
        node.properties().forEach(field -> {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            boolean leaked = SENSITIVE.matcher(field.getKey()).matches()
                    && field.getValue().isValueNode()
                    && !REDACTED.equals(field.getValue().asText());
            if (leaked) found.add(at);
            else unredacted(field.getValue(), at, found);
        });
    }

    private static JsonNode decode(String data, String secretName) throws ActionException {
        try {
            byte[] helmBase64 = Base64.getDecoder().decode(data);
            byte[] gzipped = Base64.getDecoder().decode(helmBase64);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                return JSON.readTree(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ActionException.permanent("Secret " + secretName
                    + " does not hold a Helm 3 release (base64 of gzipped JSON): " + e.getMessage());
        }
    }

    private static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SENSITIVE.matcher(field.getKey()).matches()
                        && field.getValue().isValueNode())
                    field.setValue(JSON.getNodeFactory().textNode(REDACTED));
                else redact(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(HelmExportReleases::redact);
        }
        return node;
    }
}
