package dev.drpilot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DR Pilot process killed with SIGKILL in the middle of a step loses nothing it had committed. */
class CrashRecoveryTest {

    static final String RUNBOOK = """
            id: crash
            title: Runbook the crash test kills
            architecture: druid
            kind: recovery
            targets: { rto: PT30M, rpo: none }
            steps:
              - id: greet
                title: Greet
                phase: immediate
                action: process.test.succeed
                with: { name: crash }
              - id: wait
                title: Wait for something that never comes
                phase: recovery
                action: process.test.waitForReady
                with: { polls: "1000000" }
            """;

    @TempDir
    Path dir;

    @Test
    void killedMidStepThenReopenedNothingCommittedIsLostAndTheStepIsInterrupted() throws Exception {
        Path logFile = dir.resolve("log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashChild.class.getName(),
                        logFile.toString(),
                        RUNBOOK)
                .redirectErrorStream(true)
                .start();
        List<Long> committed = new ArrayList<>();
        String incidentId = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("COMMITTED ")) {
                    String[] parts = line.split(" ");
                    incidentId = parts[1];
                    committed.add(Long.parseLong(parts[2]));
                }
                if (line.startsWith("WAITING wait")) break;
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).hasSizeGreaterThan(50);

        try (IncidentLogStore log = IncidentLogStore.open(logFile, Clock.systemUTC(), "operator")) {
            List<Long> found =
                    log.events(incidentId).stream().map(IncidentEvent::sequence).toList();
            assertThat(found).containsAll(committed);
            assertThat(log.verify(incidentId).intact()).isTrue();

            Runbook runbook = new RunbookLoader(EngineTestActions.CATALOG)
                    .loadText(Path.of("crash.yaml"), RUNBOOK)
                    .runbooks()
                    .get(0);
            IncidentEngine engine = new IncidentEngine(
                    log,
                    new ActionRegistry(EngineTestActions.CATALOG, List.of()),
                    Executors.newSingleThreadExecutor(),
                    Clock.systemUTC(),
                    d -> {},
                    new Random());
            IncidentRun resumed = engine.resume(log.incident(incidentId).orElseThrow(), runbook, Map.of());

            assertThat(resumed.step("greet").state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(resumed.step("wait").state()).isEqualTo(StepState.INTERRUPTED);
            assertThat(resumed.step("wait").message()).contains("before you retry");
        }
    }
}
