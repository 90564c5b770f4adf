package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** aws.s3.newestObjects: the most recently written objects under a prefix (every page read), newest first. */
public final class S3NewestObjects implements Action {

    private final AwsClients clients;

    public S3NewestObjects(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.newestObjects";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String prefix = args.text("prefix") == null ? "" : args.text("prefix");
        int limit = args.text("limit") == null ? 1 : args.integer("limit");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        List<S3Object> all = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListObjectsV2Response response = AwsCall.run(
                    context,
                    clients,
                    "S3",
                    "ListObjectsV2",
                    "s3:ListBucket",
                    () -> s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(page)));
            all.addAll(response.contents());
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        List<Map<String, Object>> newest = all.stream()
                .sorted(Comparator.comparing(S3Object::lastModified).reversed().thenComparing(S3Object::key))
                .limit(Math.max(1, limit))
                .map(o -> Map.<String, Object>of(
                        "key", o.key(), "lastModified", o.lastModified().toString(), "size", o.size()))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objects", newest);
        out.put("count", all.size());
        String where = "s3://" + bucket + "/" + prefix;
        if (newest.isEmpty()) return ActionResult.of("No object under " + where, out);
        out.put("newestKey", newest.getFirst().get("key"));
        out.put("newestLastModified", newest.getFirst().get("lastModified"));
        return ActionResult.of(
                all.size() + " object(s) under " + where + ", newest "
                        + newest.getFirst().get("key") + " written "
                        + newest.getFirst().get("lastModified"),
                out);
    }
}
