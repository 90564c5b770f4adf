package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;

/** aws.route53.waitInsync: waits until a change has reached every Route 53 name server. */
public final class Route53WaitInsync implements Action {

    private final AwsClients clients;

    public Route53WaitInsync(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.route53.waitInsync";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        String changeId = new Args(values).required("changeId");
        Route53Client route53 = clients.get(Route53Client.class, Route53Client::builder, "us-east-1");
        String status =
                Polling.until(context, "DNS change " + changeId + " to be INSYNC", Duration.ofMinutes(30), () -> {
                    String now = AwsCall.run(
                                    context,
                                    clients,
                                    "Route53",
                                    "GetChange",
                                    "route53:GetChange",
                                    () -> route53.getChange(r -> r.id(changeId)))
                            .changeInfo()
                            .statusAsString();
                    return "INSYNC".equals(now) ? Optional.of(now) : Optional.empty();
                });
        return ActionResult.of("DNS change " + changeId + " is " + status, Map.of("status", status));
    }
}
