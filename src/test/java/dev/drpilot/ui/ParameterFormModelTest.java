package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionException;
import dev.drpilot.engine.TestClock;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wizard's logic without a screen: defaults, secrets, read-backs, offers, and a declaration only of values that pass. */
class ParameterFormModelTest {

    private static final Runbook RUNBOOK = new RunbookLoader(ShippedScenarios.CATALOG)
            .loadText(Path.of("restore.yaml"), """
            id: restore
            title: Restore the table
            summary: "  Restores the table to a point in time.  "
            architecture: webapp
            kind: recovery
            targets: { rto: PT1H, rpo: PT5M }
            params:
              - { name: table, type: string, default: orders }
              - { name: apiToken, type: secret, default: kept-in-the-runbook }
              - { name: dryRun, type: boolean, default: "true" }
              - { name: region, type: aws-region, default: us-west-2 }
              - { name: namespace, type: k8s-namespace }
              - { name: restoreTime, type: instant, hint: before the first bad write }
            steps:
              - { id: tell, title: Tell the team, phase: immediate, manual: "Restoring ${table}." }
            """)
            .runbooks()
            .getFirst();

    private final TestClock clock = new TestClock(Instant.parse("2024-01-15T10:30:00.750Z"));
    private final List<Map<String, String>> declared = new ArrayList<>();

    @Test
    void startsFromTheDefaultsButNeverASecretsAndDeclaresOnlyWhatPasses() {
        ParameterFormModel model = model(IncidentMode.LIVE, ParameterSuggestions.NONE);
        assertThat(model.title()).isEqualTo("Restore the table");
        assertThat(model.targets())
                .isEqualTo("RTO " + RUNBOOK.targets().rto().label() + "  ·  RPO "
                        + RUNBOOK.targets().rpo().label() + "\nRestores the table to a point in time.");
        assertThat(model.declareLabel()).isEqualTo("Declare incident");
        assertThat(model.values())
                .containsExactly(
                        Map.entry("table", "orders"), Map.entry("dryRun", "true"), Map.entry("region", "us-west-2"));

        field(model, "restoreTime").value().set("2024-01-15T10:25");
        assertThat(field(model, "restoreTime").note().get())
                .isEqualTo("not a UTC time yet: write 2024-01-15T10:25:00Z");
        model.declare();
        assertThat(model.errors().get())
                .startsWith("Not declared, nothing was called: ")
                .contains("restoreTime");
        assertThat(declared).isEmpty();

        field(model, "restoreTime").value().set(" 2024-01-15T10:25:00Z ");
        assertThat(field(model, "restoreTime").note().get()).isEqualTo("Mon 15 Jan 2024, 10:25:00 UTC, 5 min ago");
        field(model, "apiToken").value().set("typed-token-4471");
        field(model, "namespace").value().set("orders");
        model.declare();
        assertThat(model.errors().get()).isEmpty();
        assertThat(declared)
                .singleElement()
                .satisfies(values -> assertThat(values)
                        .containsEntry("apiToken", "typed-token-4471")
                        .containsEntry("restoreTime", "2024-01-15T10:25:00Z"));
    }

    @Test
    void fiveMinutesAgoIsOnTheFormsClockToTheSecond() {
        ParameterFormModel model = model(IncidentMode.REHEARSAL, ParameterSuggestions.NONE);
        assertThat(model.declareLabel()).isEqualTo("Start rehearsal");
        model.fiveMinutesAgo(field(model, "restoreTime"));
        assertThat(field(model, "restoreTime").value().get()).isEqualTo("2024-01-15T10:25:00Z");
    }

    @Test
    void offersWhatTheAccountAndClusterHaveOrSaysWhyNothingIsOffered() {
        ParameterFormModel model = model(IncidentMode.LIVE, new ParameterSuggestions() {
            @Override
            public List<String> regions() {
                return List.of("us-west-2", "us-east-1");
            }

            @Override
            public List<String> namespaces() throws ActionException {
                throw new ActionException("the kubeconfig names no cluster: set KUBECONFIG", false, null);
            }

            @Override
            public Optional<String> restorableWindow(Runbook runbook, Map<String, String> values) {
                return Optional.of("the table " + values.get("table") + " can be restored from 2024-01-08T10:30:00Z");
            }
        });
        assertThat(field(model, "region").offered()).containsExactly("us-west-2", "us-east-1");
        assertThat(field(model, "namespace").offered()).isEmpty();
        assertThat(field(model, "namespace").note().get())
                .isEqualTo("type it (could not list: the kubeconfig names no cluster: set KUBECONFIG)");

        model.checkRestorableWindow(field(model, "restoreTime"));
        assertThat(field(model, "restoreTime").window().get())
                .isEqualTo("the table orders can be restored from 2024-01-08T10:30:00Z");
    }

    @Test
    void hintsAndLabelsSayWhatIsNeeded() {
        ParameterFormModel model = model(IncidentMode.LIVE, ParameterSuggestions.NONE);
        assertThat(ParameterFormModel.label(field(model, "restoreTime").param()))
                .isEqualTo("restoreTime *");
        assertThat(ParameterFormModel.label(field(model, "table").param())).isEqualTo("table");
        assertThat(ParameterFormModel.hint(field(model, "restoreTime").param()))
                .isEqualTo("before the first bad write");
    }

    private ParameterFormModel model(IncidentMode mode, ParameterSuggestions suggestions) {
        return new ParameterFormModel(
                RUNBOOK,
                mode,
                suggestions,
                new SameThreadTaskRunner(),
                clock,
                (runbook, values) -> declared.add(values));
    }

    private static ParameterFormModel.Field field(ParameterFormModel model, String name) {
        return model.fields().stream()
                .filter(f -> f.param().name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
