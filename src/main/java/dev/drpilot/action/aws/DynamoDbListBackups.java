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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;

/** aws.dynamodb.listBackups: a table's on-demand backups, every page, newest first. */
public final class DynamoDbListBackups implements Action {

    private final AwsClients clients;

    public DynamoDbListBackups(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.listBackups";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String table = args.required("table");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        List<BackupSummary> backups = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListBackupsResponse page = AwsCall.run(
                    context,
                    clients,
                    "DynamoDB",
                    "ListBackups",
                    "dynamodb:ListBackups",
                    () -> dynamo.listBackups(r -> r.tableName(table).exclusiveStartBackupArn(from)));
            backups.addAll(page.backupSummaries());
            start = page.lastEvaluatedBackupArn();
        } while (start != null);
        backups.sort(Comparator.comparing(
                BackupSummary::backupCreationDateTime, Comparator.nullsLast(Comparator.reverseOrder())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "backups",
                backups.stream()
                        .map(b -> Map.of(
                                "name",
                                b.backupName(),
                                "arn",
                                b.backupArn(),
                                "status",
                                String.valueOf(b.backupStatusAsString()),
                                "created",
                                String.valueOf(b.backupCreationDateTime())))
                        .toList());
        out.put("count", backups.size());
        if (!backups.isEmpty()) out.put("latestBackupArn", backups.get(0).backupArn());
        return ActionResult.of(backups.size() + " backup(s) of " + table, out);
    }
}
