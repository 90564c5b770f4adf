package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The WebApp's Lambda versions and alias roll-back, the Cognito export, and the log retention check, on moto. */
class WebAppServicesTest {

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static LambdaClient lambda;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed() throws Exception {
        aws = moto.aws();
        lambda = aws.get(LambdaClient.class, LambdaClient::builder, null);
        String role = aws.get(IamClient.class, IamClient::builder, "us-east-1")
                .createRole(r -> r.roleName("webapp-lambda")
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"))
                .role()
                .arn();
        SdkBytes code = SdkBytes.fromByteArray(zip("def handler(e, c):\n    return 1\n"));
        lambda.createFunction(r -> r.functionName("webapp-user-api")
                .runtime("python3.12")
                .handler("app.handler")
                .role(role)
                .code(c -> c.zipFile(code)));
    }

    @Test
    void aliasIsRolledBackToTheLastGoodVersionAfterTypedConfirmation() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            var publish = Runbooks.write(dir, "publish", """
                    id: publish
                    title: Publish a version
                    architecture: webapp
                    kind: backup
                    targets: { rto: none, rpo: none }
                    steps:
                      - { id: publish, title: Publish, phase: recovery, action: aws.lambda.publishVersion, with: { function: webapp-user-api, description: stable } }
                    """);
            String good = (String)
                    Runbooks.runToConfirmation(DrPilotServices.fromEnvironment().engine(log, aws), publish, Map.of())
                            .step("publish")
                            .outputs()
                            .get("version");
            lambda.createAlias(
                    r -> r.functionName("webapp-user-api").name("live").functionVersion(good));
            lambda.updateFunctionConfiguration(
                    r -> r.functionName("webapp-user-api").description("a bad deploy"));
            String bad = (String)
                    Runbooks.runToConfirmation(DrPilotServices.fromEnvironment().engine(log, aws), publish, Map.of())
                            .step("publish")
                            .outputs()
                            .get("version");
            lambda.updateAlias(
                    r -> r.functionName("webapp-user-api").name("live").functionVersion(bad));

            var rollback = Runbooks.write(dir, "rollback", """
                    id: rollback
                    title: Roll the alias back
                    architecture: webapp
                    kind: recovery
                    targets: { rto: PT1M, rpo: none }
                    params:
                      - { name: goodVersion, type: string }
                    steps:
                      - { id: versions, title: Versions, phase: immediate, action: aws.lambda.listVersions, with: { function: webapp-user-api } }
                      - { id: live, title: Live alias, phase: immediate, action: aws.lambda.getAlias, with: { function: webapp-user-api, alias: live } }
                      - { id: canary, title: No such alias, phase: immediate, action: aws.lambda.getAlias, with: { function: webapp-user-api, alias: canary } }
                      - { id: rollback, title: Roll back, phase: immediate, action: aws.lambda.updateAlias, with: { function: webapp-user-api, alias: live, version: "${goodVersion}" }, confirm: "webapp-user-api:live" }
                    """);
            IncidentRun run = Runbooks.runToConfirmation(
                    DrPilotServices.fromEnvironment().engine(log, aws), rollback, Map.of("goodVersion", good));
            assertThat(run.step("versions").outputs())
                    .containsEntry("latestVersion", bad)
                    .containsEntry("count", 2);
            assertThat(run.step("live").outputs()).containsEntry("exists", true).containsEntry("version", bad);
            assertThat(run.step("canary").state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(run.step("canary").outputs())
                    .containsEntry("exists", false)
                    .doesNotContainKey("version");
            assertThat(run.step("rollback").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
            assertThat(lambda.getAlias(r -> r.functionName("webapp-user-api").name("live"))
                            .functionVersion())
                    .isEqualTo(bad);

            run.confirm("rollback", "webapp-user-api:live").get(60, TimeUnit.SECONDS);

            assertThat(run.step("rollback").state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(lambda.getAlias(r -> r.functionName("webapp-user-api").name("live"))
                            .functionVersion())
                    .isEqualTo(good);
        }
    }

    @Test
    void cognitoExportRunbookStoresEveryUserInS3() throws Exception {
        CognitoIdentityProviderClient cognito =
                aws.get(CognitoIdentityProviderClient.class, CognitoIdentityProviderClient::builder, null);
        String pool = cognito.createUserPool(r -> r.poolName("webapp-users"))
                .userPool()
                .id();
        for (int i = 0; i < 75; i++) {
            String name = "user" + i;
            cognito.adminCreateUser(r -> r.userPoolId(pool)
                    .username(name)
                    .userAttributes(AttributeType.builder()
                            .name("email")
                            .value(name + "@example.com")
                            .build()));
        }
        S3Client s3 = aws.get(S3Client.class, S3Client::builder, null);
        s3.createBucket(
                r -> r.bucket("fff-webapp-backups").createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = Runbooks.runAll(log, aws, "webapp-backup-cognito-export", Map.of("userPoolId", pool));

            assertThat(run.step("list").outputs()).containsEntry("count", 75);
            String uri = (String) run.step("export").outputs().get("uri");
            String key = uri.substring("s3://fff-webapp-backups/".length());
            JsonNode export = new ObjectMapper()
                    .readTree(s3.getObjectAsBytes(
                                    r -> r.bucket("fff-webapp-backups").key(key))
                            .asUtf8String());
            assertThat(export.get("Users")).hasSize(75);
            assertThat(export.get("Users").findValuesAsText("email")).contains("user74@example.com");
        }
    }

    @Test
    void logRetentionCheckFlagsAGroupThatNeverExpires() throws Exception {
        CloudWatchLogsClient logs = aws.get(CloudWatchLogsClient.class, CloudWatchLogsClient::builder, null);
        logs.createLogGroup(r -> r.logGroupName("/aws/lambda/webapp-user-api"));
        logs.putRetentionPolicy(
                r -> r.logGroupName("/aws/lambda/webapp-user-api").retentionInDays(30));
        var check = Runbooks.write(dir, "log-retention", """
                id: log-retention
                title: Log retention
                architecture: webapp
                kind: readiness
                targets: { rto: none, rpo: none }
                steps:
                  - { id: logs, title: Logs, phase: validation, action: aws.logs.describeRetention, with: { logGroupPrefix: /aws/lambda/webapp }, verify: { minRetentionDays: { atLeast: 30 } } }
                """);
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun ok =
                    Runbooks.runToConfirmation(DrPilotServices.fromEnvironment().engine(log, aws), check, Map.of());
            assertThat(ok.step("logs").state()).isEqualTo(StepState.SUCCEEDED);

            logs.createLogGroup(r -> r.logGroupName("/aws/lambda/webapp-worker"));
            IncidentRun flagged =
                    Runbooks.runToConfirmation(DrPilotServices.fromEnvironment().engine(log, aws), check, Map.of());
            assertThat(flagged.step("logs").state()).isEqualTo(StepState.FAILED);
            assertThat(flagged.step("logs").outputs())
                    .containsEntry("minRetentionDays", 0)
                    .containsEntry("count", 2);
        }
    }

    private static byte[] zip(String source) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("app.py"));
            zip.write(source.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
