package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * aws.dynamodb.batchWrite: writes items in batches of 25, writing the unprocessed items again
 * (with backoff) until none are left.
 */
public final class DynamoDbBatchWrite implements Action {

    private static final int BATCH = 25;
    private static final int ROUNDS = 8;

    private final AwsClients clients;

    public DynamoDbBatchWrite(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.batchWrite";
    }

    @Override
    @SuppressWarnings("unchecked")
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException, InterruptedException {
        Args args = new Args(values);
        String table = args.required("table");
        Object given = values.get("items");
        if (!(given instanceof List<?> list)) throw ActionException.permanent("items: give the items to write (a scan step's items)");
        List<WriteRequest> pending = new ArrayList<>();
        for (Object item : list) {
            pending.add(WriteRequest.builder().putRequest(p -> p.item(DynamoJson.fromJson((Map<String, Object>) item))).build());
        }
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        int total = pending.size();
        int written = 0;
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == ROUNDS) {
                throw ActionException.permanent(pending.size() + " of " + total + " items still unprocessed after " + ROUNDS
                        + " rounds (the table's write capacity?); retry this step to write the rest");
            }
            List<WriteRequest> unprocessed = new ArrayList<>();
            for (int i = 0; i < pending.size(); i += BATCH) {
                List<WriteRequest> batch = pending.subList(i, Math.min(i + BATCH, pending.size()));
                Map<String, List<WriteRequest>> left = AwsCall.run(context, clients, "DynamoDB", "BatchWriteItem", "dynamodb:BatchWriteItem",
                        () -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, batch)))).unprocessedItems();
                List<WriteRequest> notWritten = left == null ? List.of() : left.getOrDefault(table, List.of());
                unprocessed.addAll(notWritten);
                written += batch.size() - notWritten.size();
                context.progress("Wrote " + written + " of " + total, written / (double) total);
            }
            pending = unprocessed;
            if (!pending.isEmpty()) {
                context.progress(pending.size() + " item(s) unprocessed: writing them again", written / (double) total);
                context.pause(Duration.ofMillis(250L << Math.min(round, 6)));
            }
        }
        return ActionResult.of("Wrote " + written + " item(s) into " + table, Map.of("written", written, "count", written));
    }
}
