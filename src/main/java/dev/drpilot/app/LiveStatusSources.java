package dev.drpilot.app;

import dev.drpilot.action.StatusSource;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.DynamoDbTableStatus;
import dev.drpilot.action.aws.RdsInstanceStatus;
import dev.drpilot.action.aws.Route53RecordStatus;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.NamespaceStatus;
import dev.drpilot.runbook.Interpolation;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.ParamType;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources a scenario touches, read from its steps and parameter values: the namespaces of
 * its Kubernetes steps (pods and nodes), the RDS instances and DynamoDB tables its AWS steps name
 * (restore targets included, "not found" until they exist), and the DNS records it changes.
 */
public final class LiveStatusSources {

    private LiveStatusSources() {}

    public static List<StatusSource> of(Runbook runbook, Map<String, String> params, AwsClients aws, KubeClients kube) {
        Set<String> namespaces = new LinkedHashSet<>();
        Set<String> instances = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        List<StatusSource> records = new ArrayList<>();
        for (Param param : runbook.params()) {
            if (param.type() == ParamType.K8S_NAMESPACE && params.get(param.name()) != null)
                namespaces.add(params.get(param.name()));
        }
        for (Step step : runbook.steps()) {
            if (step.isManual()) continue;
            String action = step.action();
            if (action.startsWith("k8s.")) resolved(step, "namespace", params).ifPresent(namespaces::add);
            for (String arg : List.of("instance", "source", "target")) {
                if (action.startsWith("aws.rds.") && !action.contains("Snapshot"))
                    resolved(step, arg, params).ifPresent(instances::add);
            }
            for (String arg : List.of("table", "source", "target")) {
                if (action.startsWith("aws.dynamodb.") && !action.contains("Backup") && !action.contains("export")) {
                    resolved(step, arg, params).ifPresent(tables::add);
                }
            }
            if (action.equals("aws.route53.changeRecordSets")) {
                var zone = resolved(step, "hostedZoneId", params);
                var name = resolved(step, "recordName", params);
                if (zone.isPresent() && name.isPresent()) {
                    records.add(new Route53RecordStatus(
                            aws,
                            zone.get(),
                            name.get(),
                            resolved(step, "target", params).orElse(null)));
                }
            }
        }
        List<StatusSource> sources = new ArrayList<>();
        namespaces.forEach(ns -> sources.add(new NamespaceStatus(kube, ns)));
        instances.forEach(i -> sources.add(new RdsInstanceStatus(aws, i)));
        tables.forEach(t -> sources.add(new DynamoDbTableStatus(aws, t)));
        sources.addAll(records);
        return sources;
    }

    private static java.util.Optional<String> resolved(Step step, String arg, Map<String, String> params) {
        return Interpolation.withParameters(step.with().get(arg), params);
    }
}
