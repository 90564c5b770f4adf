package dev.drpilot.app;

import dev.drpilot.action.ActionException;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.RestorableWindow;
import dev.drpilot.action.k8s.ClusterNamespaces;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.runbook.Interpolation;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import dev.drpilot.ui.ParameterSuggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/** Parameter suggestions read from the operator's AWS account and Kubernetes cluster. */
public final class AccountSuggestions implements ParameterSuggestions {

    private final AwsClients aws;
    private final KubeClients kube;

    public AccountSuggestions(AwsClients aws, KubeClients kube) {
        this.aws = aws;
        this.kube = kube;
    }

    @Override
    public List<String> regions() {
        List<String> regions = new ArrayList<>(List.of("us-west-2", "us-east-1"));
        Region.regions().stream()
                .map(Region::id)
                .filter(id -> !id.contains("global") && !regions.contains(id))
                .sorted()
                .forEach(regions::add);
        return regions;
    }

    @Override
    public List<String> namespaces() throws ActionException {
        return ClusterNamespaces.list(kube);
    }

    @Override
    public Optional<String> restorableWindow(Runbook runbook, Map<String, String> values) throws ActionException {
        for (Step step : runbook.steps()) {
            if (step.isManual()) continue;
            Optional<String> source = Interpolation.withParameters(step.with().get("source"), values);
            if (step.action().equals("aws.rds.restoreToPointInTime") && source.isPresent()) {
                return Optional.of(RestorableWindow.ofRdsInstance(aws, source.get()));
            }
            if (step.action().equals("aws.dynamodb.restoreToPointInTime") && source.isPresent()) {
                return Optional.of(RestorableWindow.ofDynamoDbTable(aws, source.get()));
            }
        }
        return Optional.empty();
    }
}
