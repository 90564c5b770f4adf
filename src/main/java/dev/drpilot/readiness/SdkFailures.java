package dev.drpilot.readiness;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Why a read made straight on a client failed, in one sentence, for the reads no action makes yet. */
final class SdkFailures {

    private SdkFailures() {
    }

    static String reason(SdkException e, String operation, String permission) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            if (service.statusCode() == 403 || code != null && code.startsWith("AccessDenied")) {
                return "Access denied: " + permission + " is not allowed for the identity in use. Ask for that permission, or use a profile that has it.";
            }
            String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
            return operation + " refused: " + message + (code == null ? "" : " (" + code + ")");
        }
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        return "Cannot reach AWS for " + operation + ": " + text.lines().findFirst().orElse(text) + ". Check the network, VPN or endpoint override.";
    }
}
