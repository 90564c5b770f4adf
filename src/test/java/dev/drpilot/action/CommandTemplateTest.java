package dev.drpilot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

    private final CommandTemplate restore = CommandTemplate.of("aws rds restore-db-instance-to-point-in-time"
            + " --source-db-instance-identifier {source} --target-db-instance-identifier {target}"
            + " [--restore-time {restoreTime}] [--use-latest-restorable-time{latest?}]");

    @Test
    void fillsArgumentsAndDropsOptionalPartsThatAreNotGiven() {
        String command = restore.render(
                Map.of(
                        "source",
                        "druid-metadata",
                        "target",
                        "druid-metadata-restored",
                        "restoreTime",
                        "2024-01-15T10:25:00Z"),
                Set.of());

        assertThat(command)
                .isEqualTo(
                        "aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier druid-metadata"
                                + " --target-db-instance-identifier druid-metadata-restored --restore-time 2024-01-15T10:25:00Z");
    }

    @Test
    void aBooleanFlagAppearsOnlyWhenTrue() {
        assertThat(restore.render(Map.of("source", "a", "target", "b", "latest", true), Set.of()))
                .endsWith("--target-db-instance-identifier b --use-latest-restorable-time");
        assertThat(restore.render(Map.of("source", "a", "target", "b", "latest", false), Set.of()))
                .endsWith("--target-db-instance-identifier b");
    }

    @Test
    void quotesValuesForAShellAndShowsUnknownValuesAsPlaceholders() {
        CommandTemplate scan = CommandTemplate.of("aws dynamodb scan --table-name {table} --filter-expression {filter}"
                + " --expression-attribute-values {values}");

        String command =
                scan.render(Map.of("filter", "id = :id", "values", Map.of(":id", Map.of("S", "it's-me"))), Set.of());

        assertThat(command)
                .isEqualTo("aws dynamodb scan --table-name <table> --filter-expression 'id = :id'"
                        + " --expression-attribute-values '{\":id\":{\"S\":\"it'\"'\"'s-me\"}}'");
    }

    @Test
    void masksSensitiveArgumentsAndGivesEachListElementItsOwnWord() {
        CommandTemplate template = CommandTemplate.of("tool --secret {secret} --names {names}");

        assertThat(template.render(Map.of("secret", "hunter2", "names", List.of("a", "b c")), Set.of("secret")))
                .isEqualTo("tool --secret **** --names a 'b c'");
    }

    @Test
    void joinsWithCommasOrRepeatsTheCommandPerElementWhenTheToolTakesOneAtATime() {
        assertThat(CommandTemplate.of("kubectl get {kinds,} -n {ns}")
                        .render(Map.of("kinds", List.of("deployment", "statefulset"), "ns", "druid"), Set.of()))
                .isEqualTo("kubectl get deployment,statefulset -n druid");
        assertThat(CommandTemplate.of("kubectl rollout status {kind} {names@} -n {ns}")
                        .render(
                                Map.of(
                                        "kind",
                                        "StatefulSet",
                                        "names",
                                        List.of("druid-coordinator", "druid-overlord"),
                                        "ns",
                                        "druid"),
                                Set.of()))
                .isEqualTo(
                        "kubectl rollout status StatefulSet druid-coordinator -n druid && kubectl rollout status StatefulSet druid-overlord -n druid");
    }

    @Test
    void aUrlEndingInASlashIsNotDoubledBeforeAPath() {
        assertThat(CommandTemplate.of("curl -X POST {url}/druid/v1")
                        .render(Map.of("url", "http://coordinator:8081/"), Set.of()))
                .isEqualTo("curl -X POST http://coordinator:8081/druid/v1");
    }

    @Test
    void refusesNestedOrUnbalancedOptionalParts() {
        assertThatThrownBy(() -> CommandTemplate.of("a [b [c]]")).hasMessageContaining("nested");
        assertThatThrownBy(() -> CommandTemplate.of("a [b")).hasMessageContaining("unbalanced");
    }
}
