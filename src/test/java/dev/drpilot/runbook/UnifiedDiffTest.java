package dev.drpilot.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbook diff reads as `diff -u` writes it: checked against GNU diff itself on edits at every place of a file. */
class UnifiedDiffTest {

    @TempDir
    Path dir;

    private static final String FORTY = lines(1, 40);

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("a", FORTY, "b", FORTY)).isEmpty();
    }

    @Test
    void aChangedLineIsShownWithItsContextAndHeaders() {
        String after = FORTY.replace("line 20\n", "line twenty\n");

        assertThat(UnifiedDiff.of("before.yaml", FORTY, "after.yaml", after))
                .containsExactly(
                        "--- before.yaml",
                        "+++ after.yaml",
                        "@@ -17,7 +17,7 @@",
                        " line 17",
                        " line 18",
                        " line 19",
                        "-line 20",
                        "+line twenty",
                        " line 21",
                        " line 22",
                        " line 23");
    }

    @Test
    void everyKindOfEditReadsAsGnuDiffWritesIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/diff")), "GNU diff is not installed");
        List<String> edits = List.of(
                FORTY.replace("line 1\n", "first line\n"), // the first line
                FORTY.replace("line 40\n", "last line\n"), // the last line
                FORTY.replace("line 10\n", "line 10\nnew a\nnew b\n"), // lines added
                FORTY.replace("line 12\nline 13\nline 14\n", ""), // lines removed
                FORTY.replace("line 5\n", "five\n")
                        .replace("line 11\n", "eleven\n"), // two changes 5 lines apart: one hunk
                FORTY.replace("line 5\n", "five\n").replace("line 13\n", "thirteen\n"), // 7 lines apart: two hunks
                "new top\n" + FORTY + "new bottom\n", // both ends
                lines(1, 3), // most of it removed
                FORTY.replace("line 30\n", "") + "line 30\n"); // a line moved
        for (String after : edits) {
            assertThat(UnifiedDiff.of("a", FORTY, "b", after)).as(after).containsExactlyElementsOf(gnu(FORTY, after));
        }
    }

    /** What `diff -u` prints, its two header lines named as ours. */
    private List<String> gnu(String before, String after) throws IOException, InterruptedException {
        Path a = Files.writeString(dir.resolve("a"), before, StandardCharsets.UTF_8);
        Path b = Files.writeString(dir.resolve("b"), after, StandardCharsets.UTF_8);
        Process diff = new ProcessBuilder(
                        "/usr/bin/diff", "-u", "--label", "a", "--label", "b", a.toString(), b.toString())
                .redirectErrorStream(true)
                .start();
        List<String> out = new ArrayList<>(new String(diff.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList());
        assertThat(diff.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
