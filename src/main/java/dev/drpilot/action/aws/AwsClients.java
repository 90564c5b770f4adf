package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The AWS clients of an incident, built once per service and region, on first use (never on
 * the startup path: the first client of a JVM costs about a second), and reused; and the AWS
 * account the incident is pinned to.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private final Duration recheckEvery;
    private volatile String pinnedAccount;
    private volatile String pinnedArn;
    private volatile Instant checkedAt;

    public AwsClients(AwsSettings settings) {
        this(settings, Duration.ofMinutes(1));
    }

    /** @param recheckEvery how often the account of the credentials is checked again (at most) */
    AwsClients(AwsSettings settings, Duration recheckEvery) {
        this.settings = settings;
        this.recheckEvery = recheckEvery;
    }

    public AwsSettings settings() {
        return settings;
    }

    /**
     * A client of one service in a region (the settings' region when {@code region} is null).
     * The engine retries transient failures itself, with each retry logged, so the SDK does not.
     */
    @SuppressWarnings("unchecked")
    public <C extends SdkClient, B extends AwsClientBuilder<B, C>> C get(
            Class<C> type, Supplier<B> builder, String region) {
        String inRegion = regionOrDefault(region);
        return (C) clients.computeIfAbsent(type.getName() + "@" + inRegion, key -> {
            B b = builder.get()
                    .region(Region.of(inRegion))
                    .credentialsProvider(settings.credentials())
                    .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()));
            if (settings.endpoint() != null) b.endpointOverride(settings.endpoint());
            return b.build();
        });
    }

    /** The region a step runs in: its own, else the settings' region. */
    public String regionOrDefault(String region) {
        return region == null || region.isBlank() ? settings.region() : region;
    }

    /**
     * Before an incident's first AWS call, says who the credentials act as (logged) and pins the
     * incident to that account; later (at most once a minute) refuses to go on if the credentials
     * have come to act in another account, naming both.
     */
    void checkIdentity(ActionContext context) throws ActionException {
        Instant now = context.clock().instant();
        if (pinnedAccount != null
                && checkedAt != null
                && Duration.between(checkedAt, now).compareTo(recheckEvery) < 0) return;
        checkIdentity(context, null);
    }

    synchronized GetCallerIdentityResponse checkIdentity(ActionContext context, String region) throws ActionException {
        StsClient sts = get(StsClient.class, StsClient::builder, region);
        GetCallerIdentityResponse who = AwsCall.unchecked(
                context, settings, "STS", "GetCallerIdentity", "none (always allowed)", sts::getCallerIdentity);
        checkedAt = context.clock().instant();
        if (pinnedAccount == null) {
            pinnedAccount = who.account();
            pinnedArn = who.arn();
            context.callerIdentity(who.account(), who.arn());
        } else if (!pinnedAccount.equals(who.account())) {
            throw ActionException.permanent("This incident is pinned to AWS account " + pinnedAccount + " (" + pinnedArn
                    + "), but your credentials now act as " + who.arn() + " in account " + who.account()
                    + ". Switch back to the profile of account " + pinnedAccount + " (" + settings.loginCommand()
                    + ") before running this step.");
        }
        return who;
    }

    /** Who the credentials act as, for the settings screen: "ARN in account N", or what to do about it, in words. */
    public String whoAmI() {
        try {
            GetCallerIdentityResponse who =
                    get(StsClient.class, StsClient::builder, null).getCallerIdentity();
            return who.arn() + " in account " + who.account()
                    + (settings.profile() == null ? "" : " (profile " + settings.profile() + ")");
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            return AwsErrors.translate(e, "STS GetCallerIdentity", "none (always allowed)", settings)
                    .getMessage();
        }
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
    }
}
