package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;

/**
 * aws.s3.removeDeleteMarkers: undeletes objects by deleting the delete markers above their newest
 * data version, round after round until that data version is current again (a key deleted
 * twice has two markers). Only delete markers are ever deleted, never a data version. Succeeds
 * only when every key it brought back is read back as an object.
 */
public final class S3RemoveDeleteMarkers implements Action {

    /** More rounds than this means markers keep coming back while we remove them. */
    private static final int ROUNDS = 50;

    private final AwsClients clients;

    public S3RemoveDeleteMarkers(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.removeDeleteMarkers";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String prefix = args.required("prefix");
        String onlyKey = args.text("key");
        String onlyVersion = args.text("versionId");
        String region = args.text("region");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, region);
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (int round = 0; ; round++) {
            List<DeleteMarkerEntry> latest = latestMarkers(context, bucket, prefix, region, onlyKey);
            if (onlyVersion != null)
                latest = latest.stream()
                        .filter(m -> onlyVersion.equals(m.versionId()))
                        .toList();
            if (latest.isEmpty()) break;
            if (round == ROUNDS) {
                throw ActionException.permanent(latest.size() + " key(s) under s3://" + bucket + "/" + prefix
                        + " still have a delete" + " marker on top after " + ROUNDS
                        + " rounds: something keeps deleting them. Stop it, then retry this step.");
            }
            for (DeleteMarkerEntry marker : latest) {
                if (context.cancelled())
                    throw new InterruptedException("cancelled after " + removed.size() + " key(s)");
                AwsCall.run(
                        context,
                        clients,
                        "S3",
                        "DeleteObject",
                        "s3:DeleteObjectVersion",
                        () -> s3.deleteObject(
                                r -> r.bucket(bucket).key(marker.key()).versionId(marker.versionId())));
                removed.merge(marker.key(), 1, Integer::sum);
                context.progress("Removed delete markers of " + removed.size() + " key(s)", null);
            }
            if (onlyVersion != null) break;
        }
        return readBack(context, s3, bucket, prefix, removed);
    }

    /** The delete markers on top of keys that have data below them. */
    private List<DeleteMarkerEntry> latestMarkers(
            ActionContext context, String bucket, String prefix, String region, String onlyKey) throws ActionException {
        List<DeleteMarkerEntry> latest = new ArrayList<>();
        for (S3DeleteMarkers.DeletedKey deleted :
                S3DeleteMarkers.list(clients, context, bucket, prefix, region).restorable()) {
            if (onlyKey != null && !onlyKey.equals(deleted.key())) continue;
            deleted.markers().stream()
                    .filter(m -> Boolean.TRUE.equals(m.isLatest()))
                    .findFirst()
                    .ifPresent(latest::add);
        }
        return latest;
    }

    /** The post-condition: every key whose markers were removed reads back as an object. */
    private ActionResult readBack(
            ActionContext context, S3Client s3, String bucket, String prefix, Map<String, Integer> removed)
            throws ActionException {
        List<Map<String, Object>> keys = new ArrayList<>();
        List<String> stillDeleted = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : removed.entrySet()) {
            String key = entry.getKey();
            boolean readable = AwsCall.ifFound(
                            context,
                            clients,
                            "S3",
                            "HeadObject",
                            "s3:GetObject",
                            () -> s3.headObject(r -> r.bucket(bucket).key(key)))
                    .isPresent();
            if (!readable) stillDeleted.add(key);
            keys.add(Map.of("key", key, "markersRemoved", entry.getValue(), "readable", readable));
        }
        int markers = removed.values().stream().mapToInt(Integer::intValue).sum();
        if (!stillDeleted.isEmpty()) {
            throw ActionException.permanent(
                    "Expected " + removed.size() + " key(s) readable under s3://" + bucket + "/" + prefix
                            + ", found " + (removed.size() - stillDeleted.size()) + "; still deleted: "
                            + String.join(", ", first(stillDeleted))
                            + ". Something deleted them again: find it, then retry this step.");
        }
        String checked = removed.size() + " key(s) readable, 0 still deleted (HeadObject of each)";
        return ActionResult.checked(
                "Restored " + removed.size() + " object(s) in " + bucket + " (" + markers
                        + " delete marker(s) removed)",
                Map.of(
                        "restored",
                        List.copyOf(removed.keySet()),
                        "count",
                        removed.size(),
                        "keys",
                        keys,
                        "markersRemoved",
                        markers),
                checked);
    }

    private static List<String> first(List<String> keys) {
        return keys.size() <= 10 ? keys : keys.subList(0, 10);
    }
}
