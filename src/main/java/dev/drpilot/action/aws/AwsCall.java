package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.exception.SdkException;

/** One AWS API call of an action: logged with its request id, its failure put in the operator's words. */
final class AwsCall {

    private AwsCall() {
    }

    static <R extends AwsResponse> R run(ActionContext context, AwsClients clients, String service, String operation,
                                         String permission, Supplier<R> call) throws ActionException {
        clients.checkIdentity(context);
        return unchecked(context, clients.settings(), service, operation, permission, call);
    }

    /** A call made without the identity check (the check's own STS call). */
    static <R extends AwsResponse> R unchecked(ActionContext context, AwsSettings settings, String service, String operation,
                                               String permission, Supplier<R> call) throws ActionException {
        try {
            R response = call.get();
            context.apiCall(service, operation, response.responseMetadata().requestId());
            return response;
        } catch (SdkException e) {
            context.apiCall(service, operation + " (failed)", null);
            throw AwsErrors.translate(e, service + " " + operation, permission, settings);
        }
    }
}
