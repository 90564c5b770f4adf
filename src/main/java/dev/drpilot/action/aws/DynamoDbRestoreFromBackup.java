package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.RestoreSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * aws.dynamodb.restoreFromBackup: a new table from an on-demand backup (in the step's region, the DR
 * region after a region failure), read back right after the call: it exists and names the backup.
 */
public final class DynamoDbRestoreFromBackup implements Action {

    private final AwsClients clients;

    public DynamoDbRestoreFromBackup(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.restoreFromBackup";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String backup = args.required("backupArn");
        String target = args.required("target");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        TableDescription table = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "RestoreTableFromBackup",
                        "dynamodb:RestoreTableFromBackup",
                        () -> dynamo.restoreTableFromBackup(
                                r -> r.backupArn(backup).targetTableName(target)))
                .tableDescription();
        context.statusChange(target, table.tableStatusAsString());
        String checked = DynamoDbRestoredTable.readBack(
                clients, context, dynamo, target, backup, RestoreSummary::sourceBackupArn);
        return ActionResult.checked(
                "Restoring backup " + backup + " as " + target,
                Map.of("table", target, "tableArn", table.tableArn()),
                checked);
    }
}
