package dev.drpilot.incident;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The event store contract on a real H2 file: two stores on one file are two connections, as a window and a terminal are. */
class H2EventStoreContractTest extends EventStoreContract {

    @TempDir
    Path dir;

    @Override
    protected EventStore openStore() {
        return H2EventStore.open(dir.resolve("log"));
    }

    @Override
    protected ProcessBuilder appendingUntilKilled(String incidentId) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                EventStoreAppendingChild.class.getName(),
                dir.resolve("log").toString(),
                incidentId);
    }
}
