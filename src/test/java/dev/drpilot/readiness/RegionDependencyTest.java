package dev.drpilot.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.CommandTemplate;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbooks that need us-east-1 or a global endpoint, read from the APIs their actions' contracts name. */
class RegionDependencyTest {

    @TempDir
    Path dir;

    @Test
    void theShippedRunbooksThatFailWithUsEast1AreTheRegionFailuresTheDnsMonitoringAndTheQuarterlyTest() {
        List<Runbook> shipped = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks")))
                .runbooks();

        List<RegionDependency> found = RegionDependency.of(shipped, ActionCatalog.builtIn());

        assertThat(found)
                .extracting(RegionDependency::runbook, d -> d.plane().apiPrefix(), RegionDependency::actions)
                .containsExactly(
                        tuple("dr-drill-quarterly", "STS ", List.of("aws.sts.getCallerIdentity")),
                        tuple(
                                "dr-readiness-monitoring",
                                "Route 53 ",
                                List.of("aws.route53.listHealthChecks", "aws.route53.getHealthCheckStatus")),
                        tuple("dr-setup-monitoring", "Route 53 ", List.of("aws.route53.createHealthCheck")),
                        tuple(
                                "druid-region-failure",
                                "Route 53 ",
                                List.of("aws.route53.changeRecordSets", "aws.route53.waitInsync")),
                        tuple("druid-region-failure", "runs cdk ", List.of("process.cdkDeploy")),
                        tuple(
                                "webapp-region-failure",
                                "Route 53 ",
                                List.of("aws.route53.changeRecordSets", "aws.route53.waitInsync")),
                        tuple("webapp-region-failure", "runs cdk ", List.of("process.cdkDeploy")));
        assertThat(found.get(3).plane().alternative())
                .startsWith("Route 53 Application Recovery Controller routing controls");
        assertThat(found.get(0).plane().alternative()).contains("sts.REGION.amazonaws.com");
    }

    /** A new action that calls IAM is flagged by its contract alone, with no word about it in the runbook or here. */
    @Test
    void anActionWhoseContractCallsIamIsFlaggedWithNoRegionalAlternative() throws Exception {
        List<ActionContract> contracts = new ArrayList<>(ActionCatalog.builtIn().all());
        contracts.add(new ActionContract(
                "aws.iam.createRole",
                "Create a role",
                "IAM CreateRole",
                "iam:CreateRole",
                false,
                List.of(),
                List.of(),
                CommandTemplate.of("aws iam create-role"),
                "the role reads back (GetRole)"));
        ActionCatalog catalog = ActionCatalog.of(contracts);
        Files.writeString(dir.resolve("make-role.yaml"), """
                id: make-role
                title: Make the DR role
                architecture: both
                kind: recovery
                targets: { rto: none, rpo: none }
                steps:
                  - { id: pods, title: Pods, phase: immediate, action: k8s.pods.list, with: { namespace: druid } }
                  - { id: role, title: Role, phase: recovery, action: aws.iam.createRole, with: {} }
                """);
        List<Runbook> runbooks = new RunbookLoader(catalog).load(List.of(dir)).runbooks();

        List<RegionDependency> found = RegionDependency.of(runbooks, catalog);

        assertThat(found)
                .extracting(RegionDependency::runbook, RegionDependency::actions)
                .containsExactly(tuple("make-role", List.of("aws.iam.createRole")));
        assertThat(found.getFirst().plane().dependency()).startsWith("IAM's control plane (us-east-1)");
        assertThat(found.getFirst().plane().alternative()).isNull();
    }
}
