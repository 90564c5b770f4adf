package dev.drpilot.action.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdk deploy and git tag as runbook steps, with small scripts and a real Git repository in the test's folder. */
class ProcessActionsTest {

    @TempDir
    Path dir;

    private IncidentLogStore log;

    @BeforeEach
    void open() {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
    }

    @AfterEach
    void close() {
        log.close();
    }

    private Path script(String name, String body) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private IncidentRun deploy(String cdk) throws Exception {
        Files.createDirectories(dir.resolve("infra"));
        Path file = Files.writeString(dir.resolve("deploy.yaml"), """
                id: deploy
                title: Deploy in the DR region
                architecture: druid
                kind: recovery
                targets: { rto: PT2H, rpo: PT15M }
                steps:
                  - { id: deploy, title: Deploy, phase: recovery, action: process.cdkDeploy, with: { directory: "%s", region: us-east-1, contextKey: "hosted:region", contextValue: us-east-1 } }
                """.formatted(dir.resolve("infra")));
        return declare(file, new CdkDeploy(cdk));
    }

    private IncidentRun declare(Path file, dev.drpilot.action.Action action) throws Exception {
        var loaded = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(file));
        assertThat(loaded.problems()).isEmpty();
        Runbook runbook = loaded.runbooks().get(0);
        return new IncidentEngine(
                        log,
                        new ActionRegistry(ActionCatalog.builtIn(), List.of(action)),
                        Executors.newSingleThreadExecutor(),
                        Clock.systemUTC(),
                        Sleeper.real(),
                        new SecureRandom())
                .declare(
                        runbook,
                        Map.of(),
                        new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
    }

    @Test
    void cdkDeployStreamsItsOutputAndReadsTheStackOutputs() throws Exception {
        Path cdk = script("cdk", """
                echo "args: $*"
                echo "DruidStack: deploying... [1/2]"
                echo "Outputs:"
                echo "DruidStack.CoordinatorUrl = http://druid-dr.internal:8081"
                """);
        IncidentRun run = deploy(cdk.toString());
        run.runToNextConfirmation().get(60, TimeUnit.SECONDS);

        assertThat(run.step("deploy").state()).as(run.step("deploy").message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("deploy").outputs())
                .containsEntry("outputs", Map.of("DruidStack.CoordinatorUrl", "http://druid-dr.internal:8081"));
        assertThat(log.events(run.incidentId()))
                .filteredOn(e -> e.kind() == EventKind.API_CALL)
                .extracting(e -> e.payload())
                .anyMatch(p -> p.contains(
                        "deploy --region us-east-1 --require-approval never --context hosted:region=us-east-1 --all"));
    }

    @Test
    void aFailingDeployShowsItsExitStatusAndLastLines() throws Exception {
        IncidentRun run = deploy(
                script("cdk", "echo 'DruidStack failed: Resource handler returned message: quota exceeded'\nexit 3\n")
                        .toString());
        run.runToNextConfirmation().get(60, TimeUnit.SECONDS);

        assertThat(run.step("deploy").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("deploy").message())
                .contains("failed with exit status 3")
                .contains("quota exceeded");
    }

    @Test
    void aMissingToolIsNamedWithHowToInstallIt() throws Exception {
        IncidentRun run = deploy(dir.resolve("no-such-cdk").toString());
        run.runToNextConfirmation().get(60, TimeUnit.SECONDS);

        assertThat(run.step("deploy").message())
                .contains("no-such-cdk is not installed or not on the PATH")
                .contains("npm install -g aws-cdk");
    }

    @Test
    void cancellingTheStepKillsTheWholeProcessTree() throws Exception {
        Path pids = dir.resolve("pids");
        Path cdk = script("cdk", "sleep 300 &\necho $! > " + pids + "\necho started\nwait\n");
        IncidentRun run = deploy(cdk.toString());
        Future<?> running = run.runToNextConfirmation();
        Awaitility.await()
                .atMost(30, TimeUnit.SECONDS)
                .until(() -> Files.exists(pids) && !Files.readString(pids).isBlank());
        long child = Long.parseLong(Files.readString(pids).strip());
        assertThat(ProcessHandle.of(child))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        run.cancel("deploy");
        running.get(60, TimeUnit.SECONDS);

        assertThat(run.step("deploy").state()).isEqualTo(StepState.CANCELLED);
        Awaitility.await()
                .atMost(10, TimeUnit.SECONDS)
                .until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void gitTagCreatesAndPushesTheReleaseTag() throws Exception {
        Path origin = dir.resolve("origin.git");
        Path repository = dir.resolve("aws-webapp-infra");
        git(dir, "init", "-q", "--bare", origin.toString());
        git(dir, "clone", "-q", origin.toString(), repository.toString());
        // the repository's own identity: the annotated tag needs one, and the tests need none of the machine's
        git(repository, "config", "user.name", "test");
        git(repository, "config", "user.email", "test@example.com");
        Files.writeString(repository.resolve("handler.py"), "def handler(e, c):\n    return 1\n");
        git(repository, "add", ".");
        git(repository, "commit", "-q", "-m", "v1");
        Path file = Files.writeString(dir.resolve("tag.yaml"), """
                id: tag
                title: Tag
                architecture: webapp
                kind: backup
                targets: { rto: none, rpo: none }
                steps:
                  - { id: tag, title: Tag, phase: recovery, action: process.gitTag, with: { directory: "%s", tag: webapp-v1.0.0, push: true } }
                """.formatted(repository));
        IncidentRun run = declare(file, new GitTag("git"));
        run.runToNextConfirmation().get(60, TimeUnit.SECONDS);

        assertThat(run.step("tag").state()).as(run.step("tag").message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(git(origin, "tag", "--list")).isEqualTo("webapp-v1.0.0");
    }

    private static String git(Path in, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
