package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
