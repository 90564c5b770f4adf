package dev.drpilot.action.process;

import static dev.drpilot.action.ReadBackRuns.declare;
import static dev.drpilot.action.ReadBackRuns.onEvent;
import static dev.drpilot.action.ReadBackRuns.runAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release tag reads back locally and, when pushed, on origin: a real clone of a real bare repository in the test's folder. */
class GitTagTest {

    @TempDir
    Path dir;

    private Path origin;
    private Path repository;
    private IncidentLogStore log;
    private ExecutorService steps;
    private IncidentEngine engine;

    @BeforeEach
    void start() throws Exception {
        origin = dir.resolve("origin.git");
        repository = dir.resolve("aws-webapp-infra");
        git(dir, "init", "-q", "--bare", origin.toString());
        git(dir, "clone", "-q", origin.toString(), repository.toString());
        // the repository's own identity: the annotated tag needs one, and the tests need none of the machine's
        git(repository, "config", "user.name", "test");
        git(repository, "config", "user.email", "test@example.com");
        Files.writeString(repository.resolve("handler.py"), "def handler(e, c):\n    return 1\n");
        git(repository, "add", ".");
        git(repository, "commit", "-q", "-m", "v1");
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        steps = Executors.newSingleThreadExecutor();
        engine = new IncidentEngine(
                log,
                new ActionRegistry(ActionCatalog.builtIn(), List.of(new GitTag("git"))),
                steps,
                Clock.systemUTC(),
                Sleeper.real(),
                new SecureRandom());
    }

    @AfterEach
    void stop() {
        steps.shutdownNow();
        log.close();
    }

    private IncidentRun tag(String tag, boolean push) throws Exception {
        return declare(dir, engine, """
                  - { id: tag, title: Tag, phase: recovery, action: process.gitTag, with: { directory: "%s", tag: %s, push: %s } }
                """.formatted(repository, tag, push));
    }

    @Test
    void aPushedTagReadsBackOnTheSameCommitLocallyAndOnOrigin() throws Exception {
        String head = git(repository, "rev-parse", "HEAD");

        StepRun tag = runAll(tag("webapp-v1.0.0", true));

        assertThat(tag.state()).as(tag.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(tag.message())
                .contains("Checked: tag webapp-v1.0.0 -> commit " + head + " locally and on origin (git ls-remote)");
        assertThat(git(origin, "rev-parse", "webapp-v1.0.0^{commit}")).isEqualTo(head);
    }

    @Test
    void aTagKeptLocalReadsBackLocallyOnly() throws Exception {
        StepRun tag = runAll(tag("webapp-v1.0.1", false));

        assertThat(tag.state()).as(tag.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(tag.message())
                .endsWith("Checked: tag webapp-v1.0.1 -> commit " + git(repository, "rev-parse", "HEAD") + " locally");
        assertThat(git(origin, "tag", "--list")).isEmpty();
    }

    @Test
    void aTagDeletedOnOriginAfterThePushFailsTheStep() throws Exception {
        IncidentRun run = tag("webapp-v1.0.2", true);
        // someone deletes the tag on origin between the push and the read-back
        AtomicBoolean deleted =
                onEvent(run, EventKind.API_CALL, "rev-parse", () -> git(origin, "tag", "-d", "webapp-v1.0.2"));

        StepRun tag = runAll(run);

        assertThat(deleted).isTrue();
        assertThat(tag.state()).isEqualTo(StepState.FAILED);
        assertThat(tag.message())
                .contains(
                        "Expected tag webapp-v1.0.2 on origin at commit " + git(repository, "rev-parse", "HEAD")
                                + ", found no such tag (git ls-remote)",
                        "git push origin webapp-v1.0.2");
    }

    private static String git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
