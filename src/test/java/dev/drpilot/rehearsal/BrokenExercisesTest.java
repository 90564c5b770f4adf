package dev.drpilot.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.runbook.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One mistake per file in src/test/resources/broken-exercises; each file's first line says the
 * problem expected, as {@code # LINE:COLUMN: message}, the way the facilitator sees it.
 */
class BrokenExercisesTest {

    @TestFactory
    Stream<DynamicTest> eachBrokenExerciseIsReportedAtItsLineWithWhatToDo() throws IOException {
        ExerciseLoader loader = new ExerciseLoader(Shipped.RUNBOOKS, Shipped.CATALOG);
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("src/test/resources/broken-exercises"))) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String expected = Files.readAllLines(file).getFirst().substring(2);
                    ExerciseLoader.Result result = loader.loadFile(file);
                    assertThat(result.exercises()).isEmpty();
                    assertThat(result.problems()).hasSize(1);
                    Problem problem = result.problems().getFirst();
                    assertThat(problem.file()).isEqualTo(file);
                    assertThat(problem.line() + ":" + problem.column() + ": " + problem.message())
                            .startsWith(expected);
                }));
    }
}
