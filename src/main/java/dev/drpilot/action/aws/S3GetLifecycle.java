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
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * aws.s3.getLifecycle: a bucket's lifecycle rules, with the days of the enabled rules'
 * transitions to Standard-IA and to a Glacier class, and of their expiry, for the retention checks.
 */
public final class S3GetLifecycle implements Action {

    private final AwsClients clients;

    public S3GetLifecycle(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.getLifecycle";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        List<LifecycleRule> rules;
        try {
            rules = AwsCall.run(
                            context,
                            clients,
                            "S3",
                            "GetBucketLifecycleConfiguration",
                            "s3:GetLifecycleConfiguration",
                            () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)))
                    .rules();
        } catch (ActionException e) {
            if (e.getCause() instanceof S3Exception s
                    && "NoSuchLifecycleConfiguration".equals(s.awsErrorDetails().errorCode())) {
                return ActionResult.of(
                        bucket + " has no lifecycle rule: objects stay in S3 Standard forever",
                        Map.of("rules", List.of()));
            }
            throw e;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rules", rules.stream().map(S3Rules::describe).toList());
        for (LifecycleRule rule : rules) {
            if (!"Enabled".equals(rule.statusAsString())) continue;
            for (Transition t : rule.transitions()) {
                String storageClass = t.storageClassAsString();
                if ("STANDARD_IA".equals(storageClass)) out.putIfAbsent("iaAfterDays", t.days());
                else if (storageClass != null && storageClass.startsWith("GLACIER"))
                    out.putIfAbsent("glacierAfterDays", t.days());
            }
            if (rule.expiration() != null && rule.expiration().days() != null)
                out.putIfAbsent("expireAfterDays", rule.expiration().days());
        }
        return ActionResult.of(bucket + ": " + rules.size() + " lifecycle rule(s)", out);
    }
}
