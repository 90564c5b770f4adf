package dev.drpilot.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The resources readiness reads (readiness.yaml; docs/examples/readiness.yaml shows every key).
 * Each defaults to the name the guide and the runbooks use; a resource set to an empty value is
 * left out, with its rows.
 *
 * @param region              the primary region, or null for the AWS settings' region
 * @param drRegion            where the DR copies of RDS snapshots are, or null for none
 * @param rdsInstance         the Druid metadata database
 * @param manualSnapshotEvery how often a manual RDS snapshot is taken (the guide's "snapshot interval")
 * @param deepStorageBucket   the Druid deep storage bucket (versioning, replication, lifecycle)
 * @param replicaBucket       the bucket it replicates to, or null for any
 * @param druidBackupBucket   where the Kubernetes resource backups go (kept 30 days)
 * @param table               the WebApp DynamoDB table
 * @param function            the WebApp Lambda function
 * @param alias               the alias the API calls
 * @param webappBackupBucket  where the Cognito user exports go (kept 90 days)
 */
public record ReadinessConfig(
        String region,
        String drRegion,
        String rdsInstance,
        Duration manualSnapshotEvery,
        String deepStorageBucket,
        String replicaBucket,
        String druidBackupBucket,
        String table,
        String function,
        String alias,
        String webappBackupBucket) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, List<String>> KEYS = Map.of(
            "", List.of("region", "drRegion", "druid", "webapp"),
            "druid",
                    List.of("rdsInstance", "manualSnapshotEvery", "deepStorageBucket", "replicaBucket", "backupBucket"),
            "webapp", List.of("table", "function", "alias", "backupBucket"));

    /** The guide's resources, as the runbooks name them by default. */
    public static ReadinessConfig guideDefaults() {
        return new ReadinessConfig(
                null,
                "us-east-1",
                "druid-metadata",
                Duration.ofDays(1),
                "fff-druid-deep-storage",
                "fff-druid-deep-storage-dr",
                "fff-druid-backups",
                "webapp-users",
                "webapp-user-api",
                "live",
                "fff-webapp-backups");
    }

    public static ReadinessConfig load(Path file) throws ReadinessConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ReadinessConfigException(
                    "There is no readiness config at " + file
                            + ": give an existing file to --config (docs/examples/readiness.yaml shows one).",
                    e);
        } catch (JsonProcessingException e) {
            throw new ReadinessConfigException(
                    file + " is not valid YAML (line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage()
                            + "): fix it, docs/examples/readiness.yaml shows the format.",
                    e);
        } catch (IOException e) {
            throw new ReadinessConfigException(
                    "Cannot read " + file + " (" + e.getMessage() + "): check it exists and is readable.", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) return guideDefaults();
        checkKeys(file, "", root);
        JsonNode druid = section(file, root, "druid");
        JsonNode webapp = section(file, root, "webapp");
        ReadinessConfig d = guideDefaults();
        return new ReadinessConfig(
                text(root, "region", d.region()),
                text(root, "drRegion", d.drRegion()),
                text(druid, "rdsInstance", d.rdsInstance()),
                duration(file, druid, d.manualSnapshotEvery()),
                text(druid, "deepStorageBucket", d.deepStorageBucket()),
                text(druid, "replicaBucket", d.replicaBucket()),
                text(druid, "backupBucket", d.druidBackupBucket()),
                text(webapp, "table", d.table()),
                text(webapp, "function", d.function()),
                text(webapp, "alias", d.alias()),
                text(webapp, "backupBucket", d.webappBackupBucket()));
    }

    private static JsonNode section(Path file, JsonNode root, String name) throws ReadinessConfigException {
        JsonNode node = root.path(name);
        if (node.isMissingNode() || node.isNull()) return node;
        if (!node.isObject()) {
            throw new ReadinessConfigException(
                    file + ": '" + name + "' must hold keys (" + String.join(", ", KEYS.get(name)) + ").", null);
        }
        checkKeys(file, name, node);
        return node;
    }

    private static void checkKeys(Path file, String section, JsonNode node) throws ReadinessConfigException {
        if (!node.isObject()) {
            throw new ReadinessConfigException(
                    file + " must be a map of keys (" + String.join(", ", KEYS.get(section)) + ").", null);
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.get(section).contains(name)) unknown.add(name);
        }
        if (!unknown.isEmpty()) {
            throw new ReadinessConfigException(
                    file + ": unknown key " + String.join(", ", unknown)
                            + (section.isEmpty() ? "" : " under " + section) + "; the keys are "
                            + String.join(", ", KEYS.get(section)) + ".",
                    null);
        }
    }

    /** The value, the default when the key is absent, null when it is set empty (the resource left out). */
    private static String text(JsonNode section, String key, String fallback) {
        JsonNode value = section.path(key);
        if (value.isMissingNode()) return fallback;
        String text = value.isNull() ? "" : value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static Duration duration(Path file, JsonNode druid, Duration fallback) throws ReadinessConfigException {
        String text = text(druid, "manualSnapshotEvery", fallback.toString());
        if (text == null) return fallback;
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ReadinessConfigException(
                    file + ": manualSnapshotEvery '" + text + "' is not an ISO-8601 duration (P1D, PT12H).", e);
        }
    }
}
