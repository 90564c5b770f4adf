package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The S3 changes (versioning, replication, lifecycle, an upload, the Cognito export's object) each
 * read their effect back on moto: the step says what it read, and fails, saying what it expected
 * and what it found, when something changes the bucket between the change and the read-back.
 */
class S3ReadBackTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/S3ReplicationRole";

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-east-1");

    private static AwsClients aws;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = moto.aws();
        s3 = aws.get(S3Client.class, S3Client::builder, null);
    }

    private static void bucket(String name) {
        s3.createBucket(r -> r.bucket(name));
    }

    private static void versionedBucket(String name) {
        bucket(name);
        s3.putBucketVersioning(r -> r.bucket(name).versioningConfiguration(c -> c.status("Enabled")));
    }

    private static String versioning(String bucket) {
        return "{ id: change, title: Versioning, phase: recovery, action: aws.s3.putVersioning, with: { bucket: "
                + bucket + ", status: Enabled } }";
    }

    @Test
    void versioningReadsBackEnabled() throws Exception {
        bucket("rb-versioning");
        StepRun step = OneStep.run(dir, aws, versioning("rb-versioning"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message()).endsWith("Checked: versioning of rb-versioning is Enabled (GetBucketVersioning)");
    }

    @Test
    void versioningSuspendedAgainBeforeTheReadBackFailsTheStep() throws Exception {
        bucket("rb-versioning-tampered");
        StepRun step = OneStep.tampered(
                dir,
                aws,
                versioning("rb-versioning-tampered"),
                "PutBucketVersioning",
                () -> s3.putBucketVersioning(
                        r -> r.bucket("rb-versioning-tampered").versioningConfiguration(c -> c.status("Suspended"))));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith("Expected versioning of rb-versioning-tampered to be Enabled, found Suspended");
    }

    private static String replication(String bucket) {
        return "{ id: change, title: Replication, phase: recovery, action: aws.s3.putReplication, with: { bucket: "
                + bucket + ", roleArn: \"" + ROLE
                + "\", destinationBucketArn: \"arn:aws:s3:::rb-dr\", replicationTimeMinutes: 15, priority: 1 } }";
    }

    @Test
    void replicationReadsBackTheRuleSent() throws Exception {
        versionedBucket("rb-replicated");
        StepRun step = OneStep.run(dir, aws, replication("rb-replicated"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message())
                .endsWith(
                        "Checked: rule dr-replication reads back as sent: enabled, to arn:aws:s3:::rb-dr within 15 minutes,"
                                + " role " + ROLE + ", priority 1 (GetBucketReplication)");
    }

    @Test
    void replicationPointedElsewhereBeforeTheReadBackFailsTheStep() throws Exception {
        versionedBucket("rb-replication-tampered");
        StepRun step = OneStep.tampered(
                dir,
                aws,
                replication("rb-replication-tampered"),
                "PutBucketReplication",
                () -> s3.putBucketReplication(r -> r.bucket("rb-replication-tampered")
                        .replicationConfiguration(c -> c.role(ROLE)
                                .rules(rule -> rule.id("dr-replication")
                                        .status(ReplicationRuleStatus.ENABLED)
                                        .priority(1)
                                        .filter(f -> f.prefix(""))
                                        .deleteMarkerReplication(d -> d.status("Enabled"))
                                        .destination(d -> d.bucket("arn:aws:s3:::somewhere-else"))))));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith(
                        "Expected rb-replication-tampered to replicate with rule dr-replication to arn:aws:s3:::rb-dr,"
                                + " found destinationBucketArn arn:aws:s3:::somewhere-else (expected arn:aws:s3:::rb-dr), replicationTimeMinutes missing (expected 15)");
    }

    private static String lifecycle(String bucket) {
        return "{ id: change, title: Lifecycle, phase: recovery, action: aws.s3.putLifecycle, with: { bucket: " + bucket
                + ", prefix: segments/, iaAfterDays: 30, glacierAfterDays: 90, expireAfterDays: 400 } }";
    }

    @Test
    void lifecycleReadsBackTheRuleSent() throws Exception {
        bucket("rb-lifecycle");
        StepRun step = OneStep.run(dir, aws, lifecycle("rb-lifecycle"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message())
                .endsWith(
                        "Checked: rule dr-tiering reads back as sent: enabled, prefix 'segments/', Standard-IA after 30 days,"
                                + " Glacier IR after 90 days, expired after 400 days (GetBucketLifecycleConfiguration)");
    }

    @Test
    void lifecycleRuleChangedBeforeTheReadBackFailsTheStep() throws Exception {
        bucket("rb-lifecycle-tampered");
        LifecycleRule other = LifecycleRule.builder()
                .id("dr-tiering")
                .status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("segments/"))
                .transitions(t -> t.days(60).storageClass(TransitionStorageClass.STANDARD_IA))
                .build();
        StepRun step = OneStep.tampered(
                dir,
                aws,
                lifecycle("rb-lifecycle-tampered"),
                "PutBucketLifecycleConfiguration",
                () -> s3.putBucketLifecycleConfiguration(
                        r -> r.bucket("rb-lifecycle-tampered").lifecycleConfiguration(c -> c.rules(other))));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith("Expected lifecycle rule dr-tiering of rb-lifecycle-tampered as sent, found STANDARD_IA 60"
                        + " (expected 30), GLACIER_IR missing (expected 90), expireAfterDays missing (expected 400)");
    }

    @Test
    void lifecycleRemovedBeforeTheReadBackFailsTheStep() throws Exception {
        bucket("rb-lifecycle-removed");
        StepRun step = OneStep.tampered(
                dir,
                aws,
                lifecycle("rb-lifecycle-removed"),
                "PutBucketLifecycleConfiguration",
                () -> s3.deleteBucketLifecycle(r -> r.bucket("rb-lifecycle-removed")));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith(
                        "Expected lifecycle rule dr-tiering of rb-lifecycle-removed as sent, found no lifecycle configured");
    }

    private String upload(String bucket) throws Exception {
        Path file = Files.writeString(dir.resolve("druid-backup.yaml"), "kind: List\nitems: []\n");
        return "{ id: change, title: Upload, phase: recovery, action: aws.s3.uploadFile, with: { file: \"" + file
                + "\", bucket: " + bucket + ", key: kubernetes/druid-backup.yaml } }";
    }

    @Test
    void uploadReadsBackTheFilesSizeAndSha256() throws Exception {
        bucket("rb-upload");
        StepRun step = OneStep.run(dir, aws, upload("rb-upload"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message())
                .endsWith(
                        "Checked: s3://rb-upload/kubernetes/druid-backup.yaml reads back with 21 bytes and the SHA-256"
                                + " uploaded (HeadObject)");
        assertThat(s3.getObjectAsBytes(r -> r.bucket("rb-upload").key("kubernetes/druid-backup.yaml"))
                        .asUtf8String())
                .isEqualTo("kind: List\nitems: []\n");
    }

    @Test
    void uploadOverwrittenBeforeTheReadBackFailsTheStep() throws Exception {
        bucket("rb-upload-tampered");
        StepRun step = OneStep.tampered(
                dir,
                aws,
                upload("rb-upload-tampered"),
                "PutObject",
                () -> s3.putObject(
                        r -> r.bucket("rb-upload-tampered").key("kubernetes/druid-backup.yaml"),
                        RequestBody.fromString("kind: List\nitems: [1]\n")));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith(
                        "Expected s3://rb-upload-tampered/kubernetes/druid-backup.yaml to hold the 21 bytes uploaded"
                                + " (SHA-256 ")
                .contains(", found 22 bytes with ");
    }

    private static String export(String pool, String bucket) {
        return "{ id: change, title: Export, phase: recovery, action: aws.cognito.exportUsers, with: { userPoolId: "
                + pool + ", bucket: " + bucket + ", key: cognito/users.json } }";
    }

    private static String poolOfThree(String name) {
        CognitoIdentityProviderClient cognito =
                aws.get(CognitoIdentityProviderClient.class, CognitoIdentityProviderClient::builder, null);
        String pool = cognito.createUserPool(r -> r.poolName(name)).userPool().id();
        for (String user : new String[] {"ana", "bo", "cy"})
            cognito.adminCreateUser(r -> r.userPoolId(pool).username(user));
        return pool;
    }

    @Test
    void cognitoExportReadsBackTheObjectsSizeAndSha256() throws Exception {
        bucket("rb-export");
        StepRun step = OneStep.run(dir, aws, export(poolOfThree("rb-export-users"), "rb-export"));

        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        long size = s3.headObject(r -> r.bucket("rb-export").key("cognito/users.json"))
                .contentLength();
        assertThat(step.message())
                .endsWith("Checked: s3://rb-export/cognito/users.json reads back with " + size
                        + " bytes and the SHA-256" + " uploaded (HeadObject)");
        assertThat(step.outputs()).containsEntry("count", 3);
    }

    @Test
    void cognitoExportDeletedBeforeTheReadBackFailsTheStep() throws Exception {
        bucket("rb-export-tampered");
        StepRun step = OneStep.tampered(
                dir,
                aws,
                export(poolOfThree("rb-export-tampered-users"), "rb-export-tampered"),
                "PutObject",
                () -> s3.deleteObject(r -> r.bucket("rb-export-tampered").key("cognito/users.json")));

        assertThat(step.state()).isEqualTo(StepState.FAILED);
        assertThat(step.message())
                .startsWith("Expected s3://rb-export-tampered/cognito/users.json to hold the ")
                .contains(" bytes uploaded (SHA-256 ", "), found no object: something else wrote or deleted it");
    }
}
