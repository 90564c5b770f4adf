package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;

/** aws.s3.listDeleteMarkers: the deleted objects under a prefix that versioning can bring back. */
public final class S3ListDeleteMarkers implements Action {

    private final AwsClients clients;

    public S3ListDeleteMarkers(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.listDeleteMarkers";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String prefix = args.required("prefix");
        List<DeleteMarkerEntry> markers = S3DeleteMarkers.list(clients, context, bucket, prefix, args.text("region"));
        List<Map<String, Object>> shown = markers.stream().map(m -> Map.<String, Object>of("key", m.key(), "versionId", m.versionId(),
                "deletedAt", m.lastModified().toString())).toList();
        return ActionResult.of(markers.size() + " deleted object(s) under s3://" + bucket + "/" + prefix,
                Map.of("deleteMarkers", shown, "count", markers.size()));
    }
}
