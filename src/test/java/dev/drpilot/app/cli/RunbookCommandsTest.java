package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** validate, list and show as an operator types them: output and exit status. */
class RunbookCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Class<?> command, String... args) {
        CommandLine line = new CommandLine(command, new CommandFactory(DrPilotServices.fromEnvironment()));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void validatePassesOnTheShippedRunbooks() {
        assertThat(run(ValidateCommand.class)).isZero();
        assertThat(out.toString()).containsPattern("\\d+ runbook\\(s\\) and 12 exercise\\(s\\) valid");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateNamesFileLineAndColumnOfABrokenRunbookAndExitsOne() {
        int status = run(ValidateCommand.class, "src/test/resources/broken-runbooks/unknown-action.yaml", "runbooks");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .contains("src/test/resources/broken-runbooks/unknown-action.yaml:")
                .contains("unknown action 'aws.rds.restoreToPointInTme'; did you mean aws.rds.restoreToPointInTime")
                .contains("1 problem(s) in 1 file(s)");
    }

    @Test
    void validateReportsAMissingPathClearly(@TempDir Path dir) {
        assertThat(run(ValidateCommand.class, dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("nope:1:1: no such file or folder");
    }

    @Test
    void listShowsATableOfEveryRunbook() {
        assertThat(run(ListCommand.class)).isZero();

        String table = out.toString();
        assertThat(table.lines().findFirst().orElseThrow()).matches("ID +ARCHITECTURE +KIND +RTO +RPO +STEPS");
        assertThat(table).containsPattern("druid-pod-failure +druid +recovery +< 5 min +none +\\d+");
        assertThat(table).containsPattern("webapp-region-failure +webapp +recovery +1 h - 2 h +< 1 s +\\d+");
    }

    @Test
    void showPrintsEachStepWithItsEquivalentCommand() {
        assertThat(run(ShowCommand.class, "druid-rds-corruption", "--param", "restoreTime=2024-01-15T10:25:00Z"))
                .isZero();

        assertThat(out.toString())
                .contains("druid-rds-corruption - ")
                .contains(
                        "aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier druid-metadata"
                                + " --target-db-instance-identifier druid-metadata-restored --restore-time 2024-01-15T10:25:00Z")
                .contains("kubectl rollout restart statefulset")
                .contains("DESTRUCTIVE: confirm by typing");
    }

    @Test
    void showPutsTheParameterValuesIntoAManualStepsInstructions() {
        assertThat(run(ShowCommand.class, "druid-s3-segment-deletion", "-p", "interval=2024-01-15/2024-01-16"))
                .isZero();
        assertThat(run(ShowCommand.class, "druid-s3-segment-deletion")).isZero();

        assertThat(out.toString())
                .contains(
                        "manual: In the Druid console, check that the datasource's segments for 2024-01-15/2024-01-16 are loaded")
                .contains(
                        "manual: In the Druid console, check that the datasource's segments for <interval> are loaded")
                .doesNotContain("${interval}");
    }

    @Test
    void showOfAnUnknownIdSaysHowToFindTheIds() {
        assertThat(run(ShowCommand.class, "druid-pod-failur")).isEqualTo(1);
        assertThat(err.toString()).contains("no runbook 'druid-pod-failur'").contains("drpilot list");
    }

    @Test
    void listRefusesABrokenFolderWithItsProblems(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\n");

        assertThat(run(ListCommand.class, "--runbooks", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bad.yaml:1:1: missing field 'title'");
    }

    @Test
    void aFolderWithNoRunbookIsSaidAndRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a runbook");

        assertThat(run(ListCommand.class, "--runbooks", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no runbook in " + dir);
        assertThat(run(ValidateCommand.class, dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("give the runbooks' YAML files or the folder that holds them");
    }

    @Test
    void aRunbookOfTheWrongShapeOrAnExerciseFileIsAProblemNotATrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("params-map.yaml"), """
                id: params-map
                title: Parameters given as a mapping
                architecture: druid
                kind: recovery
                targets: { rto: PT1H, rpo: none }
                params:
                  dbInstance: { type: string }
                steps:
                  - { id: look, title: Look at the logs, phase: immediate, manual: Read them. }
                """);
        Files.copy(Path.of("runbooks/exercises/druid-pod-failure-tabletop.yaml"), dir.resolve("exercise.yaml"));

        assertThat(run(ValidateCommand.class, dir.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("params-map.yaml:6:1: params: expected a list, found a mapping")
                .contains("exercise.yaml:1:1: this is a rehearsal's exercise file, not a runbook")
                .doesNotContain("Exception");
    }

    @Test
    void aFileFarLargerThanAnyRunbookIsRefusedUnread(@TempDir Path dir) throws Exception {
        Path big = Files.writeString(dir.resolve("big.yaml"), "id: big\n" + "# padding\n".repeat(200_000));

        assertThat(run(ValidateCommand.class, big.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("big.yaml:1:1: the file has 1953 KB; a runbook is a few KB (at most 1024 KB)");
    }
}
