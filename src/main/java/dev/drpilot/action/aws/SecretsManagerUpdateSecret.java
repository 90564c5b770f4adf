package dev.drpilot.action.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * aws.secretsmanager.updateSecret: changes fields of a JSON secret (the host of a restored
 * database) and keeps the others, then reads the secret back and compares it, field by field, with
 * what was written. The value is never returned, logged or shown: only the names of the fields.
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
        SecretsManagerClient client =
                clients.get(SecretsManagerClient.class, SecretsManagerClient::builder, args.text("region"));
        String whole = args.text("secretString");
        if (whole != null) {
            String version = put(context, client, secretId, whole);
            return result(
                    secretId,
                    version,
                    List.of("(whole value)"),
                    checkWhole(secretId, whole, read(context, client, secretId)));
        }
        Map<String, Object> merge = args.map("merge");
        ObjectNode merged = merged(context, client, secretId, merge);
        String version = put(context, client, secretId, merged.toString());
        List<String> changed = List.copyOf(merge.keySet());
        return result(
                secretId, version, changed, checkMerge(secretId, merged, changed, read(context, client, secretId)));
    }

    private static ActionResult result(String secretId, String version, List<String> changed, String checked) {
        return ActionResult.checked(
                "Updated " + String.join(", ", changed) + " of " + secretId,
                Map.of("versionId", version, "changedFields", changed),
                checked);
    }

    /** The secret's current JSON with the merged fields set. */
    private ObjectNode merged(
            ActionContext context, SecretsManagerClient client, String secretId, Map<String, Object> merge)
            throws ActionException {
        String current = read(context, client, secretId);
        ObjectNode json = object(current == null ? "{}" : current);
        if (json == null) {
            throw ActionException.permanent(
                    "secret " + secretId + " is not a JSON object, so its fields cannot be merged;"
                            + " give the whole value in secretString instead");
        }
        merge.forEach(json::putPOJO);
        return object(json.toString());
    }

    private String read(ActionContext context, SecretsManagerClient client, String secretId) throws ActionException {
        return AwsCall.run(
                        context,
                        clients,
                        "SecretsManager",
                        "GetSecretValue",
                        "secretsmanager:GetSecretValue",
                        () -> client.getSecretValue(r -> r.secretId(secretId)))
                .secretString();
    }

    private String put(ActionContext context, SecretsManagerClient client, String secretId, String value)
            throws ActionException {
        return AwsCall.run(
                        context,
                        clients,
                        "SecretsManager",
                        "PutSecretValue",
                        "secretsmanager:PutSecretValue",
                        () -> client.putSecretValue(r -> r.secretId(secretId).secretString(value)))
                .versionId();
    }

    /** The post-condition of a merge: the merged fields have their new values, every other field is as it was, none added. */
    private static String checkMerge(String secretId, ObjectNode written, List<String> changed, String found)
            throws ActionException {
        String fields =
                String.join(", ", changed.stream().map(f -> f + "=<new>").toList());
        int others = written.size() - changed.size();
        ObjectNode back = found == null ? null : object(found);
        List<String> differ = new ArrayList<>();
        if (back == null) {
            differ.add("a value that is not a JSON object");
        } else {
            written.properties().forEach(f -> {
                if (!back.has(f.getKey())) differ.add(f.getKey() + " missing");
                else if (!back.get(f.getKey()).equals(f.getValue())) differ.add(f.getKey() + " differs");
            });
            back.fieldNames().forEachRemaining(f -> {
                if (!written.has(f)) differ.add(f + " added");
            });
        }
        if (!differ.isEmpty()) {
            throw ActionException.permanent("Expected secret " + secretId + " to have " + fields + " and its " + others
                    + " other key(s) unchanged, found " + String.join(", ", differ)
                    + " (values not shown): something else wrote"
                    + " the secret (a rotation?); find it, then retry this step.");
        }
        return "secret " + secretId + " has " + fields + ", " + others + " other key(s) unchanged (values not shown)";
    }

    /** The post-condition of a whole new value: the secret reads back as exactly that value. */
    private static String checkWhole(String secretId, String written, String found) throws ActionException {
        if (!written.equals(found)) {
            throw ActionException.permanent(
                    "Expected secret " + secretId + " to hold the value given, found another value (values not"
                            + " shown): something else wrote the secret (a rotation?); find it, then retry this step.");
        }
        return "secret " + secretId + " holds the value given (values not shown)";
    }

    /** The text as a JSON object, or null when it is not one. */
    private static ObjectNode object(String text) {
        try {
            return JSON.readTree(text) instanceof ObjectNode node ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
