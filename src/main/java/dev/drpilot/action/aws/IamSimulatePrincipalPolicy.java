package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * aws.iam.simulatePrincipalPolicy: whether a principal's policies allow a list of IAM actions, as
 * IAM's policy simulator evaluates them (every page), without calling any of them.
 */
public final class IamSimulatePrincipalPolicy implements Action {

    private final AwsClients clients;

    public IamSimulatePrincipalPolicy(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.iam.simulatePrincipalPolicy";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String principal = args.required("principalArn");
        List<String> actions = args.list("actions");
        IamClient iam = clients.get(IamClient.class, IamClient::builder, args.text("region"));
        List<EvaluationResult> results = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            SimulatePrincipalPolicyResponse response = simulate(
                    context,
                    () -> iam.simulatePrincipalPolicy(r ->
                            r.policySourceArn(principal).actionNames(actions).marker(page)));
            results.addAll(response.evaluationResults());
            marker = Boolean.TRUE.equals(response.isTruncated()) ? response.marker() : null;
        } while (marker != null);
        Map<String, String> decisions = new LinkedHashMap<>();
        results.forEach(r -> decisions.put(r.evalActionName(), r.evalDecisionAsString()));
        List<String> denied = decisions.entrySet().stream()
                .filter(e -> !"allowed".equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decisions", decisions);
        out.put("denied", denied);
        out.put("allowed", denied.isEmpty());
        return ActionResult.of(
                denied.isEmpty()
                        ? principal + " is allowed all " + decisions.size() + " action(s)"
                        : principal + " is not allowed " + String.join(", ", denied),
                out);
    }

    private SimulatePrincipalPolicyResponse simulate(
            ActionContext context, Supplier<SimulatePrincipalPolicyResponse> call) throws ActionException {
        try {
            return AwsCall.run(context, clients, "IAM", "SimulatePrincipalPolicy", "iam:SimulatePrincipalPolicy", call);
        } catch (ActionException e) {
            URI endpoint = clients.settings().endpoint();
            if (endpoint != null && e.getCause() instanceof AwsServiceException s && notImplemented(s)) {
                throw ActionException.permanent(
                        "The AWS endpoint in use (" + endpoint + ") does not implement IAM SimulatePrincipalPolicy"
                                + " (HTTP " + s.statusCode()
                                + " without an AWS error), so permissions cannot be simulated there: check them against docs/permissions.md.");
            }
            throw e;
        }
    }

    /**
     * What an emulator answers for an API it lacks: moto 5 fails with HTTP 500 and an HTML page (its log says
     * "has not been implemented"), where AWS itself would send an error code.
     */
    private static boolean notImplemented(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 501 || "NotImplemented".equals(code) || e.statusCode() == 500 && code == null;
    }
}
