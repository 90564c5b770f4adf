package dev.drpilot.readiness;

import dev.drpilot.action.ActionContract;
import java.util.List;
import java.util.Optional;

/**
 * An AWS control plane that lives in one place (us-east-1 or a global endpoint) whatever region a
 * runbook works in, recognised from the API an action's contract names; and what to use instead
 * when that place is down. This table, not each runbook, says which dependencies fail with the region.
 *
 * @param apiPrefix   how the catalogue's {@code api} field starts for a call to it ("Route 53 ")
 * @param dependency  what the call needs, in words
 * @param alternative what works from the other regions, or null when there is nothing regional
 */
public record ControlPlane(String apiPrefix, String dependency, String alternative) {

    /** The control planes the catalogue's actions can call. */
    public static final List<ControlPlane> KNOWN = List.of(
            new ControlPlane(
                    "Route 53 ",
                    "Route 53's control plane (us-east-1): record, change and health-check calls",
                    "Route 53 Application Recovery Controller routing controls (a data plane in five regions), or failover records"
                            + " with health checks made before the incident, which fail over with no API call"),
            new ControlPlane("IAM ", "IAM's control plane (us-east-1): creating or changing roles and policies", null),
            new ControlPlane(
                    "STS ",
                    "the STS global endpoint (sts.amazonaws.com, served from us-east-1) when a client is set to use it",
                    "the regional STS endpoint of the region in use (sts.REGION.amazonaws.com), which DR Pilot's own clients call;"
                            + " set AWS_STS_REGIONAL_ENDPOINTS=regional for the aws commands"),
            new ControlPlane(
                    "runs cdk ",
                    "a CDK bootstrap of the target region, and IAM (us-east-1) for the roles the stack creates",
                    "bootstrap the DR region before the incident (cdk bootstrap aws://ACCOUNT/REGION) and deploy stacks whose roles already exist"));

    /** The control plane an action calls, if it is one of the known ones. */
    public static Optional<ControlPlane> of(ActionContract contract) {
        String api = contract.api() == null ? "" : contract.api();
        return KNOWN.stream().filter(c -> api.startsWith(c.apiPrefix())).findFirst();
    }
}
