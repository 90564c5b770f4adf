package dev.drpilot.action.aws;

import dev.drpilot.action.ActionException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** The span a point-in-time restore can reach, said for the operator choosing a restore time (UTC). */
public final class RestorableWindow {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private RestorableWindow() {}

    public static String ofRdsInstance(AwsClients clients, String instance) throws ActionException {
        try {
            DBInstance db = clients.get(RdsClient.class, RdsClient::builder, null)
                    .describeDBInstances(r -> r.dbInstanceIdentifier(instance))
                    .dbInstances()
                    .getFirst();
            Instant earliest = RdsDescribeInstance.earliestRestorable(db, Instant.now());
            return "RDS " + instance + " can be restored from " + UTC.format(earliest) + " to "
                    + (db.latestRestorableTime() == null ? "now" : UTC.format(db.latestRestorableTime()))
                    + " (backups kept " + db.backupRetentionPeriod() + " days)";
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "DescribeDBInstances", "rds:DescribeDBInstances", clients.settings());
        }
    }

    public static String ofDynamoDbTable(AwsClients clients, String table) throws ActionException {
        try {
            PointInTimeRecoveryDescription pitr = clients.get(DynamoDbClient.class, DynamoDbClient::builder, null)
                    .describeContinuousBackups(r -> r.tableName(table))
                    .continuousBackupsDescription()
                    .pointInTimeRecoveryDescription();
            if (pitr == null || !"ENABLED".equals(pitr.pointInTimeRecoveryStatusAsString())) {
                return "DynamoDB " + table + " has point-in-time recovery off: it cannot be restored to a time";
            }
            return "DynamoDB " + table + " can be restored from " + UTC.format(pitr.earliestRestorableDateTime())
                    + " to " + UTC.format(pitr.latestRestorableDateTime());
        } catch (SdkException e) {
            throw AwsErrors.translate(
                    e, "DescribeContinuousBackups", "dynamodb:DescribeContinuousBackups", clients.settings());
        }
    }
}
