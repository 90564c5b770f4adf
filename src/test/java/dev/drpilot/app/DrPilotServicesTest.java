package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.LogLocation;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.engine.StepWorkerEngines;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.ui.UiBackend;
import dev.drpilot.ui.UiSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The one composition root: what Main builds once reaches every command and the window. */
class DrPilotServicesTest {

    private static final ActionCatalog BUILT_IN = ActionCatalog.builtIn();

    @TempDir
    Path dir;

    private final AtomicInteger catalogueReads = new AtomicInteger();

    private DrPilotServices services(ActionCatalog catalog) {
        return new DrPilotServices(
                () -> {
                    catalogueReads.incrementAndGet();
                    return catalog;
                },
                new StepWorkerEngines(new DaemonThreads("test-steps")),
                new LogLocation(null),
                Path.of("runbooks"),
                new TeamLogs(Map.of(), dir));
    }

    @Test
    void theCommandsGetTheServicesThroughPicocliAndReadTheirCatalogue() {
        ActionCatalog one = ActionCatalog.of(
                List.of(BUILT_IN.find("aws.sts.getCallerIdentity").orElseThrow()));
        StringWriter out = new StringWriter();
        CommandLine line = DrPilotCommand.commandLine(services(one));
        line.setOut(new PrintWriter(out, true));

        assertThat(line.execute("actions")).isZero();

        assertThat(out.toString()).contains("aws.sts.getCallerIdentity").doesNotContain("aws.rds.restoreToPointInTime");
    }

    @Test
    void theCatalogueIsReadOnceAndOnlyWhenFirstNeeded() {
        DrPilotServices services = services(BUILT_IN);
        CommandLine line = DrPilotCommand.commandLine(services);
        line.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(catalogueReads).as("building the command line reads nothing").hasValue(0);

        assertThat(line.execute("validate")).isZero();
        assertThat(line.execute("show", "druid-pod-failure")).isZero();
        UiSettings settings = new UiSettings("", "us-west-2", "", "", "", "");
        for (String log : List.of("first", "second")) {
            try (UiBackend backend = new DesktopWindow(services)
                    .backend(settings, dir.resolve(log).resolve("incidents"), null)) {
                assertThat(backend.runbooks()).isNotEmpty();
            }
        }

        assertThat(catalogueReads).hasValue(1);
    }
}
