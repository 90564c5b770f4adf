package dev.drpilot.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.incident.BulkNotes;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventDraft;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.timeline.Postmortem;
import dev.drpilot.timeline.PostmortemWriter;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export service on a real H2 log: what it writes, what it logs, and what it refuses, in one sentence. */
class IncidentExportsTest {

    private static final Runbook RUNBOOK = new RunbookLoader(ActionCatalog.builtIn())
            .load(List.of(Path.of("runbooks"))).runbooks().stream()
                    .filter(r -> r.id().equals("druid-rds-corruption"))
                    .findFirst()
                    .orElseThrow();

    @TempDir
    Path dir;

    private IncidentLogStore open() {
        return IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
    }

    private String declare(IncidentMode mode) {
        try (IncidentLogStore log = open()) {
            return log.declare(new NewIncident(RUNBOOK.id(), RUNBOOK.title(), mode, "SEV2", "alice", null), Map.of())
                    .id();
        }
    }

    @Test
    void anIncidentOfSeveralPagesIsWrittenInEveryFormatAsItsEventsInHandWouldBeAndEachExportIsLogged()
            throws Exception {
        String id = declare(IncidentMode.LIVE);
        BulkNotes.fill(dir.resolve("log"), id, 2_500);
        try (IncidentLogStore log = open()) {
            log.append(id, new EventData.Decision("fail over to the DR region"), null);
            log.append(
                    id,
                    new EventDraft(
                            new EventData.Note("the pager fired before the declaration"),
                            null,
                            null,
                            Instant.parse("2020-01-01T00:00:00Z")));
            log.append(
                    id,
                    new EventDraft(
                            new EventData.Correction("event 7 named the wrong instance"),
                            RUNBOOK.steps().getFirst().id(),
                            7L,
                            null));
            Incident incident = log.incident(id).orElseThrow();
            Path folder = dir.resolve("exports");
            IncidentExports exports = IncidentExports.logged(log);

            for (ExportFormat format :
                    List.of(ExportFormat.MARKDOWN, ExportFormat.HTML, ExportFormat.JSON, ExportFormat.CSV)) {
                List<IncidentEvent> before = log.events(id);
                StringWriter expected = new StringWriter();
                PostmortemWriter.forFormat(format.label())
                        .write(Postmortem.of(incident, Optional.of(RUNBOOK), before), expected);

                Exported exported = exports.toFolder(id, Optional.of(RUNBOOK), format, folder, false);

                Path file = folder.resolve(id + "." + format.label());
                assertThat(exported).isEqualTo(new Exported.Written(file));
                assertThat(Files.readString(file)).as(format.label()).isEqualTo(expected.toString());
                List<IncidentEvent> after = log.events(id);
                assertThat(after).hasSize(before.size() + 1);
                assertThat(after.getLast().kind()).isEqualTo(EventKind.EXPORT);
                assertThat(after.getLast().data()).isEqualTo(new EventData.Export(format.label(), file.toString()));
            }
            assertThat(Files.readString(folder.resolve(id + ".md")))
                    .contains("| 2020-01-01 00:00:00 (added later) |")
                    .contains("Note: event 2500")
                    .contains("## Decisions")
                    .contains("event 7 named the wrong instance");

            Exported picture = exports.toFolder(id, Optional.of(RUNBOOK), ExportFormat.PNG, folder, false);
            BufferedImage image = ImageIO.read(folder.resolve(id + ".png").toFile());
            assertThat(picture).isInstanceOf(Exported.Written.class);
            assertThat(image.getWidth()).isEqualTo(1400);
            assertThat(log.events(id).getLast().data())
                    .isEqualTo(new EventData.Export(
                            "png", folder.resolve(id + ".png").toString()));
        }
    }

    @Test
    void aFileThatExistsIsKeptAndNothingLoggedUnlessForced() throws Exception {
        String id = declare(IncidentMode.LIVE);
        Path file = Files.writeString(dir.resolve("postmortem.md"), "the team's edits");
        try (IncidentLogStore log = open()) {
            int events = log.events(id).size();

            Exported kept =
                    IncidentExports.logged(log).toFile(id, Optional.of(RUNBOOK), ExportFormat.MARKDOWN, file, false);

            assertThat(kept)
                    .isEqualTo(new Exported.Refused(
                            file + " exists already: add --force to replace it, or name another file"));
            assertThat(Files.readString(file)).isEqualTo("the team's edits");
            assertThat(log.events(id)).hasSize(events);

            Exported replaced =
                    IncidentExports.logged(log).toFile(id, Optional.of(RUNBOOK), ExportFormat.MARKDOWN, file, true);

            assertThat(replaced).isEqualTo(new Exported.Written(file));
            assertThat(Files.readString(file)).startsWith("# Post-mortem: " + RUNBOOK.title());
            assertThat(log.events(id)).hasSize(events + 1);
        }
    }

