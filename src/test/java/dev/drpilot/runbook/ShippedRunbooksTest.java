package dev.drpilot.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runbooks in runbooks/ are valid and cover every procedure of the DR guide. */
class ShippedRunbooksTest {

    private static RunbookLoader.Result result;
    private static Map<String, Runbook> byId;

    @BeforeAll
    static void load() {
        result = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(Path.of("runbooks")));
        byId = result.runbooks().stream().collect(Collectors.toMap(Runbook::id, Function.identity()));
    }

    @Test
    void everyShippedRunbookIsValid() {
        assertThat(result.problems()).as("problems in runbooks/").isEmpty();
    }

    @Test
    void everyRecoveryScenarioOfTheGuideHasARunbook() {
        assertThat(byId)
                .containsKeys(
                        "druid-pod-failure",
                        "druid-node-failure",
                        "druid-rds-corruption",
                        "druid-az-failure",
                        "druid-region-failure",
                        "druid-s3-segment-deletion",
                        "webapp-lambda-failure",
                        "webapp-api-gateway-failure",
                        "webapp-az-failure",
                        "webapp-region-failure",
                        "webapp-data-corruption",
                        "webapp-dynamodb-item-deletion");
        assertThat(byId.values().stream().filter(r -> r.kind() == RunbookKind.RECOVERY))
                .allSatisfy(
                        r -> assertThat(r.symptoms()).as(r.id() + " symptoms").isNotEmpty());
    }

    @Test
    void everyBackupProcedureDrillAndCheckHasARunbook() {
        assertThat(byId)
                .containsKeys(
                        "druid-backup-rds-retention",
                        "druid-backup-rds-snapshot",
                        "druid-backup-rds-copy-to-dr",
                        "druid-backup-rds-snapshot-cleanup",
                        "druid-backup-s3-versioning",
                        "druid-backup-s3-replication",
                        "druid-backup-s3-lifecycle",
                        "druid-backup-eks-export",
                        "webapp-backup-dynamodb-pitr",
                        "webapp-backup-dynamodb-on-demand",
                        "webapp-backup-dynamodb-export",
                        "webapp-backup-lambda-version",
                        "webapp-backup-cognito-export",
                        "dr-drill-monthly",
                        "dr-drill-quarterly",
                        "dr-readiness-druid-retention",
                        "dr-readiness-webapp-retention",
                        "dr-readiness-monitoring",
                        "dr-setup-monitoring",
                        "recovery-checklist");
    }

    @Test
    void targetsAreTheGuidesTables() {
        assertThat(byId.get("druid-pod-failure").targets().rto().label()).isEqualTo("< 5 min");
        assertThat(byId.get("druid-node-failure").targets().rto().label()).isEqualTo("< 10 min");
        assertThat(byId.get("druid-region-failure").targets().rto().notation()).isEqualTo("PT2H/PT4H");
        assertThat(byId.get("webapp-region-failure").targets().rpo().notation()).isEqualTo("PT1S");
        assertThat(byId.get("webapp-lambda-failure").targets().rpo().isNone()).isTrue();
    }

    @Test
    void theChecklistHasTheGuidesSixteenItemsInItsFourPhases() {
        Runbook checklist = byId.get("recovery-checklist");

        assertThat(checklist.steps())
                .hasSize(16)
                .allSatisfy(s -> assertThat(s.isManual()).isTrue());
        assertThat(checklist.steps().stream().collect(Collectors.groupingBy(Step::phase, Collectors.counting())))
                .containsOnly(
                        Map.entry(Phase.IMMEDIATE, 4L),
                        Map.entry(Phase.RECOVERY, 4L),
                        Map.entry(Phase.VALIDATION, 4L),
                        Map.entry(Phase.POST_RECOVERY, 4L));
    }

    @Test
    void everyDestructiveStepAsksForAConfirmation() {
        assertThat(result.runbooks().stream().flatMap(r -> r.steps().stream()).filter(Step::destructive))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.confirm()).as(s.id()).isNotBlank());
    }
}
