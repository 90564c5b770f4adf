package dev.drpilot.action.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;

/**
 * The AWS clients of this process, built once per service and region, on first use (never on
 * the startup path: the first client of a JVM costs about a second), and reused.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    public AwsSettings settings() {
        return settings;
    }

    /**
     * A client of one service in a region (the settings' region when {@code region} is null).
     * The engine retries transient failures itself, with each retry logged, so the SDK does not.
     */
    @SuppressWarnings("unchecked")
    public <C extends SdkClient, B extends AwsClientBuilder<B, C>> C get(Class<C> type, Supplier<B> builder, String region) {
        String inRegion = region == null || region.isBlank() ? settings.region() : region;
        return (C) clients.computeIfAbsent(type.getName() + "@" + inRegion, key -> {
            B b = builder.get().region(Region.of(inRegion)).credentialsProvider(settings.credentials())
                    .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()));
            if (settings.endpoint() != null) b.endpointOverride(settings.endpoint());
            return b.build();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
    }
}
