package dev.drpilot.readiness;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A runbook that cannot finish without a control plane outside its region (ControlPlane), read from
 * its steps' actions.
 *
 * @param runbook the runbook's id
 * @param plane   the control plane it needs
 * @param actions the catalogue actions of its steps that call it
 */
public record RegionDependency(String runbook, ControlPlane plane, List<String> actions) {

    public RegionDependency {
        actions = List.copyOf(actions);
    }

    /** Every such dependency of the runbooks, by runbook id, then in the order of ControlPlane.KNOWN. */
    public static List<RegionDependency> of(List<Runbook> runbooks, ActionCatalog catalog) {
        List<RegionDependency> all = new ArrayList<>();
        for (Runbook runbook :
                runbooks.stream().sorted(Comparator.comparing(Runbook::id)).toList()) {
            Map<ControlPlane, Set<String>> planes = new LinkedHashMap<>();
            for (Step step : runbook.steps()) {
                if (step.isManual()) continue;
                catalog.find(step.action())
                        .flatMap(ControlPlane::of)
                        .ifPresent(plane -> planes.computeIfAbsent(plane, p -> new LinkedHashSet<>())
                                .add(step.action()));
            }
            ControlPlane.KNOWN.stream()
                    .filter(planes::containsKey)
                    .forEach(plane ->
                            all.add(new RegionDependency(runbook.id(), plane, List.copyOf(planes.get(plane)))));
        }
        return all;
    }
}
