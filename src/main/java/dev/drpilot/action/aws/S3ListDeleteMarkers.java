package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * aws.s3.listDeleteMarkers: the deleted objects under a prefix that versioning can bring back,
 * with every delete marker that hides each one (a key deleted twice has two).
 */
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
        S3DeleteMarkers.Listing listing = S3DeleteMarkers.list(clients, context, bucket, prefix, args.text("region"));
        List<Map<String, Object>> shown = new ArrayList<>();
        for (S3DeleteMarkers.DeletedKey deleted : listing.restorable()) {
            deleted.markers()
                    .forEach(m -> shown.add(Map.of(
                            "key",
                            m.key(),
                            "versionId",
                            m.versionId(),
                            "deletedAt",
                            m.lastModified().toString())));
        }
        int keys = listing.restorable().size();
        String summary = keys + " deleted object(s) under s3://" + bucket + "/" + prefix + " can be brought back ("
                + shown.size()
                + " delete marker(s))"
                + (listing.withoutData().isEmpty()
                        ? ""
                        : "; " + listing.withoutData().size() + " deleted key(s) have no earlier version and cannot");
        return ActionResult.of(
                summary,
                Map.of(
                        "deleteMarkers",
                        shown,
                        "count",
                        keys,
                        "markers",
                        shown.size(),
                        "withoutData",
                        listing.withoutData()));
    }
}
