package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;

/**
 * aws.s3.removeDeleteMarkers: undeletes objects by deleting their delete markers, so the
 * previous version is current again. Only delete markers are ever deleted, never a data version.
 */
public final class S3RemoveDeleteMarkers implements Action {

    private final AwsClients clients;

    public S3RemoveDeleteMarkers(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.removeDeleteMarkers";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String onlyKey = args.text("key");
        String onlyVersion = args.text("versionId");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        List<DeleteMarkerEntry> markers = S3DeleteMarkers.list(clients, context, bucket, args.required("prefix"), args.text("region"));
        List<String> restored = new ArrayList<>();
        for (DeleteMarkerEntry marker : markers) {
            if (onlyKey != null && !onlyKey.equals(marker.key()) || onlyVersion != null && !onlyVersion.equals(marker.versionId())) continue;
            if (context.cancelled()) break;
            AwsCall.run(context, clients, "S3", "DeleteObject", "s3:DeleteObjectVersion",
                    () -> s3.deleteObject(r -> r.bucket(bucket).key(marker.key()).versionId(marker.versionId())));
            restored.add(marker.key());
            context.progress("Restored " + restored.size() + " of " + markers.size(), restored.size() / (double) markers.size());
        }
        return ActionResult.of("Restored " + restored.size() + " object(s) in " + bucket, Map.of("restored", restored, "count", restored.size()));
    }
}
