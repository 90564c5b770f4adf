package dev.drpilot.action.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * aws.cognito.exportUsers: writes every user of a pool, as JSON in the shape of
 * {@code aws cognito-idp list-users}, to S3 for the region-failure migration. The users go
 * straight to S3: only their count reaches the step's outputs and the log. Succeeds only when the
 * object reads back with the size and SHA-256 of the export.
 */
public final class CognitoExportUsers implements Action {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final AwsClients clients;

    public CognitoExportUsers(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.cognito.exportUsers";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String pool = args.required("userPoolId");
        String bucket = args.required("bucket");
        String key = args.required("key");
        List<Map<String, Object>> users = CognitoUsers.all(context, clients, pool, args.text("region"));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("UserPoolId", pool, "Users", users));
        } catch (JsonProcessingException e) {
            throw new ActionException(
                    "Could not write the export of " + pool + ": " + e.getOriginalMessage(), false, e);
        }
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        String checked = S3Upload.bytes(context, clients, s3, bucket, key, "application/json", body);
        String uri = "s3://" + bucket + "/" + key;
        return ActionResult.checked(
                "Exported " + users.size() + " user(s) of " + pool + " to " + uri,
                Map.of("uri", uri, "count", users.size()),
                checked);
    }
}
