package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;

/** aws.route53.listHealthChecks: the health checks that watch a domain name. */
public final class Route53ListHealthChecks implements Action {

    private final AwsClients clients;

    public Route53ListHealthChecks(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.route53.listHealthChecks";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        String fqdn = new Args(values).required("fqdn");
        Route53Client route53 = clients.get(Route53Client.class, Route53Client::builder, "us-east-1");
        List<HealthCheck> matching = AwsCall.run(
                        context,
                        clients,
                        "Route53",
                        "ListHealthChecks",
                        "route53:ListHealthChecks",
                        route53::listHealthChecks)
                .healthChecks()
                .stream()
                .filter(h -> fqdn.equals(h.healthCheckConfig().fullyQualifiedDomainName()))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", matching.size());
        if (!matching.isEmpty()) out.put("healthCheckId", matching.get(0).id());
        return ActionResult.of(matching.size() + " health check(s) watch " + fqdn, out);
    }
}
