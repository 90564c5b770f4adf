package dev.drpilot.action.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * aws.secretsmanager.updateSecret: changes fields of a JSON secret (the host of a restored
 * database) and keeps the others. The value is never returned, logged or shown: only the names
 * of the fields that changed.
 */
public final class SecretsManagerUpdateSecret implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients clients;

    public SecretsManagerUpdateSecret(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.secretsmanager.updateSecret";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String secretId = args.required("secretId");
        SecretsManagerClient client = clients.get(SecretsManagerClient.class, SecretsManagerClient::builder, args.text("region"));
        String newValue = args.text("secretString");
        List<String> changed;
        if (newValue == null) {
            String current = AwsCall.run(context, clients, "SecretsManager", "GetSecretValue", "secretsmanager:GetSecretValue",
                    () -> client.getSecretValue(r -> r.secretId(secretId))).secretString();
            ObjectNode json;
            try {
                json = (ObjectNode) JSON.readTree(current == null ? "{}" : current);
            } catch (IOException | ClassCastException e) {
                throw ActionException.permanent("secret " + secretId + " is not a JSON object, so its fields cannot be merged;"
                        + " give the whole value in secretString instead");
            }
            Map<String, Object> merge = args.map("merge");
            merge.forEach((field, value) -> json.putPOJO(field, value));
            changed = List.copyOf(merge.keySet());
            newValue = json.toString();
        } else {
            changed = List.of("(whole value)");
        }
        String value = newValue;
        String version = AwsCall.run(context, clients, "SecretsManager", "PutSecretValue", "secretsmanager:PutSecretValue",
                () -> client.putSecretValue(r -> r.secretId(secretId).secretString(value))).versionId();
        return ActionResult.of("Updated " + String.join(", ", changed) + " of " + secretId,
                Map.of("versionId", version, "changedFields", changed));
    }
}
