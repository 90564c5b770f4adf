package dev.drpilot.action.aws;

import dev.drpilot.action.ActionException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an AWS SDK failure into words an operator can act on at 3 a.m. */
final class AwsErrors {

    private static final Set<String> DENIED =
            Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError");
    private static final Set<String> UNKNOWN_CREDENTIALS = Set.of(
            "UnrecognizedClientException", "InvalidClientTokenId", "InvalidAccessKeyId", "SignatureDoesNotMatch");
    private static final Set<String> EXPIRED =
            Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired");
    private static final Set<String> THROTTLED = Set.of(
            "Throttling",
            "ThrottlingException",
            "TooManyRequestsException",
            "RequestLimitExceeded",
            "ProvisionedThroughputExceededException",
            "SlowDown",
            "PriorRequestNotComplete");

    private AwsErrors() {}

    static ActionException translate(SdkException e, String operation, String permission, AwsSettings settings) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode() != null
                    ? service.awsErrorDetails().errorCode()
                    : "HTTP " + service.statusCode();
            if (service.awsErrorDetails().errorCode() == null && service.statusCode() == 403) {
                return ActionException.permanent(
                        "AWS refused your credentials" + profile(settings) + " for " + operation
                                + " (HTTP 403, no error code): the keys are unknown or revoked, or they lack "
                                + permission + ". Run `"
                                + settings.loginCommand() + "` or fix the keys, then retry this step.");
            }
            String message = service.awsErrorDetails().errorMessage();
            if (DENIED.contains(code)) {
                return ActionException.permanent(
                        "Access denied: " + permission + " is not allowed for the identity in use" + profile(settings)
                                + " (" + message + "). Ask for that permission, or use a profile that has it.");
            }
            if (UNKNOWN_CREDENTIALS.contains(code)) {
                return ActionException.permanent(
                        "AWS does not recognise your credentials" + profile(settings) + " (" + code
                                + ": the access key is unknown or was revoked, or the secret key is wrong): run `"
                                + settings.loginCommand()
                                + "` or fix the keys, then retry this step.");
            }
            if (EXPIRED.contains(code)) {
                return ActionException.permanent("Your AWS session has expired: run `" + settings.loginCommand()
                        + "` (or refresh your credentials), then retry this step.");
            }
            if (THROTTLED.contains(code) || service.statusCode() >= 500) {
                return new ActionException(
                        "AWS is throttling or failing " + operation + " (" + code + "): retrying", true, e);
            }
            return new ActionException(operation + " refused: " + message + " (" + code + ")", false, e);
        }
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof SdkClientException
                && (text.contains("Unable to load credentials")
                        || text.contains("token") && text.contains("expired")
                        || text.contains("SSO"))) {
            return ActionException.permanent("No valid AWS credentials" + profile(settings) + ". Run `"
                    + settings.loginCommand() + "` or `aws configure`, then retry this step.");
        }
        return new ActionException(
                "Cannot reach AWS for " + operation + (settings.endpoint() == null ? "" : " at " + settings.endpoint())
                        + ": " + text.lines().findFirst().orElse(text)
                        + ". Check the network, VPN or endpoint override.",
                true,
                e);
    }

    private static String profile(AwsSettings settings) {
        return settings.profile() == null ? "" : " (profile " + settings.profile() + ")";
    }
}
