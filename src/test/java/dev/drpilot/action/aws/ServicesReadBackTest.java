package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Lambda, Secrets Manager, Route 53 and CloudWatch changes each read their effect back on
 * moto: the step says what it read, and fails, saying what it expected and what it found (never a
 * secret's value), when something changes the live state between the change and the read-back.
 */
class ServicesReadBackTest {

    private static final String PASSWORD = "canary-db-password-8Tq";
    private static final String ROTATED = "canary-rotated-password-4Jw";

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-east-1");

    private static AwsClients aws;
    private static LambdaClient lambda;
    private static String role;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = moto.aws();
        lambda = aws.get(LambdaClient.class, LambdaClient::builder, null);
        role = aws.get(IamClient.class, IamClient::builder, null)
                .createRole(r -> r.roleName("read-back-lambda")
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"))
                .role()
                .arn();
    }

    private static void function(String name) throws IOException {
        SdkBytes code = SdkBytes.fromByteArray(zip("def handler(e, c):\n    return '" + name + "'\n"));
        lambda.createFunction(r -> r.functionName(name)
                .runtime("python3.12")
                .handler("app.handler")
                .role(role)
                .code(c -> c.zipFile(code)));
    }

    private static String publish(String function) {
        return "{ id: change, title: Publish, phase: recovery, action: aws.lambda.publishVersion, with: { function: "
                + function + " } }";
    }

    @Test
    void publishedVersionReadsBackWithItsCode() throws Exception {
        function("rb-publish");
        String code = lambda.getFunctionConfiguration(r -> r.functionName("rb-publish"))
                .codeSha256();
        StepRun step = OneStep.run(dir, aws, publish("rb-publish"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message())
                .endsWith("Checked: version 1 of rb-publish reads back with the code published, " + code
                        + " (GetFunctionConfiguration)");
    }

    @Test
    void publishedVersionDeletedBeforeTheReadBackFailsTheStep() throws Exception {
        function("rb-publish-tampered");
        StepRun step = OneStep.tampered(
                dir,
                aws,
                publish("rb-publish-tampered"),
                "PublishVersion",
                () -> lambda.deleteFunction(
                        r -> r.functionName("rb-publish-tampered").qualifier("1")));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith("Expected version 1 of rb-publish-tampered with code ")
                .contains(", found no such version");
    }

    /** A function with versions 1 and 2, its alias live on 2 (the bad deploy), and the step that rolls it back to 1. */
    private static String rollback(String function) throws IOException {
        function(function);
        lambda.publishVersion(r -> r.functionName(function));
        lambda.updateFunctionConfiguration(r -> r.functionName(function).description("a bad deploy"));
        lambda.publishVersion(r -> r.functionName(function));
        lambda.createAlias(r -> r.functionName(function).name("live").functionVersion("2"));
        return "{ id: change, title: Roll back, phase: immediate, action: aws.lambda.updateAlias, with: { function: "
                + function + ", alias: live, version: \"1\" }, confirm: \"" + function + ":live\" }";
    }

    @Test
    void aliasReadsBackOnTheVersionAsked() throws Exception {
        StepRun step = OneStep.run(dir, aws, rollback("rb-alias"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message()).endsWith("Checked: alias live -> version 1 (GetAlias)");
    }

    @Test
    void aliasMovedBackByADeployBeforeTheReadBackFailsTheStep() throws Exception {
        String rollback = rollback("rb-alias-tampered");
        StepRun step = OneStep.tampered(
                dir,
                aws,
                rollback,
                "UpdateAlias",
                () -> lambda.updateAlias(
                        r -> r.functionName("rb-alias-tampered").name("live").functionVersion("2")));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message()).startsWith("Expected alias live of rb-alias-tampered -> version 1, found version 2");
    }

    private static SecretsManagerClient secrets() {
        return aws.get(SecretsManagerClient.class, SecretsManagerClient::builder, null);
    }

    /** A database secret whose host the step changes to the restored instance's. */
    private static String pointSecretAtRestored(String secret) {
        secrets()
                .createSecret(r -> r.name(secret)
                        .secretString(
                                "{\"host\":\"db.old\",\"username\":\"druid\",\"password\":\"" + PASSWORD + "\"}"));
        return "{ id: change, title: Point at the restored database, phase: recovery, action: aws.secretsmanager.updateSecret, with: { secretId: "
                + secret + ", merge: { host: db-restored.new } }, confirm: " + secret + " }";
    }

    private Map<String, Object> fields(String secret) throws IOException {
        return new ObjectMapper()
                .readValue(secrets().getSecretValue(r -> r.secretId(secret)).secretString(), new TypeReference<>() {});
    }

    private String rawLog() throws IOException {
        return new String(Files.readAllBytes(dir.resolve("log.mv.db")), StandardCharsets.ISO_8859_1);
    }

    @Test
    void secretReadsBackWithTheNewHostAndItsOtherKeysUnchanged() throws Exception {
        StepRun step = OneStep.run(dir, aws, pointSecretAtRestored("rb-secret"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message())
                .endsWith("Checked: secret rb-secret has host=<new>, 2 other key(s) unchanged (values not shown)");
        assertThat(fields("rb-secret")).containsEntry("host", "db-restored.new").containsEntry("password", PASSWORD);
        assertThat(rawLog()).doesNotContain(PASSWORD);
    }

    @Test
    void secretRotatedBeforeTheReadBackFailsTheStepWithoutShowingAnyValue() throws Exception {
        StepRun step = OneStep.tampered(
                dir,
                aws,
                pointSecretAtRestored("rb-secret-tampered"),
                "PutSecretValue",
                () -> secrets()
                        .putSecretValue(r -> r.secretId("rb-secret-tampered")
                                .secretString(
                                        "{\"host\":\"db-restored.new\"," + "\"username\":\"druid\",\"password\":\""
                                                + ROTATED + "\",\"rotatedBy\":\"lambda\"}")));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith("Expected secret rb-secret-tampered to have host=<new> and its 2 other key(s) unchanged,"
                        + " found password differs, rotatedBy added (values not shown)")
                .doesNotContain(PASSWORD, ROTATED, "db-restored.new", "lambda");
        assertThat(rawLog()).doesNotContain(PASSWORD, ROTATED);
    }

    @Test
    void wholeSecretValueChangedBeforeTheReadBackFailsTheStepWithoutShowingAnyValue() throws Exception {
        secrets().createSecret(r -> r.name("rb-secret-whole").secretString("old-" + PASSWORD));
        String replace =
                "{ id: change, title: Replace, phase: recovery, action: aws.secretsmanager.updateSecret, with: { secretId: rb-secret-whole,"
                        + " secretString: \"" + PASSWORD + "\" }, confirm: rb-secret-whole }";
        StepRun step = OneStep.tampered(
                dir,
                aws,
                replace,
                "PutSecretValue",
                () -> secrets()
                        .putSecretValue(r -> r.secretId("rb-secret-whole").secretString(ROTATED)));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith(
                        "Expected secret rb-secret-whole to hold the value given, found another value (values not shown)")
                .doesNotContain(PASSWORD, ROTATED);
        assertThat(rawLog()).doesNotContain(PASSWORD, ROTATED);
    }

    private static Route53Client route53() {
        return aws.get(Route53Client.class, Route53Client::builder, null);
    }

    private static void cname(String zone, String name, String target) {
        route53()
                .changeResourceRecordSets(r -> r.hostedZoneId(zone)
                        .changeBatch(b -> b.changes(c -> c.action("UPSERT")
                                .resourceRecordSet(s -> s.name(name)
                                        .type(RRType.CNAME)
                                        .ttl(60L)
                                        .resourceRecords(v -> v.value(target))))));
    }

    /** A zone whose api record points at the primary region, and the step that fails it over to the DR region. */
    private static String failover(String domain, String zone) {
        cname(zone, "api." + domain, "api-primary." + domain);
        return "{ id: change, title: Fail over, phase: recovery, action: aws.route53.changeRecordSets, with: { hostedZoneId: "
                + zone + ", recordName: api." + domain + ", recordType: CNAME, target: api-dr." + domain
                + " }, confirm: api." + domain + " }";
    }

    private static String zone(String domain) {
        return route53()
                .createHostedZone(r -> r.name(domain).callerReference(domain))
                .hostedZone()
                .id()
                .replace("/hostedzone/", "");
    }

    @Test
    void recordReadsBackWithTheNewTarget() throws Exception {
        StepRun step = OneStep.run(dir, aws, failover("example.com", zone("example.com")));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message())
                .endsWith("Checked: record api.example.com CNAME api-dr.example.com, TTL 60 (ListResourceRecordSets)");
    }

    @Test
    void recordPointedBackBeforeTheReadBackFailsTheStep() throws Exception {
        String zone = zone("example.org");
        StepRun step = OneStep.tampered(
                dir,
                aws,
                failover("example.org", zone),
                "ChangeResourceRecordSets",
                () -> cname(zone, "api.example.org", "api-primary.example.org"));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith(
                        "Expected record api.example.org CNAME api-dr.example.org, TTL 60, found record api.example.org"
                                + " CNAME api-primary.example.org, TTL 60");
    }

    private static String healthCheck(String fqdn) {
        return "{ id: change, title: Health check, phase: recovery, action: aws.route53.createHealthCheck, with: { type: HTTPS,"
                + " resourcePath: /health, fqdn: " + fqdn + ", port: 443 } }";
    }

    @Test
    void healthCheckReadsBackWatchingTheEndpointAsked() throws Exception {
        StepRun step = OneStep.run(dir, aws, healthCheck("api-dr.example.com"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message())
                .endsWith("Checked: health check " + step.outputs().get("healthCheckId")
                        + " watches HTTPS api-dr.example.com:443/health (GetHealthCheck)");
    }

    @Test
    void healthCheckChangedBeforeTheReadBackFailsTheStep() throws Exception {
        StepRun step = OneStep.tampered(dir, aws, healthCheck("api-dr.example.net"), "CreateHealthCheck", () -> {
            HealthCheck check = route53().listHealthChecks().healthChecks().stream()
                    .filter(c -> c.callerReference().equals("drpilot-api-dr.example.net"))
                    .findFirst()
                    .orElseThrow();
            route53().updateHealthCheck(r -> r.healthCheckId(check.id()).port(8443));
        });

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith("Expected health check ")
                .contains(" to watch HTTPS api-dr.example.net:443/health, found HTTPS api-dr.example.net:8443/health");
    }

    private static String alarm(String name) {
        return "{ id: change, title: Alarm, phase: recovery, action: aws.cloudwatch.putMetricAlarm, with: { alarmName: "
                + name
                + ", metricName: DatabaseBackupOperation, namespace: AWS/RDS, statistic: Sum, period: 86400, threshold: 1,"
                + " comparisonOperator: LessThanThreshold } }";
    }

    @Test
    void alarmReadsBackOnTheMetricAndThresholdAsked() throws Exception {
        StepRun step = OneStep.run(dir, aws, alarm("rb-backup-failed"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message())
                .endsWith(
                        "Checked: alarm rb-backup-failed reads back on AWS/RDS DatabaseBackupOperation Sum per 86400 s"
                                + " LessThanThreshold 1.0 for 1 period(s) (DescribeAlarms)");
    }

    @Test
    void alarmChangedBeforeTheReadBackFailsTheStep() throws Exception {
        StepRun step = OneStep.tampered(
                dir,
                aws,
                alarm("rb-backup-failed-tampered"),
                "PutMetricAlarm",
                () -> aws.get(CloudWatchClient.class, CloudWatchClient::builder, null)
                        .putMetricAlarm(r -> r.alarmName("rb-backup-failed-tampered")
                                .metricName("DatabaseBackupOperation")
                                .namespace("AWS/RDS")
                                .statistic("Sum")
                                .period(86400)
                                .threshold(5.0)
                                .comparisonOperator("LessThanThreshold")
                                .evaluationPeriods(1)));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith(
                        "Expected alarm rb-backup-failed-tampered on AWS/RDS DatabaseBackupOperation Sum per 86400 s"
                                + " LessThanThreshold 1.0 for 1 period(s), found AWS/RDS DatabaseBackupOperation Sum per 86400 s LessThanThreshold 5.0 for 1 period(s)");
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
