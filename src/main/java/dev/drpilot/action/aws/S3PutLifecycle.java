package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * aws.s3.putLifecycle: the guide's tiering rule: Standard-IA, then Glacier Instant Retrieval, and an
 * optional expiry. Succeeds only when the rule reads back with the prefix, days and expiry sent.
 */
public final class S3PutLifecycle implements Action {

    private static final String RULE = "dr-tiering";

    private final AwsClients clients;

    public S3PutLifecycle(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.putLifecycle";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String prefix = args.text("prefix") == null ? "" : args.text("prefix");
        int ia = args.integer("iaAfterDays");
        int glacier = args.integer("glacierAfterDays");
        Integer expire = args.text("expireAfterDays") == null ? null : args.integer("expireAfterDays");
        if (ia < 30)
            throw ActionException.permanent(
                    "iaAfterDays: S3 moves objects to Standard-IA after 30 days at the earliest, not " + ia);
        if (glacier <= ia)
            throw ActionException.permanent(
                    "glacierAfterDays (" + glacier + ") must come after iaAfterDays (" + ia + ")");
        if (expire != null && expire <= glacier)
            throw ActionException.permanent(
                    "expireAfterDays (" + expire + ") must come after glacierAfterDays (" + glacier + ")");
        LifecycleRule.Builder rule = LifecycleRule.builder()
                .id(RULE)
                .status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix(prefix))
                .transitions(
                        Transition.builder()
                                .days(ia)
                                .storageClass(TransitionStorageClass.STANDARD_IA)
                                .build(),
                        Transition.builder()
                                .days(glacier)
                                .storageClass(TransitionStorageClass.GLACIER_IR)
                                .build());
        if (expire != null) rule.expiration(e -> e.days(expire));
        LifecycleRule built = rule.build();
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        AwsCall.run(
                context,
                clients,
                "S3",
                "PutBucketLifecycleConfiguration",
                "s3:PutLifecycleConfiguration",
                () -> s3.putBucketLifecycleConfiguration(
                        r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(built))));
        readBack(context, s3, bucket, built);
        String tiers = "Standard-IA after " + ia + " days, Glacier IR after " + glacier + " days"
                + (expire == null ? ", kept indefinitely" : ", expired after " + expire + " days");
        return ActionResult.checked(
                bucket + "/" + prefix + ": " + tiers,
                Map.of("rules", List.of(S3Rules.describe(built))),
                "rule " + RULE + " reads back as sent: enabled, prefix '" + prefix + "', " + tiers
                        + " (GetBucketLifecycleConfiguration)");
    }

    /** The post-condition: the bucket's lifecycle has our rule, with every setting as sent. */
    private void readBack(ActionContext context, S3Client s3, String bucket, LifecycleRule sent)
            throws ActionException {
        String problem = AwsCall.ifFound(
                        context,
                        clients,
                        "S3",
                        "GetBucketLifecycleConfiguration",
                        "s3:GetLifecycleConfiguration",
                        () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)))
                .map(found -> problem(found.rules(), sent))
                .orElse("no lifecycle configured");
        if (!problem.isEmpty()) {
            throw ActionException.permanent("Expected lifecycle rule " + RULE + " of " + bucket + " as sent, found "
                    + problem + ": something else changed the bucket's lifecycle; find it, then retry this step.");
        }
    }

    /** What differs between our rule as sent and as read back, or "" when nothing does. */
    private static String problem(List<LifecycleRule> rules, LifecycleRule sent) {
        return rules.stream()
                .filter(r -> RULE.equals(r.id()))
                .findFirst()
                .map(found -> String.join(", ", S3Rules.differences(S3Rules.describe(sent), described(found))))
                .orElse("no rule " + RULE);
    }

    /** A rule read back; a filter on the empty prefix may come back without a prefix at all, which is the same. */
    private static Map<String, Object> described(LifecycleRule rule) {
        Map<String, Object> out = new LinkedHashMap<>(S3Rules.describe(rule));
        out.putIfAbsent("prefix", "");
        return out;
    }
}
