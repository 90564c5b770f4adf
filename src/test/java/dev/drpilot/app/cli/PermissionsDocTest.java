package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.runbook.RequiredPermissions;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsDocTest {

    private final List<Runbook> shipped = new RunbookLoader(ActionCatalog.builtIn())
            .load(List.of(Path.of("runbooks")))
            .runbooks();

    private Runbook runbook(String id) {
        return shipped.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void docsPermissionsMdIsGeneratedFromTheCatalogue() throws Exception {
        assertThat(Files.readString(Path.of("docs/permissions.md")))
                .as(
                        "docs/permissions.md is stale: regenerate it with `java -jar target/drpilot.jar permissions > docs/permissions.md`")
                .isEqualTo(PermissionsCommand.markdown(shipped, ActionCatalog.builtIn()));
    }

    @Test
    void theRdsCorruptionRunbookNeedsExactlyItsOwnCallsAndRbacVerbs() {
        RequiredPermissions needed = RequiredPermissions.of(runbook("druid-rds-corruption"), ActionCatalog.builtIn());

        assertThat(needed.iamActions())
                .containsExactly(
                        "rds:DescribeDBInstances",
                        "rds:RestoreDBInstanceToPointInTime",
                        "secretsmanager:GetSecretValue",
                        "secretsmanager:PutSecretValue");
        assertThat(needed.rbacVerbsByResource()).containsKeys("statefulsets");
        assertThat(needed.rbacVerbsByResource().get("statefulsets")).contains("patch", "get");
        assertThat(needed.iamPolicyJson())
                .contains("\"rds:RestoreDBInstanceToPointInTime\",")
                .contains("\"Resource\": \"*\"");
    }

    @Test
    void theChecklistNeedsNothing() {
        assertThat(RequiredPermissions.of(runbook("recovery-checklist"), ActionCatalog.builtIn())
                        .needsNothing())
                .isTrue();
    }
}
