package dev.drpilot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogLocationTest {

    private final Path named = Path.of("named", "incidents");

    @Test
    void theCommandLinesLogComesFirst() {
        assertThat(new LogLocation("from-env").of(named, "from-settings")).isEqualTo(named);
        assertThat(new LogLocation("from-env").of(named)).isEqualTo(named);
    }

    @Test
    void theWindowsSettingComesBeforeDrpilotLog() {
        assertThat(new LogLocation("from-env").of(null, "from-settings")).isEqualTo(Path.of("from-settings"));
        assertThat(new LogLocation("from-env").of(null, "")).isEqualTo(Path.of("from-env"));
        assertThat(new LogLocation("from-env").of(null)).isEqualTo(Path.of("from-env"));
    }

    @Test
    void withoutAnyTheLogIsInThePerUserDataFolder() {
        assertThat(new LogLocation(null).of(null, "")).isEqualTo(IncidentLogStore.defaultLocation());
        assertThat(new LogLocation("  ").of(null))
                .as("a blank DRPILOT_LOG is none")
                .isEqualTo(IncidentLogStore.defaultLocation());
    }

    @Test
    void theLogIsNamedByTheCommandLineOrDrpilotLogOnly() {
        assertThat(new LogLocation(null).named(named)).isTrue();
        assertThat(new LogLocation("from-env").named(null)).isTrue();
        assertThat(new LogLocation(null).named(null)).isFalse();
        assertThat(new LogLocation(" ").named(null)).isFalse();
    }
}
