package dev.drpilot.teamlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The laptop id kept beside a local log: made once, then the same for as long as the log lives. */
class LaptopIdTest {

    @TempDir
    Path dir;

    @Test
    void itIsMadeOnceBesideTheLogAndReadBackAfter() {
        Path log = dir.resolve("incidents");

        String first = LaptopId.of(log);

        assertThat(LaptopId.file(log))
                .isEqualTo(dir.resolve("incidents.laptop"))
                .exists();
        assertThat(new Writer("alice", first).laptop()).isEqualTo(first);
        assertThat(LaptopId.of(log)).isEqualTo(first);
        assertThat(LaptopId.of(dir.resolve("another"))).isNotEqualTo(first);
    }

    @Test
    void threadsThatMakeItAtOnceAllGetTheSameId() throws Exception {
        Path log = dir.resolve("incidents");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            Callable<String> make = () -> LaptopId.of(log);
            for (int i = 0; i < 8; i++) ids.add(threads.submit(make));
            String first = ids.getFirst().get();
            for (Future<String> id : ids) assertThat(id.get()).isEqualTo(first);
        } finally {
            threads.shutdownNow();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("incidents.laptop");
        }
    }

    @Test
    void aFileThatHoldsNoIdIsSaidAndNeverReplaced() throws Exception {
        Path log = dir.resolve("incidents");
        Files.writeString(LaptopId.file(log), "not an id: it has spaces\n");

        assertThatThrownBy(() -> LaptopId.of(log))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("The laptop id file " + LaptopId.file(log)
                        + " cannot be used (it holds no laptop id (letters, digits,"
                        + " '-', '_' or '.', at most 57)): remove it only if this log has never been shared.");
        assertThat(Files.readString(LaptopId.file(log))).isEqualTo("not an id: it has spaces\n");
    }
}
