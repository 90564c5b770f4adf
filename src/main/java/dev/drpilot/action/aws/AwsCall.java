package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** One AWS API call of an action: logged with its request id, its failure put in the operator's words. */
final class AwsCall {

    private AwsCall() {}

    static <R extends AwsResponse> R run(
            ActionContext context,
            AwsClients clients,
            String service,
            String operation,
            String permission,
            Supplier<R> call)
            throws ActionException {
        clients.checkIdentity(context);
        return unchecked(context, clients.settings(), service, operation, permission, call);
    }

    /**
     * A read of something that may not exist (a read-back after a change): empty when AWS answers
     * that it is not there, the other failures as {@link #run}.
     */
    static <R extends AwsResponse> Optional<R> ifFound(
            ActionContext context,
            AwsClients clients,
            String service,
            String operation,
            String permission,
            Supplier<R> call)
            throws ActionException {
        clients.checkIdentity(context);
        try {
            R response = call.get();
            context.apiCall(service, operation, response.responseMetadata().requestId());
            return Optional.of(response);
        } catch (AwsServiceException e) {
            context.apiCall(service, operation + (notFound(e) ? " (not found)" : " (failed)"), null);
            if (notFound(e)) return Optional.empty();
            throw AwsErrors.translate(e, service + " " + operation, permission, clients.settings());
        } catch (SdkException e) {
            context.apiCall(service, operation + " (failed)", null);
            throw AwsErrors.translate(e, service + " " + operation, permission, clients.settings());
        }
    }

    /** HTTP 404, or DynamoDB's HTTP 400 ResourceNotFoundException and BackupNotFoundException. */
    private static boolean notFound(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 404 || code != null && code.endsWith("NotFoundException");
    }

    /** A call made without the identity check (the check's own STS call). */
    static <R extends AwsResponse> R unchecked(
            ActionContext context,
            AwsSettings settings,
            String service,
            String operation,
            String permission,
            Supplier<R> call)
            throws ActionException {
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
