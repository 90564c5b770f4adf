package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.RRType;

/** aws.route53.changeRecordSets: points a record at another target (the DNS failover to the DR region). */
public final class Route53ChangeRecordSets implements Action {

    private final AwsClients clients;

    public Route53ChangeRecordSets(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.route53.changeRecordSets";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String zone = args.required("hostedZoneId");
        String name = args.required("recordName");
        String target = args.required("target");
        String action = args.text("action") == null ? "UPSERT" : args.text("action");
        RRType type = RRType.fromValue(args.required("recordType"));
        if (type == RRType.UNKNOWN_TO_SDK_VERSION) throw ActionException.permanent("recordType '" + args.text("recordType") + "' is not a DNS record type");
        long ttl = args.text("ttl") == null ? 60 : args.integer("ttl");
        Route53Client route53 = clients.get(Route53Client.class, Route53Client::builder, "us-east-1");
        ChangeInfo change = AwsCall.run(context, clients, "Route53", "ChangeResourceRecordSets", "route53:ChangeResourceRecordSets",
                () -> route53.changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(c -> c.action(action)
                        .resourceRecordSet(s -> s.name(name).type(type).ttl(ttl).resourceRecords(v -> v.value(target))))))).changeInfo();
        context.statusChange(name, "-> " + target + " (" + change.statusAsString() + ")");
        return ActionResult.of(name + " now points at " + target + " (" + change.statusAsString() + ")",
                Map.of("changeId", change.id(), "status", change.statusAsString()));
    }
}
