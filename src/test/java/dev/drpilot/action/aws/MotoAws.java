package dev.drpilot.action.aws;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One moto server and its clients for a whole test class, started before the class's own
 * {@code @BeforeAll} methods and stopped after its {@code @AfterAll} ones:
 * {@code @RegisterExtension static final MotoAws moto = new MotoAws("us-west-2");}.
 */
public final class MotoAws implements BeforeAllCallback, AfterAllCallback {

    private final String region;
    private MotoServer server;
    private AwsClients clients;

    public MotoAws(String region) {
        this.region = region;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = MotoServer.start();
        clients = new AwsClients(server.settings(region));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (clients != null) clients.close();
        if (server != null) server.close();
    }

    public MotoServer server() {
        return server;
    }

    public AwsClients aws() {
        return clients;
    }

    public AwsSettings settings(String otherRegion) {
        return server.settings(otherRegion);
    }
}
