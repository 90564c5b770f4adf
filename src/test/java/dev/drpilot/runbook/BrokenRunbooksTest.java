package dev.drpilot.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in src/test/resources/broken-runbooks has one mistake, and says on its first line
 * what the operator must be told: {@code # expect: LINE:COLUMN: part of the message}.
 */
class BrokenRunbooksTest {

    private static final Path FOLDER = Path.of("src/test/resources/broken-runbooks");
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+):(\\d+): (.+)");
    private static final RunbookLoader LOADER = new RunbookLoader(ActionCatalog.builtIn());

    static Stream<Path> brokenRunbooks() throws IOException {
        return Files.list(FOLDER).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRunbooks")
    void reportsTheMistakeWithItsLineAndWhatToDo(Path file) throws IOException {
        Matcher expected = EXPECT.matcher(Files.readAllLines(file).get(0));
        assertThat(expected.matches())
                .as("first line of %s is '# expect: LINE:COLUMN: message'", file)
                .isTrue();

        List<Problem> problems = LOADER.load(List.of(file)).problems();

        assertThat(problems).as("one mistake, one problem").hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line() + ":" + problem.column()).isEqualTo(expected.group(1) + ":" + expected.group(2));
        assertThat(problem.message()).contains(expected.group(3));
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastTwentyFiveOfThem() throws IOException {
        assertThat(brokenRunbooks().count()).isGreaterThanOrEqualTo(25);
    }

    @org.junit.jupiter.api.Test
    void allProblemsOfARunAreReportedSortedByFileAndLine() {
        RunbookLoader.Result result = LOADER.load(List.of(FOLDER));

        assertThat(result.problems()).hasSizeGreaterThanOrEqualTo(25).isSorted();
        assertThat(result.problems().stream().map(Problem::file).distinct().count())
                .isEqualTo(result.problems().size());
    }
}
