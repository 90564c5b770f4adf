package dev.drpilot.app.wiring;

import dev.drpilot.action.Action;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.aws.CloudWatchDescribeAlarms;
import dev.drpilot.action.aws.CloudWatchPutMetricAlarm;
import dev.drpilot.action.aws.CognitoExportUsers;
import dev.drpilot.action.aws.CognitoListUsers;
import dev.drpilot.action.aws.DynamoDbBatchWrite;
import dev.drpilot.action.aws.DynamoDbCheckItems;
import dev.drpilot.action.aws.DynamoDbCreateBackup;
import dev.drpilot.action.aws.DynamoDbDeleteTable;
import dev.drpilot.action.aws.DynamoDbDescribeContinuousBackups;
import dev.drpilot.action.aws.DynamoDbDescribeTable;
import dev.drpilot.action.aws.DynamoDbEnablePitr;
import dev.drpilot.action.aws.DynamoDbExportToS3;
import dev.drpilot.action.aws.DynamoDbFindDeleted;
import dev.drpilot.action.aws.DynamoDbListBackups;
import dev.drpilot.action.aws.DynamoDbRestoreFromBackup;
import dev.drpilot.action.aws.DynamoDbRestoreToPointInTime;
import dev.drpilot.action.aws.DynamoDbScan;
import dev.drpilot.action.aws.DynamoDbWaitForTable;
import dev.drpilot.action.aws.IamSimulatePrincipalPolicy;
import dev.drpilot.action.aws.LambdaGetAlias;
import dev.drpilot.action.aws.LambdaListVersions;
import dev.drpilot.action.aws.LambdaPublishVersion;
import dev.drpilot.action.aws.LambdaUpdateAlias;
import dev.drpilot.action.aws.LogsDescribeRetention;
import dev.drpilot.action.aws.RdsCopySnapshotToRegion;
import dev.drpilot.action.aws.RdsCreateSnapshot;
import dev.drpilot.action.aws.RdsDeleteInstance;
import dev.drpilot.action.aws.RdsDeleteSnapshot;
import dev.drpilot.action.aws.RdsDeleteSnapshotsOlderThan;
import dev.drpilot.action.aws.RdsDescribeInstance;
import dev.drpilot.action.aws.RdsDescribeSnapshots;
import dev.drpilot.action.aws.RdsModifyBackupRetention;
import dev.drpilot.action.aws.RdsRestoreFromSnapshot;
import dev.drpilot.action.aws.RdsRestoreToPointInTime;
import dev.drpilot.action.aws.RdsWaitForStatus;
import dev.drpilot.action.aws.Route53ChangeRecordSets;
import dev.drpilot.action.aws.Route53CreateHealthCheck;
import dev.drpilot.action.aws.Route53GetHealthCheckStatus;
import dev.drpilot.action.aws.Route53ListHealthChecks;
import dev.drpilot.action.aws.Route53WaitInsync;
import dev.drpilot.action.aws.S3CheckReadable;
import dev.drpilot.action.aws.S3GetLifecycle;
import dev.drpilot.action.aws.S3GetReplication;
import dev.drpilot.action.aws.S3GetVersioning;
import dev.drpilot.action.aws.S3HeadObject;
import dev.drpilot.action.aws.S3ListDeleteMarkers;
import dev.drpilot.action.aws.S3NewestObjects;
import dev.drpilot.action.aws.S3PutLifecycle;
import dev.drpilot.action.aws.S3PutReplication;
import dev.drpilot.action.aws.S3PutVersioning;
import dev.drpilot.action.aws.S3RemoveDeleteMarkers;
import dev.drpilot.action.aws.S3UploadFile;
import dev.drpilot.action.aws.SecretsManagerUpdateSecret;
import dev.drpilot.action.aws.StsGetCallerIdentity;
import dev.drpilot.action.http.DnsLookup;
import dev.drpilot.action.http.DruidMarkUsed;
import dev.drpilot.action.http.DruidSegmentCount;
import dev.drpilot.action.http.HealthCheck;
import dev.drpilot.action.k8s.AccessReview;
import dev.drpilot.action.k8s.HelmExportReleases;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.action.k8s.NodesCordon;
import dev.drpilot.action.k8s.NodesDelete;
import dev.drpilot.action.k8s.NodesDrain;
import dev.drpilot.action.k8s.NodesList;
import dev.drpilot.action.k8s.NodesListByZone;
import dev.drpilot.action.k8s.NodesWaitReady;
import dev.drpilot.action.k8s.PodsDelete;
import dev.drpilot.action.k8s.PodsList;
import dev.drpilot.action.k8s.PodsPreviousLogs;
import dev.drpilot.action.k8s.PodsWaitReady;
import dev.drpilot.action.k8s.ResourcesApplyDryRun;
import dev.drpilot.action.k8s.ResourcesExport;
import dev.drpilot.action.k8s.RolloutRestart;
import dev.drpilot.action.k8s.RolloutWaitComplete;
import dev.drpilot.action.process.CdkDeploy;
import dev.drpilot.action.process.GitTag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The live actions from plain constructors, and the operator's AWS settings: the one place that knows every implementation. */
public final class EngineWiring {

    private EngineWiring() {}

    /** The action implementations of this version (the manual action is always there). */
    public static List<Action> actions(AwsClients aws, KubeClients kube) {
        return actions(aws, kube, () -> System.getenv("DRPILOT_BACKUP_KEY"));
    }

