package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.RestoreSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The post-condition of a table restore, read right after the call: the new table exists, is being
 * created or active, and its restore summary names the source asked for. Waiting for it to be
 * active is the runbook's next step.
 */
final class DynamoDbRestoredTable {

    private static final Set<String> UNDER_WAY = Set.of("CREATING", "ACTIVE");

    private DynamoDbRestoredTable() {}

    /**
     * @param source   the source as the operator named it (a table name, a backup ARN)
     * @param sourceOf how the restore summary names such a source
     * @return what was read, for the step's "checked"
     */
    static String readBack(
            AwsClients clients,
            ActionContext context,
            DynamoDbClient dynamo,
            String target,
            String source,
            Function<RestoreSummary, String> sourceOf)
            throws ActionException {
        String expected = "Expected table " + target + " restored from " + source + " (CREATING or ACTIVE), found ";
        Optional<TableDescription> found = AwsCall.ifFound(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeTable",
                        "dynamodb:DescribeTable",
                        () -> dynamo.describeTable(r -> r.tableName(target)))
                .map(DescribeTableResponse::table);
        if (found.isEmpty()) {
            throw ActionException.permanent(expected + "no table " + target
                    + ": something deleted it right after the restore." + " Retry this step to restore again.");
        }
        TableDescription table = found.get();
        String status = table.tableStatusAsString();
        String named = table.restoreSummary() == null ? null : sourceOf.apply(table.restoreSummary());
        if (!source.equals(named)) {
            throw ActionException.permanent(
                    expected + target + (named == null ? " not restored from anything" : " restored from " + named)
                            + ": another table took that name. Check which table the application should use, then retry this step with a free target name.");
        }
        if (!UNDER_WAY.contains(status)) {
            throw ActionException.permanent(
                    expected + target + " " + status + ": it is going away. Retry this step to restore again.");
        }
        return "table " + target + " exists (" + status + "), restored from " + named + " (DescribeTable)";
    }

    /** The table name in a table ARN (arn:aws:dynamodb:REGION:ACCOUNT:table/NAME). */
    static String tableName(String tableArn) {
        int at = tableArn == null ? -1 : tableArn.indexOf(":table/");
        return at < 0 ? tableArn : tableArn.substring(at + ":table/".length());
    }
}
