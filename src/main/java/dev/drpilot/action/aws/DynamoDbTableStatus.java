package dev.drpilot.action.aws;

import dev.drpilot.action.ActionException;
import dev.drpilot.action.ResourceStatus;
import dev.drpilot.action.StatusSource;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A DynamoDB table's status and item count; "not found" before a restore creates it. */
public final class DynamoDbTableStatus implements StatusSource {

    private final AwsClients clients;
    private final String table;

    public DynamoDbTableStatus(AwsClients clients, String table) {
        this.clients = clients;
        this.table = table;
    }

    @Override
    public String describe() {
        return "DynamoDB table " + table;
    }

    @Override
    public List<ResourceStatus> read() throws ActionException {
        try {
            TableDescription t = clients.get(DynamoDbClient.class, DynamoDbClient::builder, null)
                    .describeTable(r -> r.tableName(table))
                    .table();
            return List.of(new ResourceStatus(
                    "DynamoDB table",
                    table,
                    t.tableStatusAsString(),
                    "ACTIVE".equals(t.tableStatusAsString()),
                    t.itemCount() + " items (updated every 6 hours by DynamoDB)"));
        } catch (ResourceNotFoundException e) {
            return List.of(
                    new ResourceStatus("DynamoDB table", table, "not found", false, "not created yet, or deleted"));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "DescribeTable", "dynamodb:DescribeTable", clients.settings());
        }
    }
}
