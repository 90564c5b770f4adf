package dev.drpilot.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessConfigTest {

    @TempDir
    Path dir;

    @Test
    void theShippedExampleNamesTheGuidesResourcesInItsRegion() throws Exception {
        ReadinessConfig example = ReadinessConfig.load(Path.of("docs/examples/readiness.yaml"));

        ReadinessConfig guide = ReadinessConfig.guideDefaults();
        assertThat(example)
                .isEqualTo(new ReadinessConfig(
                        "us-west-2",
                        guide.drRegion(),
                        guide.rdsInstance(),
                        guide.manualSnapshotEvery(),
                        guide.deepStorageBucket(),
                        guide.replicaBucket(),
                        guide.druidBackupBucket(),
                        guide.table(),
                        guide.function(),
                        guide.alias(),
                        guide.webappBackupBucket()));
    }

    @Test
    void anEmptyValueLeavesTheResourceOutAndAMissingOneTakesTheGuidesName() throws Exception {
        ReadinessConfig config = ReadinessConfig.load(Files.writeString(dir.resolve("r.yaml"), """
                drRegion: ""
                druid: { manualSnapshotEvery: PT12H, backupBucket: "" }
                webapp: { table: orders }
                """));

        assertThat(config.drRegion()).isNull();
        assertThat(config.druidBackupBucket()).isNull();
        assertThat(config.manualSnapshotEvery()).isEqualTo(Duration.ofHours(12));
        assertThat(config.table()).isEqualTo("orders");
        assertThat(config.rdsInstance()).isEqualTo("druid-metadata");
    }

    @Test
    void aWrongValueIsOneSentenceNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("r.yaml"), "druid: { manualSnapshotEvery: daily }\n");

        assertThatThrownBy(() -> ReadinessConfig.load(file))
                .isInstanceOf(ReadinessConfigException.class)
                .hasMessage(file + ": manualSnapshotEvery 'daily' is not an ISO-8601 duration (P1D, PT12H).");
    }
}
