package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionException;
import dev.drpilot.incident.SecretRedactor;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The words an operator gets for the AWS failures moto cannot produce (IAM, expired sessions). */
class AwsErrorsTest {

    private final AwsSettings settings =
            new AwsSettings("prod-admin", "us-west-2", null, AnonymousCredentialsProvider.create());

    private static AwsServiceException service(String code, int status, String message) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build();
    }

    @Test
    void accessDeniedNamesTheIamActionAndTheProfile() {
        ActionException e = AwsErrors.translate(
                service("AccessDenied", 403, "User: arn:aws:sts::1:assumed-role/ro is not authorized"),
                "RDS RestoreDBInstanceToPointInTime",
                "rds:RestoreDBInstanceToPointInTime",
                settings);

        assertThat(e.getMessage())
                .startsWith("Access denied: rds:RestoreDBInstanceToPointInTime is not allowed for the identity in use"
                        + " (profile prod-admin)")
                .contains("assumed-role/ro");
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void anExpiredSessionSaysWhichLoginToRun() {
        ActionException e = AwsErrors.translate(
                service("ExpiredToken", 400, "The security token included in the request is expired"),
                "STS GetCallerIdentity",
                "none",
                settings);

        assertThat(e.getMessage()).contains("`aws sso login --profile prod-admin`");
        assertThat(AwsErrors.translate(
                                SdkClientException.create("Unable to load credentials from any of the providers"),
                                "RDS DescribeDBInstances",
                                "rds:DescribeDBInstances",
                                settings)
                        .getMessage())
                .startsWith("No valid AWS credentials (profile prod-admin). Run `aws sso login --profile prod-admin`");
    }

    /** The log redacts what it writes, and the operator reads these sentences from it: a credential failure must survive it. */
    @Test
    void noCredentialsReadsTheSameAfterTheLogsRedaction() {
        SecretRedactor redactor = new SecretRedactor();
        for (AwsSettings any :
                List.of(settings, new AwsSettings(null, "us-west-2", null, AnonymousCredentialsProvider.create()))) {
            for (String cause : List.of(
                    "Unable to load credentials from any of the providers in the chain",
                    "The SSO session associated with this profile has expired",
                    "Unable to load credentials: token has expired")) {
                String message = AwsErrors.translate(
                                SdkClientException.create(cause),
                                "RDS DescribeDBInstances",
                                "rds:DescribeDBInstances",
                                any)
                        .getMessage();

                assertThat(message).startsWith("No valid AWS credentials");
                assertThat(redactor.redact(message)).isEqualTo(message);
            }
        }
    }

    @Test
    void anUnknownAccessKeySaysTheCredentialsAreNotRecognised() {
        ActionException e = AwsErrors.translate(
                service("InvalidClientTokenId", 403, "The security token included in the request is invalid"),
                "STS GetCallerIdentity",
                "none",
                settings);

        assertThat(e.getMessage())
                .startsWith("AWS does not recognise your credentials (profile prod-admin) (InvalidClientTokenId")
                .contains("`aws sso login --profile prod-admin`");
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void throttlingAndServerErrorsAreRetriedOthersAreNot() {
        assertThat(AwsErrors.translate(
                                service("ThrottlingException", 400, "Rate exceeded"),
                                "DynamoDB Scan",
                                "dynamodb:Scan",
                                settings)
                        .isTransient())
                .isTrue();
        assertThat(AwsErrors.translate(service("InternalFailure", 500, "oops"), "RDS X", "rds:X", settings)
                        .isTransient())
                .isTrue();
        ActionException notFound = AwsErrors.translate(
                service("DBInstanceNotFound", 404, "DBInstance druid-metadata not found"),
                "RDS DescribeDBInstances",
                "rds:DescribeDBInstances",
                new AwsSettings(
                        null, "us-east-1", URI.create("http://127.0.0.1:5000"), AnonymousCredentialsProvider.create()));
        assertThat(notFound.isTransient()).isFalse();
        assertThat(notFound.getMessage())
                .isEqualTo("RDS DescribeDBInstances refused: DBInstance druid-metadata not found (DBInstanceNotFound)");
    }
}
