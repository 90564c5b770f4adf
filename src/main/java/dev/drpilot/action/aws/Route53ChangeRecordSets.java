package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * aws.route53.changeRecordSets: points a record at another target (the DNS failover to the DR
 * region), then lists the zone's records to prove the record holds the new target (or, after a
 * DELETE, is gone).
 */
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
        if (type == RRType.UNKNOWN_TO_SDK_VERSION)
            throw ActionException.permanent("recordType '" + args.text("recordType") + "' is not a DNS record type");
        long ttl = args.text("ttl") == null ? 60 : args.integer("ttl");
        Route53Client route53 = clients.get(Route53Client.class, Route53Client::builder, "us-east-1");
        ChangeInfo change = AwsCall.run(
                        context,
                        clients,
                        "Route53",
                        "ChangeResourceRecordSets",
                        "route53:ChangeResourceRecordSets",
                        () -> route53.changeResourceRecordSets(r -> r.hostedZoneId(zone)
                                .changeBatch(b -> b.changes(c -> c.action(action)
                                        .resourceRecordSet(s -> s.name(name)
                                                .type(type)
                                                .ttl(ttl)
                                                .resourceRecords(v -> v.value(target)))))))
                .changeInfo();
        context.statusChange(name, "-> " + target + " (" + change.statusAsString() + ")");
        String checked = readBack(context, route53, zone, name, type, action.equals("DELETE") ? null : target, ttl);
        return ActionResult.checked(
                name + " now points at " + target + " (" + change.statusAsString() + ")",
                Map.of("changeId", change.id(), "status", change.statusAsString()),
                checked);
    }

    /** The post-condition: the record holds only the target, with the TTL sent, or, when {@code target} is null, is gone. */
    private String readBack(
            ActionContext context,
            Route53Client route53,
            String zone,
            String name,
            RRType type,
            String target,
            long ttl)
            throws ActionException {
        String fqdn = name.endsWith(".") ? name : name + ".";
        Optional<ResourceRecordSet> record = AwsCall.run(
                        context,
                        clients,
                        "Route53",
                        "ListResourceRecordSets",
                        "route53:ListResourceRecordSets",
                        () -> route53.listResourceRecordSets(r -> r.hostedZoneId(zone)
                                .startRecordName(fqdn)
                                .startRecordType(type)
                                .maxItems("1")))
                .resourceRecordSets()
                .stream()
                .filter(s -> plain(s.name()).equals(plain(fqdn)) && s.type() == type)
                .findFirst();
        boolean holds = target == null
                ? record.isEmpty()
                : record.filter(s -> s.resourceRecords().size() == 1
                                && plain(s.resourceRecords().get(0).value()).equals(plain(target))
                                && Long.valueOf(ttl).equals(s.ttl()))
                        .isPresent();
        String found = record.map(s -> "record " + name + " " + type + " " + values(s) + ", TTL " + s.ttl())
                .orElse("no " + type + " record " + name);
        if (!holds) {
            String expected = target == null
                    ? "no " + type + " record " + name
                    : "record " + name + " " + type + " " + target + ", TTL " + ttl;
            throw ActionException.permanent(
                    "Expected " + expected + ", found " + found + ": something else changed the record (another"
                            + " failover, a deploy?); find it, then retry this step.");
        }
        return found + " (ListResourceRecordSets)";
    }

    private static String values(ResourceRecordSet record) {
        if (record.aliasTarget() != null) return "alias " + record.aliasTarget().dnsName();
        return String.join(
                " ",
                record.resourceRecords().stream().map(ResourceRecord::value).toList());
    }

    /** A DNS name as Route 53 compares it: no trailing dot, lower case, a wildcard unescaped. */
    private static String plain(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("\\052", "*");
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
