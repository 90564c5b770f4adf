package dev.drpilot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentEngineTest {

    private static final String RUNBOOK = """
            id: test-runbook
            title: Runbook for the engine's tests
            architecture: druid
            kind: recovery
            targets: { rto: PT30M, rpo: none }
            params:
              - { name: who, type: string, default: operator }
              - { name: polls, type: integer, default: 5, min: 1 }
              - { name: dbPassword, type: secret, required: false }
            steps:
              - id: note-time
                title: Note when it began
                phase: immediate
                manual: Note the time of the first error.
                records: [{ name: firstError, type: instant }]
              - id: greet
                title: Greet
                phase: recovery
                action: process.test.succeed
                with: { name: "${who}", password: "${dbPassword}" }
              - id: greet-again
                title: Greet with the first greeting
                phase: recovery
                action: process.test.succeed
                with: { name: "${steps.greet.greeting} at ${steps.note-time.firstError}" }
              - id: throttled
                title: A throttled call
                phase: recovery
                action: process.test.throttled
              - id: wait
                title: Wait until ready
                phase: recovery
                action: process.test.waitForReady
                with: { polls: "${polls}" }
                expect: PT5M
                timeout: PT20M
              - id: delete
                title: Delete the old resource
                phase: recovery
                action: process.test.delete
                with: { resource: old-db }
                confirm: old-db
              - id: fail
                title: A call that is refused
                phase: validation
                action: process.test.fail
            """;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T03:00:00Z"));
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final EngineTestActions.Throttled throttled = new EngineTestActions.Throttled();
    private final EngineTestActions.Delete delete = new EngineTestActions.Delete();
    private final EngineTestActions.Block block = new EngineTestActions.Block();
    private IncidentLogStore log;
    private IncidentEngine engine;
    private Runbook runbook;

    @BeforeEach
    void setUp() {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        engine = engineOn(log);
        runbook = runbook(RUNBOOK);
    }

    private IncidentEngine engineOn(IncidentLogStore store) {
        ActionRegistry registry = new ActionRegistry(
                EngineTestActions.CATALOG,
                List.of(
                        new EngineTestActions.Succeed(),
                        new EngineTestActions.Fail(),
                        throttled,
                        new EngineTestActions.WaitForReady(),
                        block,
                        delete));
        return new IncidentEngine(store, registry, executor, clock, clock.sleeper(), new Random(7));
    }

    private static Runbook runbook(String yaml) {
        RunbookLoader.Result result =
                new RunbookLoader(EngineTestActions.CATALOG).loadText(Path.of("test-runbook.yaml"), yaml);
        assertThat(result.problems()).isEmpty();
        return result.runbooks().get(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        log.close();
    }

    private IncidentRun declare(Map<String, String> params) throws Exception {
        return engine.declare(
                runbook,
                params,
                new NewIncident(runbook.id(), runbook.title(), IncidentMode.LIVE, "SEV1", "alice", null));
    }

    private List<EventKind> kinds(IncidentRun run) {
        return log.events(run.incidentId()).stream().map(IncidentEvent::kind).toList();
    }

    private void tickFirstStep(IncidentRun run) throws Exception {
        var future = run.start("note-time");
        org.awaitility.Awaitility.await().until(() -> run.step("note-time").state() == StepState.AWAITING_OPERATOR);
        run.tickOff("note-time", "seen in the coordinator log", Map.of("firstError", "2026-11-24T02:50:00Z"));
        future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWrongParameterIsRefusedBeforeAnythingIsDeclaredOrCalled() {
        assertThatThrownBy(() -> declare(Map.of("polls", "zero", "colour", "red")))
                .isInstanceOfSatisfying(
                        InvalidParametersException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "runbook test-runbook has no parameter 'colour'; it takes: who, polls, dbPassword",
                                        "polls: 'zero' is not a whole number"));
        assertThat(log.incidents()).isEmpty();
    }

    @Test
    void aManualStepWaitsForTheOperatorAndItsValuesFeedLaterSteps() throws Exception {
        IncidentRun run = declare(Map.of());
        tickFirstStep(run);

        run.start("greet").get(10, TimeUnit.SECONDS);
        run.start("greet-again").get(10, TimeUnit.SECONDS);

        assertThat(run.step("note-time").outputs())
                .containsEntry("firstError", "2026-11-24T02:50:00Z")
                .containsEntry("note", "seen in the coordinator log");
        assertThat(run.step("greet-again").outputs())
                .containsEntry("greeting", "hello hello operator at 2026-11-24T02:50:00Z");
        assertThat(kinds(run))
                .containsSubsequence(
                        EventKind.INCIDENT_DECLARED,
                        EventKind.STEP_STARTED,
                        EventKind.STEP_SUCCEEDED,
                        EventKind.STEP_STARTED,
                        EventKind.API_CALL,
                        EventKind.STEP_SUCCEEDED);
    }

    @Test
    void aStepThatNeedsAnOutputNotProducedYetFailsWithoutCallingAnything() throws Exception {
        IncidentRun run = declare(Map.of());

        run.start("greet-again").get(10, TimeUnit.SECONDS);

        assertThat(run.step("greet-again").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("greet-again").message())
                .contains("${steps.greet.greeting}")
                .contains("run that step first");
        assertThat(kinds(run)).doesNotContain(EventKind.API_CALL);
    }

    @Test
    void throttlingIsRetriedWithBackoffAndEachRetryIsLogged() throws Exception {
        IncidentRun run = declare(Map.of());

        run.start("throttled").get(10, TimeUnit.SECONDS);

        assertThat(run.step("throttled").state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("throttled").outputs()).containsEntry("attempts", 3);
        List<IncidentEvent> retries = log.events(run.incidentId()).stream()
                .filter(e -> e.kind() == EventKind.STEP_RETRIED)
                .toList();
        assertThat(retries).hasSize(2);
        assertThat(retries.get(0).payload())
                .contains("Throttling: rate exceeded")
                .contains("\"attempt\":2");
        assertThat(clock.instant()).isAfter(Instant.parse("2026-11-24T03:00:00Z"));
    }

    @Test
    void aLongWaitPollsWithBackoffUntilTheResourceIsReady() throws Exception {
        IncidentRun run = declare(Map.of("polls", "6"));
        List<StepState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        run.addListener(step -> {
            if (step.id().equals("wait")) seen.add(step.state());
        });

        run.start("wait").get(10, TimeUnit.SECONDS);

        assertThat(run.step("wait").state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("wait").outputs()).containsEntry("polls", 6);
        assertThat(seen).contains(StepState.RUNNING, StepState.WAITING, StepState.SUCCEEDED);
        assertThat(kinds(run)).contains(EventKind.STEP_WAITING);
        assertThat(Duration.between(Instant.parse("2026-11-24T03:00:00Z"), clock.instant()))
                .isGreaterThan(Duration.ofSeconds(10));
    }

    @Test
    void aWaitThatOutrunsTheStepTimeoutFailsAndSaysWhatToDo() throws Exception {
        IncidentRun run = declare(Map.of("polls", "1000"));

        run.start("wait").get(10, TimeUnit.SECONDS);

        assertThat(run.step("wait").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("wait").message())
                .startsWith("Gave up waiting for the test resource to be ready after 20 min");
    }

    @Test
    void aDestructiveStepWaitsForTheTypedConfirmation() throws Exception {
        IncidentRun run = declare(Map.of());

        run.start("delete").get(10, TimeUnit.SECONDS);
        assertThat(run.step("delete").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
        assertThat(delete.calls).hasValue(0);

        assertThatThrownBy(() -> run.confirm("delete", "old")).hasMessageContaining("type exactly 'old-db'");
        assertThat(delete.calls).hasValue(0);

        run.confirm("delete", "old-db").get(10, TimeUnit.SECONDS);
        assertThat(run.step("delete").state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(delete.calls).hasValue(1);
        assertThat(kinds(run))
                .containsSubsequence(
                        EventKind.CONFIRMATION_REQUESTED,
                        EventKind.CONFIRMATION_GIVEN,
                        EventKind.STEP_STARTED,
                        EventKind.STEP_SUCCEEDED);
    }

    @Test
    void aFailureIsShownInTheActionsWordsAndCanBeSkippedWithAReason() throws Exception {
        IncidentRun run = declare(Map.of());

        run.start("fail").get(10, TimeUnit.SECONDS);
        assertThat(run.step("fail").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("fail").message()).isEqualTo("Access denied: test:Fail is not allowed for role operator");

        run.start("fail").get(10, TimeUnit.SECONDS);
        assertThat(log.events(run.incidentId()).stream()
                        .filter(e -> e.kind() == EventKind.STEP_STARTED)
                        .toList()
                        .getLast()
                        .payload())
                .contains("\"attempt\":2");
        assertThat(run.step("fail").attempts()).isEqualTo(2);

        assertThatThrownBy(() -> run.skip("fail", " ")).hasMessageContaining("say why");
        run.skip("fail", "checked by hand in the console");
        assertThat(run.step("fail").state()).isEqualTo(StepState.SKIPPED);
        assertThat(log.events(run.incidentId()).getLast().payload()).contains("checked by hand in the console");
    }

    @Test
    void runToNextConfirmationRunsInOrderAndStopsAtTheDestructiveStep() throws Exception {
        IncidentRun run = declare(Map.of());
        tickFirstStep(run);

        run.runToNextConfirmation().get(10, TimeUnit.SECONDS);

        assertThat(run.steps())
                .extracting(StepRun::state)
                .containsExactly(
                        StepState.SUCCEEDED,
                        StepState.SUCCEEDED,
                        StepState.SUCCEEDED,
                        StepState.SUCCEEDED,
                        StepState.SUCCEEDED,
                        StepState.AWAITING_CONFIRMATION,
                        StepState.PENDING);
    }

    @Test
    void aRunningStepCanBeCancelled() throws Exception {
        Runbook blocking = runbook(RUNBOOK.replace("action: process.test.fail", "action: process.test.block"));
        IncidentRun run = engine.declare(
                blocking, Map.of(), new NewIncident(blocking.id(), "t", IncidentMode.LIVE, null, null, null));

        var future = run.start("fail");
        assertThat(block.started.await(10, TimeUnit.SECONDS)).isTrue();
        run.cancel("fail");
        org.awaitility.Awaitility.await().until(future::isDone);

        assertThat(run.step("fail").state()).isEqualTo(StepState.CANCELLED);
        assertThat(kinds(run)).endsWith(EventKind.STEP_CANCELLED);
    }

    @Test
    void anAddedManualStepIsAnEventAndComesBackOnResume() throws Exception {
        IncidentRun run = declare(Map.of());
        run.addManualStep("greet", "Tell the status page", "Post an update on the status page.");

        IncidentRun resumed = engine.resume(log.incident(run.incidentId()).orElseThrow(), runbook, Map.of());

        assertThat(resumed.steps()).extracting(StepRun::id).containsSequence("greet", "added-1", "greet-again");
        assertThat(resumed.step("added-1").step().manual()).isEqualTo("Post an update on the status page.");
    }

    @Test
    void aManualStepsInstructionsShowTheValuesKnownNowAndNoSecret() throws Exception {
        runbook = runbook(RUNBOOK + """
                  - id: check
                    title: Check the first error
                    phase: validation
                    manual: Ask ${who} (password ${dbPassword}) about ${steps.note-time.firstError}.
                """);
        IncidentRun run = declare(Map.of("dbPassword", "S3cr3t"));
        run.addManualStep("greet", "Tell the status page", "Post ${who} on the status page.");

        assertThat(run.instructions("check")).isEqualTo("Ask operator (password ****) about <note-time.firstError>.");
        tickFirstStep(run);
        assertThat(run.instructions("check")).isEqualTo("Ask operator (password ****) about 2026-11-24T02:50:00Z.");
        assertThat(run.instructions("added-1"))
                .as("the operator's own words")
                .isEqualTo("Post ${who} on the status page.");
    }

    @Test
    void resumingPutsStepsBackAndMarksTheOneThatWasRunningAsInterrupted() throws Exception {
        IncidentRun run = declare(Map.of());
        tickFirstStep(run);
        run.start("greet").get(10, TimeUnit.SECONDS);
        // the process dies in the middle of the wait: its start is in the log, its end is not
        log.append(run.incidentId(), new EventData.StepStarted("process.test.waitForReady", 1, null, null), "wait");

        IncidentRun resumed = engine.resume(log.incident(run.incidentId()).orElseThrow(), runbook, Map.of());

        assertThat(resumed.step("greet").state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(resumed.step("wait").state()).isEqualTo(StepState.INTERRUPTED);
        assertThat(resumed.step("wait").message())
                .contains("check the resource of `wait 5`")
                .contains("before you retry");
        assertThat(kinds(resumed)).endsWith(EventKind.STEP_INTERRUPTED, EventKind.INCIDENT_RESUMED);
        resumed.start("greet-again").get(10, TimeUnit.SECONDS);
        assertThat(resumed.step("greet-again").outputs().get("greeting"))
                .asString()
                .startsWith("hello hello operator");
    }

    @Test
    void aSecretParameterNeverReachesTheLogFile() throws Exception {
        String canary = "canary-S3cr3t-" + System.nanoTime();
        IncidentRun run = declare(Map.of("dbPassword", canary));
        tickFirstStep(run);
        run.start("greet").get(10, TimeUnit.SECONDS);
        run.entries().note("the password is " + canary, null);
        String visible = "visible-marker-" + System.nanoTime();
        run.entries().note(visible, null);
        log.close();

        byte[] file = Files.readAllBytes(dir.resolve("log.mv.db"));
        String content = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(content).contains(visible).doesNotContain(canary);
        assertThat(run.step("greet").command()).contains("--password ****");
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
    }
}
