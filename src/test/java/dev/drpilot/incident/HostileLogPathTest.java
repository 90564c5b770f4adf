package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's path is a path: nothing in it is read by the database as a setting. */
class HostileLogPathTest {

    @TempDir
    Path dir;

    @Test
    void aPathThatWouldRunAScriptIsRefusedAndTheScriptNeverRuns() throws Exception {
        Path marker = dir.resolve("ran");
        Path script = Files.writeString(dir.resolve("evil.sql"), "CALL FILE_WRITE('x', '" + marker + "');\n");
        Path hostile = Path.of(dir.resolve("log") + ";INIT=RUNSCRIPT FROM '" + script + "'");

        assertThatThrownBy(() -> IncidentLogStore.open(hostile, Clock.systemUTC(), "mallory"))
                .isInstanceOf(IncidentLogUnavailableException.class)
                .hasMessageContaining(
                        "has a ';', which the database would read as a setting: choose a folder without one");
        assertThat(marker).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("evil.sql");
        }
    }

    @Test
    void aFolderWithASemicolonOrAControlCharacterIsRefusedInOneSentence() {
        assertThatThrownBy(() -> IncidentLogStore.open(dir.resolve("a;b").resolve("log"), Clock.systemUTC(), "alice"))
                .hasMessageStartingWith("The incident log's path ")
                .hasMessageContaining("a;b");
        assertThatThrownBy(() ->
                        IncidentLogStore.open(dir.resolve("line\nbreak").resolve("log"), Clock.systemUTC(), "alice"))
                .hasMessageContaining("line\\u000abreak")
                .hasMessageContaining("control character");
    }

    @Test
    void oddButHarmlessCharactersStillMakeALog() {
        Path odd = dir.resolve("ünï 段 'quoted' $HOME (1)").resolve("log");
        try (IncidentLogStore store = IncidentLogStore.open(odd, Clock.systemUTC(), "alice")) {
            store.declare(new NewIncident("r", "t", IncidentMode.LIVE, null, null, null), java.util.Map.of());
            assertThat(store.incidents()).hasSize(1);
        }
        assertThat(Path.of(odd + ".mv.db")).exists();
    }
}
