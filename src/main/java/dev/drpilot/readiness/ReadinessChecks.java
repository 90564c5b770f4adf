package dev.drpilot.readiness;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.DynamoDbDescribeContinuousBackups;
import dev.drpilot.action.aws.DynamoDbListBackups;
import dev.drpilot.action.aws.IamSimulatePrincipalPolicy;
import dev.drpilot.action.aws.LambdaGetAlias;
import dev.drpilot.action.aws.LambdaListVersions;
import dev.drpilot.action.aws.RdsDescribeInstance;
import dev.drpilot.action.aws.RdsDescribeSnapshots;
import dev.drpilot.action.aws.S3GetLifecycle;
import dev.drpilot.action.aws.S3GetReplication;
import dev.drpilot.action.aws.S3GetVersioning;
import dev.drpilot.action.aws.S3HeadObject;
import dev.drpilot.action.aws.S3NewestObjects;
import dev.drpilot.action.aws.StsGetCallerIdentity;
import dev.drpilot.action.k8s.AccessReview;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.runbook.RequiredPermissions;
import dev.drpilot.runbook.Runbook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The guide's targets as checks on one account, in the guide's order (Druid, then WebApp), for
 * the resources of a readiness config; each read goes through the catalogue's read-only actions.
 */
public final class ReadinessChecks {

    private final AwsClients clients;
    private final KubeClients kube;
    private final Clock clock;
    private final ReadContext context;
    private final List<Runbook> runbooks;
    private final ActionCatalog catalog;
    private final boolean preconditions;

    /** @param clock what "now" is for every age (the tests move it to age a snapshot moto cannot backdate) */
    public ReadinessChecks(AwsClients clients, Clock clock) {
        this(clients, null, clock, List.of(), ActionCatalog.builtIn(), false);
    }

    /**
     * @param runbooks the runbooks whose preconditions (the IAM actions they call) are checked, and whose
     *                 dependencies on a region's control planes the report lists
     * @param kube     the cluster the Kubernetes runbooks' access is reviewed on (the operator's kubeconfig)
     * @param preconditions whether the runbooks' preconditions are checked (the dependencies are listed either way)
     */
    public ReadinessChecks(
            AwsClients clients,
            KubeClients kube,
            Clock clock,
            List<Runbook> runbooks,
            ActionCatalog catalog,
            boolean preconditions) {
        this.clients = clients;
        this.kube = kube;
        this.clock = clock;
        this.context = new ReadContext(clock);
        this.runbooks = List.copyOf(runbooks);
        this.catalog = catalog;
        this.preconditions = preconditions;
    }

    public List<ReadinessCheck> checks(ReadinessConfig config) {
        String region = config.region();
        List<ReadinessCheck> all = new ArrayList<>();
        if (config.rdsInstance() != null) {
            ActionRead describe = read(new RdsDescribeInstance(clients));
            ActionRead snapshots = read(new RdsDescribeSnapshots(clients));
            String instance = config.rdsInstance();
            all.add(new RdsLatestRestorableCheck(describe, instance, region));
            all.add(new RdsRetentionCheck(describe, instance, region));
            all.add(new RdsBackupWindowCheck(describe, instance, region));
            all.add(RdsSnapshotAgeCheck.primary(snapshots, instance, region, config.manualSnapshotEvery()));
            if (config.drRegion() != null)
                all.add(RdsSnapshotAgeCheck.drCopy(
                        snapshots, instance, config.drRegion(), config.manualSnapshotEvery()));
            all.add(new RdsSnapshotRetentionCheck(snapshots, instance, region));
        }
        if (config.deepStorageBucket() != null) {
            String bucket = config.deepStorageBucket();
            all.add(new S3VersioningCheck(read(new S3GetVersioning(clients)), bucket, region));
            all.add(new S3ReplicationCheck(
                    read(new S3GetReplication(clients)), bucket, config.replicaBucket(), region));
            all.add(new S3ReplicationStatusCheck(
                    read(new S3NewestObjects(clients)), read(new S3HeadObject(clients)), bucket, region));
            all.add(new S3LifecycleCheck(read(new S3GetLifecycle(clients)), bucket, region));
        }
        if (config.druidBackupBucket() != null) {
            all.add(S3ExpiryCheck.kubernetesBackups(
                    read(new S3GetLifecycle(clients)), config.druidBackupBucket(), region));
            all.add(NewestBackupAgeCheck.kubernetesBackup(
                    read(new S3NewestObjects(clients)), config.druidBackupBucket(), region));
        }
        if (config.table() != null) {
            all.add(new DynamoDbPitrCheck(
                    read(new DynamoDbDescribeContinuousBackups(clients)), config.table(), region));
            all.add(new DynamoDbBackupRetentionCheck(read(new DynamoDbListBackups(clients)), config.table(), region));
        }
        if (config.function() != null && config.alias() != null) {
            all.add(new LambdaAliasCheck(
                    read(new LambdaListVersions(clients)),
                    read(new LambdaGetAlias(clients)),
                    config.function(),
                    config.alias(),
                    region));
        }
        if (config.webappBackupBucket() != null) {
            all.add(S3ExpiryCheck.cognitoExports(
                    read(new S3GetLifecycle(clients)), config.webappBackupBucket(), region));
            all.add(NewestBackupAgeCheck.cognitoExport(
                    read(new S3NewestObjects(clients)), config.webappBackupBucket(), region));
        }
        Map<String, Set<String>> iamByRunbook = new TreeMap<>();
        Map<String, Set<String>> rbacByRunbook = new TreeMap<>();
        for (Runbook runbook : preconditions ? runbooks : List.<Runbook>of()) {
            RequiredPermissions needed = RequiredPermissions.of(runbook, catalog);
            if (!needed.iamActions().isEmpty()) iamByRunbook.put(runbook.id(), needed.iamActions());
            Set<String> rbac = new TreeSet<>();
            needed.rbacVerbsByResource()
                    .forEach((resource, verbs) -> verbs.forEach(verb -> rbac.add(verb + " " + resource)));
            if (!rbac.isEmpty()) rbacByRunbook.put(runbook.id(), rbac);
        }
        if (!iamByRunbook.isEmpty()) {
            all.add(new RunbookIamCheck(
                    read(new StsGetCallerIdentity(clients)),
                    read(new IamSimulatePrincipalPolicy(clients)),
                    iamByRunbook));
        }
        if (!rbacByRunbook.isEmpty()) all.add(new RunbookRbacCheck(read(new AccessReview(kube)), rbacByRunbook));
        return all;
    }

    /** Every check of the config, run one after the other. */
    public ReadinessReport run(ReadinessConfig config) {
        List<ReadinessRow> rows =
                checks(config).stream().map(ReadinessCheck::check).toList();
        return new ReadinessReport(
                clock.instant(), context.identity().orElse(null), rows, RegionDependency.of(runbooks, catalog));
    }

    private ActionRead read(dev.drpilot.action.Action action) {
        return new ActionRead(action, context);
    }
}
