package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS failures an operator meets, produced for real: moto checking IAM refuses a call the
 * operator's policy does not allow and an access key it does not know; a proxy in front of moto
 * throttles DynamoDB the way AWS does; a resource that does not exist. Each step fails (or
 * recovers) with words an operator can act on.
 */
class AwsFailurePathsTest {

    @TempDir
    Path dir;

    @Test
    void aCallThePolicyDoesNotAllowIsRefusedNamingTheIamAction() throws Exception {
        // the four set-up calls below are free; from then on moto checks every request against IAM
        try (MotoServer moto = MotoServer.startEnforcingIam(4);
                AwsClients admin = new AwsClients(moto.settings("us-west-2"))) {
            IamClient iam = admin.get(IamClient.class, IamClient::builder, "us-east-1");
            iam.createUser(r -> r.userName("dr-operator"));
            AccessKey key = iam.createAccessKey(r -> r.userName("dr-operator")).accessKey();
            iam.putUserPolicy(r ->
                    r.userName("dr-operator").policyName("read-only-versioning").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Action": ["sts:GetCallerIdentity", "s3:GetBucketVersioning"], "Resource": "*"}]}"""));
            admin.get(S3Client.class, S3Client::builder, null)
                    .createBucket(r -> r.bucket("fff-druid-deep-storage")
                            .createBucketConfiguration(c -> c.locationConstraint("us-west-2")));

            AwsSettings operator = new AwsSettings(
                    "dr-operator",
                    "us-west-2",
                    moto.endpoint,
                    StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
            try (AwsClients aws = new AwsClients(operator);
                    IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
                IncidentRun run = Runbooks.runToConfirmation(
                        DrPilotServices.fromEnvironment().engine(log, aws), "druid-backup-s3-versioning", Map.of());

                assertThat(run.step("check").state())
                        .as(run.step("check").message())
                        .isEqualTo(StepState.SUCCEEDED);
                assertThat(run.step("enable").state()).isEqualTo(StepState.FAILED);
                assertThat(run.step("enable").message())
                        .startsWith(
                                "Access denied: s3:PutBucketVersioning is not allowed for the identity in use (profile dr-operator)");
            }

            AwsSettings unknownKey = new AwsSettings(
                    "dr-operator",
                    "us-west-2",
                    moto.endpoint,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN00", "wrong")));
            try (AwsClients aws = new AwsClients(unknownKey);
                    IncidentLogStore log = IncidentLogStore.open(dir.resolve("log2"), Clock.systemUTC(), "alice")) {
                IncidentRun run = Runbooks.runToConfirmation(
                        DrPilotServices.fromEnvironment().engine(log, aws), "druid-backup-s3-versioning", Map.of());

                assertThat(run.step("check").state()).isEqualTo(StepState.FAILED);
                // moto's STS answers an unknown key with a bare 403 (real AWS says InvalidClientTokenId; AwsErrorsTest
                // covers that)
                assertThat(run.step("check").message())
                        .startsWith("AWS refused your credentials (profile dr-operator)")
                        .contains("aws sso login --profile dr-operator");
            }
        }
    }

    @Test
    void throttlingIsRetriedWithBackoffShownInTheLogAndThenSucceeds() throws Exception {
        try (MotoServer moto = MotoServer.start();
                ThrottlingProxy proxy = new ThrottlingProxy(moto.endpoint);
                AwsClients aws = new AwsClients(new AwsSettings(
                        null,
                        "us-west-2",
                        proxy.endpoint(),
                        moto.settings("us-west-2").credentials()));
                IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            aws.get(DynamoDbClient.class, DynamoDbClient::builder, null)
                    .createTable(r -> r.tableName("webapp-users")
                            .billingMode("PAY_PER_REQUEST")
                            .keySchema(KeySchemaElement.builder()
                                    .attributeName("id")
                                    .keyType("HASH")
                                    .build())
                            .attributeDefinitions(AttributeDefinition.builder()
                                    .attributeName("id")
                                    .attributeType(ScalarAttributeType.S)
                                    .build()));
            proxy.throttle("DescribeTable", 2);

            IncidentRun run = Runbooks.runToConfirmation(
                    DrPilotServices.fromEnvironment().engine(log, aws), describeTable(), Map.of());

            assertThat(run.step("describe").state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(proxy.throttledSoFar()).isEqualTo(2);
            List<IncidentEvent> retries = log.events(run.incidentId()).stream()
                    .filter(e -> e.kind() == EventKind.STEP_RETRIED)
                    .toList();
            assertThat(retries)
                    .hasSize(2)
                    .allSatisfy(
                            e -> assertThat(e.payload()).contains("throttling").contains("ThrottlingException"));
        }
    }

    @Test
    void aResourceThatDoesNotExistIsNamed() throws Exception {
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-west-2"));
                IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = Runbooks.runToConfirmation(
                    DrPilotServices.fromEnvironment().engine(log, aws), describeTable(), Map.of());

            assertThat(run.step("describe").state()).isEqualTo(StepState.FAILED);
            assertThat(log.events(run.incidentId()))
                    .as("a missing table is not retried")
                    .extracting(IncidentEvent::kind)
                    .doesNotContain(EventKind.STEP_RETRIED);
            assertThat(run.step("describe").message())
                    .contains("DynamoDB DescribeTable refused")
                    .contains("webapp-users")
                    .contains("ResourceNotFoundException");
        }
    }

    private dev.drpilot.runbook.Runbook describeTable() throws java.io.IOException {
        return Runbooks.write(dir, "describe-table", """
                id: describe-table
                title: Describe the users table
                architecture: webapp
                kind: readiness
                targets: { rto: none, rpo: none }
                steps:
                  - { id: describe, title: Describe, phase: validation, action: aws.dynamodb.describeTable, with: { table: webapp-users } }
                """);
    }
}
