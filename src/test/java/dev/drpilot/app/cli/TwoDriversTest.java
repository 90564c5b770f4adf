package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.DrivenElsewhereException;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.timeline.EventDescriptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two DR Pilots on one log: the command line in a process of its own drives an incident, and this
 * process (a window's engine, or another terminal) opens it too. Each sees what the other writes;
 * only the driver runs steps; taking over is explicit and logged, and the other one stops.
 */
class TwoDriversTest {

    private static final Runbook CHECKLIST = new RunbookLoader(ActionCatalog.builtIn())
            .load(List.of(Path.of("runbooks"))).runbooks().stream()
                    .filter(r -> r.id().equals("recovery-checklist"))
                    .findFirst()
                    .orElseThrow();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int drpilot(String input, String... args) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            return line.execute(args);
        } finally {
            System.setIn(stdin);
        }
    }

    private String log() {
        return dir.resolve("log").toString();
    }

    /** The checklist run from a terminal of its own, waiting for the operator at its first step; and the incident's id. */
    private String terminalWaitingAtTheFirstStep(TerminalChild terminal, IncidentLogStore store) {
        terminal.awaitLine("1/16 [Immediate response] Identify scope of failure");
        terminal.awaitLine("Which architecture, which services");
        Awaitility.await()
                .atMost(30, TimeUnit.SECONDS)
                .until(() -> !store.incidents().isEmpty());
        return store.incidents().getFirst().id();
    }

    @Test
    void theOtherSideSeesTheTerminalsStepsIsRefusedItsOwnAndRunsThemOnceItTookOverWithALoggedAct() throws Exception {
        try (TerminalChild terminal = TerminalChild.drpilot("run", "recovery-checklist", "--log", log());
                IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "bob")) {
            String id = terminalWaitingAtTheFirstStep(terminal, store);
            IncidentRun window = DrPilotServices.fromEnvironment()
                    .engine(store)
                    .resume(store.incident(id).orElseThrow(), CHECKLIST, Map.of());
            List<IncidentEvent> seen = new CopyOnWriteArrayList<>();
            window.addListener(new IncidentListener() {
                @Override
                public void stepChanged(StepRun step) {}

                @Override
                public void logged(IncidentEvent event) {
                    seen.add(event);
                }
            });
            window.driving().followTheLog();

            assertThat(window.driving().elsewhere())
                    .hasValueSatisfying(
                            driver -> assertThat(driver.seat().pid()).isEqualTo(terminal.pid()));
            assertThat(store.events(id))
                    .extracting(IncidentEvent::kind)
                    .as("opening to follow is not resuming")
                    .doesNotContain(EventKind.INCIDENT_RESUMED, EventKind.STEP_INTERRUPTED);
            assertThat(window.step("identify-scope").state())
                    .as("running there, not interrupted here")
                    .isEqualTo(StepState.RUNNING);
            assertThatThrownBy(() -> window.start("activate-team"))
                    .isInstanceOf(DrivenElsewhereException.class)
                    .hasMessageContaining(id + " is driven by ")
                    .hasMessageContaining("(pid " + terminal.pid() + ") since ")
                    .hasMessageNotContaining("\n");

            assertThat(drpilot("", "note", id, "--log", log(), "the", "pager", "fired"))
                    .as(err.toString())
                    .isZero();
            terminal.answer("scope: Druid only");
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> window.step("identify-scope").state() == StepState.SUCCEEDED);
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> window.step("activate-team").state() == StepState.RUNNING);
            assertThat(seen).anySatisfy(e -> assertThat(e.payload()).contains("scope: Druid only"));
            terminal.awaitLine("Page the on-call engineers");

            window.driving().takeOver();

            assertThat(window.driving().elsewhere()).isEmpty();
            IncidentEvent takeOver = store.events(id).stream()
                    .filter(e -> e.kind() == EventKind.INCIDENT_TAKEN_OVER)
                    .findFirst()
                    .orElseThrow();
            assertThat(EventDescriptions.describe(takeOver))
                    .startsWith("bob on ")
                    .contains(" took over driving the incident from ")
                    .contains("(pid " + terminal.pid() + ")")
                    .doesNotContain("silent");
            terminal.awaitLine("took " + id + " over: this terminal no longer drives it.");
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> window.step("activate-team").state() == StepState.CANCELLED);
            assertThat(window.step("activate-team").message()).contains("took the incident over");

            window.start("activate-team");
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> window.step("activate-team").state() == StepState.AWAITING_OPERATOR);
            window.tickOff("activate-team", "paged from the window", Map.of());
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> window.step("activate-team").state() == StepState.SUCCEEDED);

            terminal.answer("too late");
            assertThat(terminal.exitStatus()).isEqualTo(3);
            assertThat(terminal.output())
                    .contains("Stopped: bob on ")
                    .contains(" drives " + id + " now")
                    .contains("take it back with: drpilot resume " + id + " --take-over")
                    .doesNotContain("Exception");
            assertThat(store.events(id))
                    .filteredOn(e -> e.kind() == EventKind.STEP_SUCCEEDED)
                    .extracting(IncidentEvent::stepId)
                    .containsExactly("identify-scope", "activate-team");
            assertThat(store.verify(id).intact()).isTrue();
            window.close();
        }
    }

    @Test
    void aSecondTerminalIsRefusedWithTheDriversNameThenTakesOverAndFinishesTheIncident() throws Exception {
        try (TerminalChild terminal = TerminalChild.drpilot("run", "recovery-checklist", "--log", log());
                IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "bob")) {
            String id = terminalWaitingAtTheFirstStep(terminal, store);

            assertThat(drpilot("", "resume", id, "--log", log())).isEqualTo(1);
            assertThat(err.toString().strip())
                    .doesNotContain("\n")
                    .startsWith(id + " is driven by ")
                    .contains("(pid " + terminal.pid() + ")")
                    .endsWith("take it over with `drpilot resume " + id + " --take-over`");
            assertThat(store.events(id)).extracting(IncidentEvent::kind).doesNotContain(EventKind.INCIDENT_TAKEN_OVER);

            int status =
                    drpilot("r\nscoped from here\n" + "\n".repeat(15), "resume", id, "--log", log(), "--take-over");

            assertThat(status).as(out.toString()).isZero();
            assertThat(out.toString())
                    .contains("Took " + id + " over from ")
                    .contains("(pid " + terminal.pid() + ")")
                    .contains("Cancelled: Stopped here: ")
                    .contains("All steps done");
            terminal.awaitLine("took " + id + " over: this terminal no longer drives it.");
            terminal.answer("");
            assertThat(terminal.exitStatus()).as(terminal.output()).isEqualTo(3);
            assertThat(terminal.output())
                    .contains("Stopped: " + System.getProperty("user.name") + " on ")
                    .doesNotContain("Exception");
            List<IncidentEvent> events = store.events(id);
            assertThat(events)
                    .extracting(IncidentEvent::kind)
                    .contains(EventKind.INCIDENT_TAKEN_OVER, EventKind.STEP_CANCELLED);
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.STEP_SUCCEEDED)
                    .hasSize(16)
                    .first()
                    .satisfies(e -> assertThat(e.payload()).contains("scoped from here"));
            assertThat(store.drivers().driver(id)).as("let go at the end").isEmpty();
        }
    }
}