    @Test
    void aScorecardIsWrittenForARehearsalWithItsRunbookOnly() throws Exception {
        String live = declare(IncidentMode.LIVE);
        String drill = declare(IncidentMode.REHEARSAL);
        Path folder = dir.resolve("exports");
        try (IncidentLogStore log = open()) {
            IncidentExports exports = IncidentExports.logged(log);

            assertThat(exports.toFolder(live, Optional.of(RUNBOOK), ExportFormat.SCORECARD, folder, false))
                    .isEqualTo(new Exported.Refused(live + " is a live incident, not a rehearsal: `drpilot export "
                            + live + "` writes its post-mortem"));
            assertThat(exports.toFolder(drill, Optional.empty(), ExportFormat.SCORECARD, folder, false))
                    .isEqualTo(
                            new Exported.Refused(
                                    "the runbook of " + drill + " (druid-rds-corruption) is not known here,"
                                            + " and a scorecard needs its steps and targets: point --runbooks at the folder that holds it"));
            assertThat(folder).doesNotExist();

            Exported markdown = exports.toFolder(drill, Optional.of(RUNBOOK), ExportFormat.SCORECARD, folder, false);
            Exported html = exports.toFolder(drill, Optional.of(RUNBOOK), ExportFormat.SCORECARD_HTML, folder, false);

            assertThat(markdown).isEqualTo(new Exported.Written(folder.resolve(drill + "-scorecard.md")));
            assertThat(Files.readString(folder.resolve(drill + "-scorecard.md")))
                    .contains("| RTO (time to recover) |");
            assertThat(html).isEqualTo(new Exported.Written(folder.resolve(drill + "-scorecard.html")));
            assertThat(Files.readString(folder.resolve(drill + "-scorecard.html")))
                    .startsWith("<!DOCTYPE html>");
            assertThat(log.events(drill).stream()
                            .filter(e -> e.kind() == EventKind.EXPORT)
                            .map(IncidentEvent::data))
                    .containsExactly(
                            new EventData.Export(
                                    "scorecard",
                                    folder.resolve(drill + "-scorecard.md").toString()),
                            new EventData.Export(
                                    "scorecard",
                                    folder.resolve(drill + "-scorecard.html").toString()));
            assertThat(log.events(live)).noneMatch(e -> e.kind() == EventKind.EXPORT);
        }
    }

    @Test
    void anUnloggedExportWritesTheFileAndLeavesTheLogAsItIs() throws Exception {
        String drill = declare(IncidentMode.REHEARSAL);
        try (IncidentLogStore log = open()) {
            List<IncidentEvent> before = log.events(drill);
            Path file = dir.resolve("card.json");

            Exported exported = IncidentExports.unlogged(log)
                    .toFile(drill, Optional.of(RUNBOOK), ExportFormat.SCORECARD, file, false);

            assertThat(exported).isEqualTo(new Exported.Written(file));
            assertThat(Files.readString(file)).startsWith("{");
            assertThat(log.events(drill)).isEqualTo(before);
        }
    }

    @Test
    void aFolderThatCannotBeMadeOrAFileThatCannotBeWrittenIsRefusedInOneSentence() throws Exception {
        String id = declare(IncidentMode.LIVE);
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "a file where a folder should be");
        Path aFolder = Files.createDirectories(dir.resolve("postmortem.md"));
        try (IncidentLogStore log = open()) {
            int events = log.events(id).size();
            IncidentExports exports = IncidentExports.logged(log);

            Exported noFolder =
                    exports.toFile(id, Optional.empty(), ExportFormat.MARKDOWN, notAFolder.resolve("pm.md"), false);
            Exported noFile = exports.toFile(id, Optional.empty(), ExportFormat.CSV, aFolder, true);

            assertThat(noFolder)
                    .isInstanceOfSatisfying(
                            Exported.Refused.class,
                            r -> assertThat(r.reason())
                                    .startsWith("cannot make the folder of " + notAFolder.resolve("pm.md") + " (")
                                    .endsWith("): name a file in a folder you can write")
                                    .doesNotContain("\n")
                                    .doesNotContain("Exception"));
            assertThat(noFile)
                    .isInstanceOfSatisfying(
                            Exported.Refused.class,
                            r -> assertThat(r.reason())
                                    .startsWith("cannot write " + aFolder + " (")
                                    .endsWith("): name a file in a folder you can write"));
            assertThat(log.events(id)).hasSize(events);
        }
    }
}
