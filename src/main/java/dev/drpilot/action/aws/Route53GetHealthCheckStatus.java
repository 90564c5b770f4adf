package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;

/**
 * aws.route53.getHealthCheckStatus: what Route 53's checkers see of an endpoint; healthy when
 * more than half of them report success, as Route 53 itself decides.
 */
public final class Route53GetHealthCheckStatus implements Action {

    private final AwsClients clients;

    public Route53GetHealthCheckStatus(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.route53.getHealthCheckStatus";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String id = args.required("healthCheckId");
        Route53Client route53 = clients.get(Route53Client.class, Route53Client::builder, args.text("region"));
        List<HealthCheckObservation> observations = AwsCall.run(
                        context,
                        clients,
                        "Route53",
                        "GetHealthCheckStatus",
                        "route53:GetHealthCheckStatus",
                        () -> route53.getHealthCheckStatus(r -> r.healthCheckId(id)))
                .healthCheckObservations();
        long successes = observations.stream()
                .filter(o -> o.statusReport() != null
                        && o.statusReport().status() != null
                        && o.statusReport().status().startsWith("Success"))
                .count();
        boolean healthy = !observations.isEmpty() && successes * 2 > observations.size();
        List<Map<String, String>> seen = observations.stream()
                .map(o -> Map.of(
                        "region",
                        String.valueOf(o.regionAsString()),
                        "status",
                        o.statusReport() == null
                                ? ""
                                : String.valueOf(o.statusReport().status())))
                .toList();
        return ActionResult.of(
                "Health check " + id + ": " + successes + " of " + observations.size() + " checker(s) report success",
                Map.of("healthy", healthy, "observations", seen));
    }
}
