package dev.drpilot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionContext.OperatorInput;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.ManualAction;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDriverTest {

    private static final String RUNBOOK = """
            id: driven
            title: A runbook driven to its end
            architecture: druid
            kind: recovery
            targets: { rto: PT30M, rpo: none }
            steps:
              - id: note-time
                title: Note when it began
                phase: immediate
                manual: Note the time of the first error.
                records: [{ name: firstError, type: instant }]
              - id: look-again
                title: Look at the logs again
                phase: immediate
                manual: Look at the coordinator's log once more.
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
    private final EngineTestActions.Delete delete = new EngineTestActions.Delete();
    private IncidentLogStore log;
    private IncidentRun run;

    /**
     * A manual step that, once ticked off, says it is still looking at what was noted before it
     * ends: the step reports waiting for the operator again after the tick, as a stale view of it would.
     */
    private static final class ManualThatReportsAfterTheTick implements Action {
        public String id() {
            return ManualAction.ID;
        }

        public ActionResult execute(Map<String, Object> args, ActionContext context) throws InterruptedException {
            context.progress("Waiting for the operator to tick this step off", null);
            OperatorInput input = context.awaitOperator();
            context.progress("Reading what was noted", null);
            return ActionResult.of("Done", Map.copyOf(input.values()));
        }
    }

    /** Answers as the test says, and writes down each question. */
    private static final class ScriptedOperator implements RunDriver.Operator {
        final List<String> questions = new ArrayList<>();
        String typed = "old-db";
        /** The answers to failures in turn; once they run out, the operator stops. */
        final Deque<RunDriver.AfterFailure> afterFailures = new ArrayDeque<>();

        public Optional<OperatorInput> tickOff(StepRun step) {
            questions.add("tick " + step.id() + " while " + step.state().label());
            return Optional.of(new OperatorInput(
                    "seen", step.id().equals("note-time") ? Map.of("firstError", "2026-11-24T02:50:00Z") : Map.of()));
        }

        public Optional<String> confirm(StepRun step, String expected) {
            questions.add("confirm " + step.id() + " by typing " + expected);
            return Optional.ofNullable(typed);
        }

        public RunDriver.AfterFailure afterFailure(StepRun step) {
            questions.add("after " + step.id() + " " + step.state().label());
            return afterFailures.isEmpty() ? new RunDriver.AfterFailure.Stop() : afterFailures.removeFirst();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        ActionRegistry registry = new ActionRegistry(
                EngineTestActions.CATALOG,
                List.of(new ManualThatReportsAfterTheTick(), delete, new EngineTestActions.Fail()));
        IncidentEngine engine = new IncidentEngine(log, registry, executor, clock, clock.sleeper(), new Random(7));
        RunbookLoader.Result loaded =
                new RunbookLoader(EngineTestActions.CATALOG).loadText(Path.of("driven.yaml"), RUNBOOK);
        assertThat(loaded.problems()).isEmpty();
        Runbook runbook = loaded.runbooks().getFirst();
        run = engine.declare(
                runbook,
                Map.of(),
                new NewIncident(runbook.id(), runbook.title(), IncidentMode.LIVE, "SEV1", "alice", null));
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        log.close();
    }

    @Test
    void eachManualStepIsTickedOffOnceThoughItReportsWaitingForTheOperatorAgainAfterTheTick() throws Exception {
        ScriptedOperator operator = new ScriptedOperator();
        operator.afterFailures.add(new RunDriver.AfterFailure.Skip("refused: done by hand in the console"));

        assertThat(new RunDriver(run, operator).driveToEnd(null)).isTrue();

        assertThat(operator.questions)
                .containsExactly(
                        "tick note-time while Awaiting operator",
                        "tick look-again while Awaiting operator",
                        "confirm delete by typing old-db",
                        "after fail Failed");
        assertThat(run.steps())
                .extracting(StepRun::state)
                .containsExactly(StepState.SUCCEEDED, StepState.SUCCEEDED, StepState.SUCCEEDED, StepState.SKIPPED);
        assertThat(run.step("note-time").outputs()).containsEntry("firstError", "2026-11-24T02:50:00Z");
        assertThat(run.step("fail").message()).isEqualTo("Skipped: refused: done by hand in the console");
        assertThat(delete.calls).hasValue(1);
        assertThat(log.events(run.incidentId()))
                .extracting(IncidentEvent::data)
                .filteredOn(data -> data instanceof EventData.Note)
                .isEmpty();
    }

    @Test
    void aWrongConfirmationDeclinesTheDestructiveStepAndStopsThenARetryRunsItOnceConfirmed() throws Exception {
        ScriptedOperator operator = new ScriptedOperator();
        operator.typed = "yes";

        assertThat(new RunDriver(run, operator).driveToEnd(null)).isFalse();

        assertThat(run.step("delete").state()).isEqualTo(StepState.CANCELLED);
        assertThat(run.step("delete").message()).isEqualTo("Confirmation declined");
        assertThat(delete.calls).hasValue(0);

        operator.typed = "old-db";
        operator.afterFailures.addAll(List.of(new RunDriver.AfterFailure.Retry(), new RunDriver.AfterFailure.Retry()));
        operator.questions.clear();
        assertThat(new RunDriver(run, operator).driveToEnd(null)).isFalse();

        assertThat(operator.questions)
                .containsExactly(
                        "after delete Cancelled",
                        "confirm delete by typing old-db",
                        "after fail Failed",
                        "after fail Failed");
        assertThat(run.step("delete").state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(delete.calls).hasValue(1);
        assertThat(run.step("fail").attempts()).isEqualTo(2);
    }

    @Test
    void theOperatorStopsAtAFailureAndTheStepStaysFailed() throws Exception {
        ScriptedOperator operator = new ScriptedOperator();

        assertThat(new RunDriver(run, operator).driveToEnd(null)).isFalse();

        assertThat(operator.questions).last().isEqualTo("after fail Failed");
        assertThat(run.step("fail").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("fail").attempts()).isEqualTo(1);
    }
}
