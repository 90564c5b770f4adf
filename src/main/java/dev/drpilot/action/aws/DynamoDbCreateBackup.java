package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse;

/** aws.dynamodb.createBackup: an on-demand backup of a table, read back right after the call. */
public final class DynamoDbCreateBackup implements Action {

    private static final Set<String> KEPT = Set.of("CREATING", "AVAILABLE");

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
        BackupDetails backup = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "CreateBackup",
                        "dynamodb:CreateBackup",
                        () -> dynamo.createBackup(r -> r.tableName(table).backupName(name)))
                .backupDetails();
        context.statusChange(name, backup.backupStatusAsString());
        return readBack(context, dynamo, table, name, backup.backupArn());
    }

    /** The post-condition: the backup reads back by its ARN, with the name asked for, of the table asked for, being created or available. */
    private ActionResult readBack(ActionContext context, DynamoDbClient dynamo, String table, String name, String arn)
            throws ActionException {
        String expected = "Expected backup " + name + " of " + table + " (CREATING or AVAILABLE), found ";
        Optional<BackupDescription> found = AwsCall.ifFound(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeBackup",
                        "dynamodb:DescribeBackup",
                        () -> dynamo.describeBackup(r -> r.backupArn(arn)))
                .map(DescribeBackupResponse::backupDescription);
        if (found.isEmpty()) {
            throw ActionException.permanent(
                    expected + "no backup " + arn + ": something deleted it right after it was taken."
                            + " Find what deletes backups, then retry this step.");
        }
        BackupDetails details = found.get().backupDetails();
        String ofTable = found.get().sourceTableDetails() == null
                ? null
                : found.get().sourceTableDetails().tableName();
        String status = details.backupStatusAsString();
        if (!name.equals(details.backupName()) || !table.equals(ofTable) || !KEPT.contains(status)) {
            throw ActionException.permanent(expected + details.backupName() + " of " + ofTable + " (" + status + ")"
                    + ": the backup is not usable. Retry this step to take another.");
        }
        return ActionResult.checked(
                "Backup " + name + " of " + table + ": " + status,
                Map.of("backupArn", arn),
                "backup " + name + " of " + table + " exists (" + status + ", DescribeBackup)");
    }
}
