package dev.drpilot.action.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * Where and as whom DR Pilot calls AWS: the operator's profile (as the AWS CLI finds it, SSO,
 * assume-role and credential processes included), the incident's region, and an endpoint
 * override for a sandbox or a local emulator.
 *
 * @param profile  a profile of ~/.aws/config, or null for the default chain
 * @param endpoint an endpoint override, or null (the SDK also honours AWS_ENDPOINT_URL)
 */
public record AwsSettings(String profile, String region, URI endpoint, AwsCredentialsProvider credentials) {

    public static AwsSettings of(String profile, String region, URI endpoint) {
        AwsCredentialsProvider provider = profile == null || profile.isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(profile).build();
        return new AwsSettings(profile, region, endpoint, provider);
    }

    /** The command that renews the operator's session, for messages. */
    String loginCommand() {
        return profile == null || profile.isBlank() ? "aws sso login" : "aws sso login --profile " + profile;
    }
}
