package dev.drpilot.runbook;

import dev.drpilot.action.ActionCatalog;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads runbook files and reports every problem of every file as file:line:column and what to
 * do, rather than stopping at the first one.
 */
public final class RunbookLoader {

    private final ActionCatalog catalog;
    private final RunbookSchema schema;
    private final RunbookChecker checker;

    public RunbookLoader(ActionCatalog catalog) {
        this.catalog = catalog;
        this.schema = new RunbookSchema();
        this.checker = new RunbookChecker(catalog);
    }

    /** What a load found: the runbooks that are valid, and the problems of those that are not. */
    public record Result(List<Runbook> runbooks, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Loads files and folders (a folder's *.yaml and *.yml files, not its sub-folders). */
    public Result load(List<Path> paths) {
        List<Runbook> runbooks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : expand(paths, problems)) {
            Result one = loadFile(file);
            runbooks.addAll(one.runbooks());
            problems.addAll(one.problems());
        }
        Map<String, Runbook> byId = new HashMap<>();
        for (Runbook runbook : runbooks) {
            Runbook first = byId.putIfAbsent(runbook.id(), runbook);
            if (first != null) {
                problems.add(new Problem(
                        runbook.source(),
                        1,
                        1,
                        "runbook id '" + runbook.id() + "' is also used by " + first.source()
                                + "; runbook ids must be unique"));
            }
        }
        problems.sort(null);
        return new Result(List.copyOf(runbooks), List.copyOf(problems));
    }

    /**
     * The runbook of this id in the folder: its file is named after it (the checks refuse a runbook whose id is
     * not its file name), so only that file is read and checked. Empty when the folder has no such file.
     */
    public Optional<Result> loadId(Path folder, String id) {
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) return Optional.empty();
        for (String extension : List.of(".yaml", ".yml")) {
            Path file = folder.resolve(id + extension);
            if (Files.isRegularFile(file)) return Optional.of(loadFile(file));
        }
        return Optional.empty();
    }

    public Result loadFile(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return failed(new Problem(
                        file,
                        1,
                        1,
                        "the file has " + Files.size(file) / 1024 + " KB; a runbook is a few KB" + " (at most "
                                + MAX_FILE_BYTES / 1024 + " KB): is this the right file?"));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return failed(new Problem(file, 1, 1, "the file is not UTF-8 text; save it as UTF-8"));
        } catch (IOException e) {
            return failed(new Problem(file, 1, 1, "cannot read the file: " + e.getMessage()));
        }
        return loadText(file, text);
    }

    /** Far more than the longest runbook: a larger file is not one, and would be parsed for nothing. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    /** Loads a runbook from text; {@code file} names it in problems and gives the expected id. */
    public Result loadText(Path file, String text) {
        LocatedYaml yaml;
        try {
            yaml = LocatedYaml.parse(text);
        } catch (LocatedYaml.YamlSyntaxException e) {
            return failed(Problem.at(file, e.position(), "YAML syntax: " + e.getMessage()));
        }
        if (!yaml.root().isObject()) {
            return failed(new Problem(
                    file,
                    1,
                    1,
                    "a runbook is a YAML mapping that starts with 'id:', 'title:', ...; see docs/runbook-format.md"));
        }
        if (yaml.root().has("runbook")
                && (yaml.root().has("injects") || yaml.root().has("outcomes"))) {
            return failed(new Problem(
                    file,
                    1,
                    1,
                    "this is a rehearsal's exercise file, not a runbook: put it in the exercises/ folder"
                            + " beside the runbooks and validate that runbooks folder"));
        }
        List<Problem> problems = new ArrayList<>();
        List<RunbookSchema.Finding> findings = schema.check(yaml.root());
        for (RunbookSchema.Finding finding : findings) {
            problems.add(Problem.at(file, yaml.positionOf(finding.pointer()), finding.message()));
        }
        // The checks below read the runbook's parts as the schema shapes them: a part of the wrong shape is said above.
        if (findings.stream().noneMatch(RunbookSchema.Finding::wrongShape)) {
            checker.check(
                    yaml.root(),
                    stem(file),
                    (pointer, message) -> problems.add(Problem.at(file, yaml.positionOf(pointer), message)));
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            return new Result(List.of(), List.copyOf(problems));
        }
        return new Result(
                List.of(RunbookBinder.bind(
                        file,
                        yaml,
                        catalog,
                        RunbookVersion.of(file.getFileName().toString(), text))),
                List.of());
    }

    private static Result failed(Problem problem) {
        return new Result(List.of(), List.of(problem));
    }

    static List<Path> expand(List<Path> paths, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(p -> Files.isRegularFile(p)
                                    && (p.toString().endsWith(".yaml")
                                            || p.toString().endsWith(".yml")))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    problems.add(new Problem(path, 1, 1, "cannot list the folder: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                problems.add(new Problem(path, 1, 1, "no such file or folder"));
            }
        }
        return files;
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
