package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookHeader;
import dev.drpilot.runbook.RunbookHeaders;
import dev.drpilot.runbook.RunbookLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The runbook folder option shared by the commands that read runbooks. */
final class RunbookOptions {

    private final DrPilotServices services;

    @Option(
            names = "--runbooks",
            paramLabel = "DIR",
            description = "Folder of runbooks (default: ./runbooks, else the ones installed with DR Pilot).")
    Path folder;

    RunbookOptions(DrPilotServices services) {
        this.services = services;
        this.folder = services.runbooksFolder();
    }

    /**
     * Loads the one runbook of this id, checked as {@code validate} checks it; prints its problems and returns null
     * when it is broken or the folder has no runbook of that id.
     */
    Runbook loadOneOrReport(String id, PrintWriter err) {
        Optional<RunbookLoader.Result> found = new RunbookLoader(services.catalog()).loadId(folder, id);
        if (found.isEmpty()) {
            err.println("no runbook '" + id + "' in " + folder + "; `drpilot list` shows the ids");
            return null;
        }
        RunbookLoader.Result result = found.get();
        if (!result.ok()) {
            result.problems().forEach(err::println);
            err.println(result.problems().size() + " problem(s) in " + folder + "; run `drpilot validate " + folder
                    + "` after fixing them");
            return null;
        }
        return result.runbooks().getFirst();
    }

    /**
     * The header of every runbook in the folder, read without the checks of a full load; when a file's header is not
     * a valid runbook's, the folder is loaded and checked in full, its problems printed and null returned.
     */
    List<RunbookHeader> headersOrReport(PrintWriter err) {
        Optional<List<RunbookHeader>> headers = RunbookHeaders.read(folder);
        if (headers.isPresent() && !headers.get().isEmpty()) return headers.get();
        List<Runbook> loaded = loadOrReport(err);
        if (loaded == null) return null;
        return loaded.stream()
                .map(r -> new RunbookHeader(
                        r.source(),
                        r.id(),
                        r.architecture(),
                        r.kind(),
                        r.targets(),
                        r.steps().size()))
                .toList();
    }

    /** Loads the folder; prints its problems and returns null when any runbook is broken or there is none. */
    List<Runbook> loadOrReport(PrintWriter err) {
        RunbookLoader.Result result = new RunbookLoader(services.catalog()).load(List.of(folder));
        if (!result.ok()) {
            result.problems().forEach(err::println);
            err.println(result.problems().size() + " problem(s) in " + folder + "; run `drpilot validate " + folder
                    + "` after fixing them");
            return null;
        }
        if (result.runbooks().isEmpty()) {
            err.println("no runbook in " + folder + ": give --runbooks the folder that holds the runbooks' YAML files");
            return null;
        }
        return result.runbooks();
    }
}
