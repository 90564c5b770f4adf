package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.route53.Route53Client;

/** aws.route53.createHealthCheck: an HTTPS health check of the DR endpoint (idempotent per domain name). */
public final class Route53CreateHealthCheck implements Action {

    private final AwsClients clients;

    public Route53CreateHealthCheck(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.route53.createHealthCheck";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String fqdn = args.required("fqdn");
        int port = args.integer("port");
        Route53Client route53 = clients.get(Route53Client.class, Route53Client::builder, "us-east-1");
        String id = AwsCall.run(context, clients, "Route53", "CreateHealthCheck", "route53:CreateHealthCheck",
                () -> route53.createHealthCheck(r -> r.callerReference("drpilot-" + fqdn).healthCheckConfig(c -> c
                        .type(args.text("type")).resourcePath(args.text("resourcePath")).fullyQualifiedDomainName(fqdn)
                        .port(port)))).healthCheck().id();
        return ActionResult.of("Health check " + id + " watches " + fqdn, Map.of("healthCheckId", id));
    }
}
