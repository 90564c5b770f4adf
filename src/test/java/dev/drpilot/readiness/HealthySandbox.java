package dev.drpilot.readiness;

import dev.drpilot.action.aws.AwsClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The guide's resources on moto, as the guide sets them up: the Druid metadata database with 30
 * days of backups at 03:00-04:00, a manual snapshot and its DR copy; the deep storage bucket
 * versioned, replicated to the DR bucket within 15 minutes and tiered at 30 and 90 days; the
 * backup buckets expiring at 30 and 90 days; the WebApp table with PITR and an on-demand backup;
 * the function with its live alias on a published version.
 */
public final class HealthySandbox {

    private final RdsClient rds;
    private final RdsClient drRds;
    private final S3Client s3;
    private final DynamoDbClient dynamo;
    private final LambdaClient lambda;

    private HealthySandbox(AwsClients aws) {
        rds = aws.get(RdsClient.class, RdsClient::builder, "us-west-2");
        drRds = aws.get(RdsClient.class, RdsClient::builder, "us-east-1");
        s3 = aws.get(S3Client.class, S3Client::builder, "us-west-2");
        dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, "us-west-2");
        lambda = aws.get(LambdaClient.class, LambdaClient::builder, "us-west-2");
    }

    /** Creates the resources on an empty moto (clients in us-west-2), then sets them as the guide asks. */
    public static HealthySandbox seed(AwsClients aws) throws IOException {
        HealthySandbox sandbox = new HealthySandbox(aws);
        sandbox.rds.createDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                .engine("postgres")
                .dbInstanceClass("db.t3.micro")
                .allocatedStorage(20)
                .masterUsername("druid")
                .masterUserPassword("not-used-here")
                .backupRetentionPeriod(30)
                .preferredBackupWindow("03:00-04:00"));
        String arn = sandbox.rds
                .createDBSnapshot(r ->
                        r.dbInstanceIdentifier("druid-metadata").dbSnapshotIdentifier("druid-metadata-manual-20240115"))
                .dbSnapshot()
                .dbSnapshotArn();
        sandbox.drRds.copyDBSnapshot(r -> r.sourceDBSnapshotIdentifier(arn)
                .targetDBSnapshotIdentifier("druid-metadata-dr-20240115")
                .sourceRegion("us-west-2"));
        for (String bucket : new String[] {
            "fff-druid-deep-storage", "fff-druid-deep-storage-dr", "fff-druid-backups", "fff-webapp-backups"
        }) {
            sandbox.s3.createBucket(
                    r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
        }
        sandbox.s3.putBucketVersioning(r -> r.bucket("fff-druid-deep-storage-dr")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        sandbox.dynamo.createTable(r -> r.tableName("webapp-users")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType("HASH")
                        .build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build()));
        sandbox.dynamo.createBackup(r -> r.tableName("webapp-users").backupName("webapp-users-backup-20240115"));
        String role = aws.get(IamClient.class, IamClient::builder, "us-east-1")
                .createRole(r -> r.roleName("webapp-lambda")
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"))
                .role()
                .arn();
        SdkBytes code = SdkBytes.fromByteArray(zip("def handler(e, c):\n    return 1\n"));
        sandbox.lambda.createFunction(r -> r.functionName("webapp-user-api")
                .runtime("python3.12")
                .handler("app.handler")
                .role(role)
                .code(c -> c.zipFile(code)));
        String version = sandbox.lambda
                .publishVersion(r -> r.functionName("webapp-user-api").description("Stable release v1.0.0"))
                .version();
        sandbox.lambda.createAlias(
                r -> r.functionName("webapp-user-api").name("live").functionVersion(version));
        sandbox.heal();
        sandbox.s3.putObject(
                r -> r.bucket("fff-druid-backups").key("kubernetes/druid-backup-20240115.yaml"),
                RequestBody.fromString("apiVersion: v1\nkind: List\nitems: []\n"));
        sandbox.s3.putObject(
                r -> r.bucket("fff-webapp-backups").key("cognito/cognito-users-20240115.json"),
                RequestBody.fromString("{\"Users\": []}"));
        for (int i = 1; i <= 3; i++) {
            String key = "segments/wikipedia/2024-01-15/" + i + "/index.zip";
            sandbox.s3.putObject(r -> r.bucket("fff-druid-deep-storage").key(key), RequestBody.fromString("segment"));
        }
        return sandbox;
    }

    /** Sets every target back as the guide asks, after a test broke one. */
    public void heal() {
        rds.modifyDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                .backupRetentionPeriod(30)
                .preferredBackupWindow("03:00-04:00")
                .applyImmediately(true));
        s3.putBucketVersioning(r -> r.bucket("fff-druid-deep-storage")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketReplication(r -> r.bucket("fff-druid-deep-storage")
                .replicationConfiguration(c -> c.role("arn:aws:iam::123456789012:role/S3ReplicationRole")
                        .rules(rule -> rule.id("dr")
                                .status(ReplicationRuleStatus.ENABLED)
                                .priority(1)
                                .filter(f -> f.prefix(""))
                                .deleteMarkerReplication(d -> d.status("Enabled"))
                                .destination(d -> d.bucket("arn:aws:s3:::fff-druid-deep-storage-dr")
                                        .replicationTime(
                                                t -> t.status("Enabled").time(m -> m.minutes(15)))
                                        .metrics(m -> m.status("Enabled").eventThreshold(m2 -> m2.minutes(15)))))));
        tiering("fff-druid-deep-storage", 30, 90);
        expiry("fff-druid-backups", 30);
        expiry("fff-webapp-backups", 90);
        dynamo.updateContinuousBackups(r ->
                r.tableName("webapp-users").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        lambda.updateAlias(r -> r.functionName("webapp-user-api").name("live").functionVersion("1"));
    }

    public RdsClient rds() {
        return rds;
    }

    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public LambdaClient lambda() {
        return lambda;
    }

    void tiering(String bucket, int iaDays, int glacierDays) {
        s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket)
                .lifecycleConfiguration(c -> c.rules(rule -> rule.id("tiers")
                        .status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("segments/"))
                        .transitions(
                                t -> t.days(iaDays).storageClass(TransitionStorageClass.STANDARD_IA),
                                t -> t.days(glacierDays).storageClass(TransitionStorageClass.GLACIER_IR)))));
    }

    void expiry(String bucket, int days) {
        s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket)
                .lifecycleConfiguration(c -> c.rules(rule -> rule.id("expiry")
                        .status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix(""))
                        .expiration(e -> e.days(days)))));
    }

    private static byte[] zip(String source) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("app.py"));
            zip.write(source.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
