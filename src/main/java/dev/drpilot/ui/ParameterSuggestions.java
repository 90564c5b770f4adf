package dev.drpilot.ui;

import dev.drpilot.action.ActionException;
import dev.drpilot.runbook.Runbook;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the parameter form can offer from the operator's own account and cluster. Each may call
 * AWS or Kubernetes: the form asks off the FX thread, and a failure only means nothing is offered.
 */
public interface ParameterSuggestions {

    ParameterSuggestions NONE = new ParameterSuggestions() {
        @Override
        public List<String> regions() {
            return List.of();
        }

        @Override
        public List<String> namespaces() {
            return List.of();
        }

        @Override
        public Optional<String> restorableWindow(Runbook runbook, Map<String, String> values) {
            return Optional.empty();
        }
    };

    /** The AWS regions, the guide's two first. */
    List<String> regions();

    /** The namespaces of the cluster the kubeconfig points at. */
    List<String> namespaces() throws ActionException;

    /**
     * The span the runbook's point-in-time restore can reach, for the instance or table the
     * current values name; empty when the runbook restores nothing to a point in time.
     */
    Optional<String> restorableWindow(Runbook runbook, Map<String, String> values) throws ActionException;
}