    /** @param backupKey the key Secrets are encrypted with in a Kubernetes backup (base64, 32 bytes), or null */
    public static List<Action> actions(AwsClients aws, KubeClients kube, Supplier<String> backupKey) {
        List<Action> all = new ArrayList<>(awsActions(aws));
        all.addAll(kubernetesActions(kube, backupKey));
        all.addAll(List.of(
                new HealthCheck(),
                new DruidMarkUsed(),
                new DruidSegmentCount(),
                new DnsLookup(),
                new CdkDeploy(firstOf(System.getenv("DRPILOT_CDK"), "cdk")),
                new GitTag(firstOf(System.getenv("DRPILOT_GIT"), "git"))));
        return all;
    }

    private static List<Action> kubernetesActions(KubeClients kube, Supplier<String> backupKey) {
        return List.of(
                new PodsList(kube),
                new PodsPreviousLogs(kube),
                new PodsDelete(kube),
                new PodsWaitReady(kube),
                new NodesList(kube),
                new NodesListByZone(kube),
                new NodesCordon(kube),
                new NodesDrain(kube),
                new NodesDelete(kube),
                new NodesWaitReady(kube),
                new RolloutRestart(kube),
                new RolloutWaitComplete(kube),
                new ResourcesExport(kube, backupKey),
                new HelmExportReleases(kube),
                new ResourcesApplyDryRun(kube),
                new AccessReview(kube));
    }

    private static List<Action> awsActions(AwsClients aws) {
        return List.of(
                new StsGetCallerIdentity(aws),
                new RdsDescribeInstance(aws),
                new RdsRestoreToPointInTime(aws),
                new RdsWaitForStatus(aws),
                new SecretsManagerUpdateSecret(aws),
                new S3GetVersioning(aws),
                new S3PutVersioning(aws),
                new S3ListDeleteMarkers(aws),
                new S3RemoveDeleteMarkers(aws),
                new DynamoDbRestoreToPointInTime(aws),
                new DynamoDbWaitForTable(aws),
                new DynamoDbScan(aws),
                new DynamoDbFindDeleted(aws),
                new DynamoDbBatchWrite(aws),
                new DynamoDbDeleteTable(aws),
                new DynamoDbCheckItems(aws),
                new S3CheckReadable(aws),
                new RdsCreateSnapshot(aws),
                new RdsDescribeSnapshots(aws),
                new RdsRestoreFromSnapshot(aws),
                new RdsDeleteInstance(aws),
                new CloudWatchPutMetricAlarm(aws),
                new CloudWatchDescribeAlarms(aws),
                new Route53CreateHealthCheck(aws),
                new Route53ListHealthChecks(aws),
                new Route53ChangeRecordSets(aws),
                new Route53WaitInsync(aws),
                new RdsModifyBackupRetention(aws),
                new RdsCopySnapshotToRegion(aws),
                new RdsDeleteSnapshot(aws),
                new RdsDeleteSnapshotsOlderThan(aws),
                new S3PutReplication(aws),
                new S3GetReplication(aws),
                new S3PutLifecycle(aws),
                new S3GetLifecycle(aws),
                new S3NewestObjects(aws),
                new S3HeadObject(aws),
                new S3UploadFile(aws),
                new DynamoDbEnablePitr(aws),
                new DynamoDbDescribeContinuousBackups(aws),
                new DynamoDbCreateBackup(aws),
                new DynamoDbListBackups(aws),
                new DynamoDbRestoreFromBackup(aws),
                new DynamoDbDescribeTable(aws),
                new DynamoDbExportToS3(aws),
                new LambdaPublishVersion(aws),
                new LambdaListVersions(aws),
                new LambdaGetAlias(aws),
                new LambdaUpdateAlias(aws),
                new CognitoListUsers(aws),
                new CognitoExportUsers(aws),
                new IamSimulatePrincipalPolicy(aws),
                new Route53GetHealthCheckStatus(aws),
                new LogsDescribeRetention(aws));
    }

    /**
     * The operator's AWS settings, as the AWS CLI reads them: AWS_PROFILE, AWS_REGION (or
     * AWS_DEFAULT_REGION, else us-west-2, the guide's primary), and an endpoint override in
     * DRPILOT_AWS_ENDPOINT (or the SDKs' standard AWS_ENDPOINT_URL) for a sandbox or an emulator. No client is built until a step needs one.
     */
    public static AwsSettings awsSettings() {
        String region = firstOf(System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"), "us-west-2");
        String endpoint = firstOf(System.getenv("DRPILOT_AWS_ENDPOINT"), System.getenv("AWS_ENDPOINT_URL"));
        return AwsSettings.of(
                System.getenv("AWS_PROFILE"),
                region,
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
    }

    /** The window's AWS profile, region and endpoint where it gives them (blank where not), else the environment's. */
    public static AwsSettings awsSettings(String profile, String region, String endpoint) {
        AwsSettings environment = awsSettings();
        return AwsSettings.of(
                firstOf(profile, environment.profile()),
                firstOf(region, environment.region()),
                !endpoint.isEmpty() ? URI.create(endpoint) : environment.endpoint());
    }

    /** The operator's kubeconfig, on the window's context where it gives one (blank where not), else the environment's. */
    public static KubeSettings kubeSettings(String context) {
        KubeSettings environment = KubeSettings.fromEnvironment();
        return new KubeSettings(environment.kubeconfig(), firstOf(context, environment.context()));
    }

    private static String firstOf(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
