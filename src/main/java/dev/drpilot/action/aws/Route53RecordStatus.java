package dev.drpilot.action.aws;

import dev.drpilot.action.ActionException;
import dev.drpilot.action.ResourceStatus;
import dev.drpilot.action.StatusSource;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Where a DNS record points now: the target a failover changes. */
public final class Route53RecordStatus implements StatusSource {

    private final AwsClients clients;
    private final String zoneId;
    private final String name;
    private final String wanted;

    /** @param wanted the target the recovery points it at, or null when any value is fine */
    public Route53RecordStatus(AwsClients clients, String zoneId, String name, String wanted) {
        this.clients = clients;
        this.zoneId = zoneId;
        this.name = name;
        this.wanted = wanted;
    }

    @Override
    public String describe() {
        return "DNS record " + name;
    }

    @Override
    public List<ResourceStatus> read() throws ActionException {
        String fqdn = name.endsWith(".") ? name : name + ".";
        try {
            List<ResourceRecordSet> sets = clients.get(Route53Client.class, Route53Client::builder, "us-east-1")
                    .listResourceRecordSets(
                            r -> r.hostedZoneId(zoneId).startRecordName(fqdn).maxItems("10"))
                    .resourceRecordSets();
            return sets.stream()
                    .filter(s -> s.name().equals(fqdn))
                    .findFirst()
                    .map(s -> {
                        String value = s.resourceRecords().stream()
                                .map(ResourceRecord::value)
                                .findFirst()
                                .orElse(
                                        s.aliasTarget() == null
                                                ? ""
                                                : s.aliasTarget().dnsName());
                        boolean healthy =
                                wanted == null || value.replaceAll("\\.$", "").equals(wanted.replaceAll("\\.$", ""));
                        return List.of(new ResourceStatus(
                                "DNS record",
                                name,
                                value,
                                healthy,
                                s.typeAsString() + ", TTL " + s.ttl()
                                        + (wanted == null || healthy ? "" : "; the recovery points it at " + wanted)));
                    })
                    .orElse(List.of(
                            new ResourceStatus("DNS record", name, "no such record", false, "in zone " + zoneId)));
        } catch (SdkException e) {
            throw AwsErrors.translate(
                    e, "ListResourceRecordSets", "route53:ListResourceRecordSets", clients.settings());
        }
    }
}
