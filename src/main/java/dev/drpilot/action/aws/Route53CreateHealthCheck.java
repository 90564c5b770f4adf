package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * aws.route53.createHealthCheck: an HTTPS health check of the DR endpoint (idempotent per domain
 * name), then reads the check back to prove it exists and watches what was asked: an existing
 * check of the same caller reference may have been changed since.
 */
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
        String type = args.text("type");
        String path = args.text("resourcePath");
        String id = AwsCall.run(
                        context,
                        clients,
                        "Route53",
                        "CreateHealthCheck",
                        "route53:CreateHealthCheck",
                        () -> route53.createHealthCheck(r -> r.callerReference("drpilot-" + fqdn)
                                .healthCheckConfig(c -> c.type(type)
                                        .resourcePath(path)
                                        .fullyQualifiedDomainName(fqdn)
                                        .port(port))))
                .healthCheck()
                .id();
        String expected = described(type, fqdn, port, path);
        String found = AwsCall.ifFound(
                        context,
                        clients,
                        "Route53",
                        "GetHealthCheck",
                        "route53:GetHealthCheck",
                        () -> route53.getHealthCheck(r -> r.healthCheckId(id)))
                .map(r -> r.healthCheck().healthCheckConfig())
                .map(c -> described(c.typeAsString(), c.fullyQualifiedDomainName(), c.port(), c.resourcePath()))
                .orElse("no such health check");
        if (!found.equals(expected)) {
            throw ActionException.permanent("Expected health check " + id + " to watch " + expected + ", found " + found
                    + ": something else changed or deleted it; find it, then retry this step.");
        }
        return ActionResult.checked(
                "Health check " + id + " watches " + fqdn,
                Map.of("healthCheckId", id),
                "health check " + id + " watches " + found + " (GetHealthCheck)");
    }

    private static String described(String type, String fqdn, Integer port, String path) {
        return type + " " + fqdn + ":" + port + (path == null ? "" : path);
    }
}
