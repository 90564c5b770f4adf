package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;

/** aws.dynamodb.createBackup: an on-demand backup of a table. */
public final class DynamoDbCreateBackup implements Action {

    private final AwsClients clients;

    public DynamoDbCreateBackup(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.createBackup";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String table = args.required("table");
        String name = args.required("backupName");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        BackupDetails backup = AwsCall.run(context, clients, "DynamoDB", "CreateBackup", "dynamodb:CreateBackup",
                () -> dynamo.createBackup(r -> r.tableName(table).backupName(name))).backupDetails();
        context.statusChange(name, backup.backupStatusAsString());
        return ActionResult.of("Backup " + name + " of " + table + ": " + backup.backupStatusAsString(), Map.of("backupArn", backup.backupArn()));
    }
}
