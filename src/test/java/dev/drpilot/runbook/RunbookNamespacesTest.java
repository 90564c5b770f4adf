package dev.drpilot.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Kubernetes step of a shipped runbook takes its namespace from a k8s-namespace parameter,
 * never from a literal: a team whose Druid runs elsewhere than "druid" gives it once, when the
 * incident starts, and no step acts on the wrong namespace.
 */
class RunbookNamespacesTest {

    @Test
    void everyKubernetesStepTakesItsNamespaceFromAK8sNamespaceParameter() {
        var loaded = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(Path.of("runbooks")));
        assertThat(loaded.problems()).isEmpty();
        List<String> named = new ArrayList<>();
        List<String> literal = new ArrayList<>();
        for (Runbook runbook : loaded.runbooks()) {
            for (Step step : runbook.steps()) {
                Object namespace = step.isManual() || Backend.ofActionId(step.action()) != Backend.K8S
                        ? null
                        : step.with().get("namespace");
                if (namespace == null) continue;
                String where = runbook.id() + " step " + step.id() + ": namespace: " + namespace;
                named.add(where);
                if (!fromNamespaceParameter(runbook, namespace)) literal.add(where);
            }
        }
        assertThat(named).as("Kubernetes steps that name a namespace").isNotEmpty();
        assertThat(literal)
                .as("steps whose namespace is not a ${parameter} of type k8s-namespace")
                .isEmpty();
    }

    private static boolean fromNamespaceParameter(Runbook runbook, Object value) {
        if (!(value instanceof String text) || !Reference.isWhole(text)) return false;
        Reference reference = Reference.in(text).get(0);
        return !reference.isStepOutput()
                && !reference.isBuiltIn()
                && runbook.param(reference.name())
                        .map(p -> p.type() == ParamType.K8S_NAMESPACE)
                        .orElse(false);
    }
}
