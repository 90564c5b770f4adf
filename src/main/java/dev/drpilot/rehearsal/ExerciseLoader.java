package dev.drpilot.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import dev.drpilot.runbook.LocatedYaml;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.ParamType;
import dev.drpilot.runbook.Problem;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import dev.drpilot.runbook.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads exercise files (runbooks/exercises/*.yaml) and checks them against their schema and
 * against the runbook they rehearse: every problem as file:line:column, like a runbook's.
 */
public final class ExerciseLoader {

    private static final String SCHEMA = "/dev/drpilot/runbook/exercise.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Runbook> runbooks = new LinkedHashMap<>();
    private final ActionCatalog catalog;
    private final Schema schema;

    public ExerciseLoader(List<Runbook> runbooks, ActionCatalog catalog) {
        runbooks.forEach(r -> this.runbooks.put(r.id(), r));
        this.catalog = catalog;
        try (InputStream in = ExerciseLoader.class.getResourceAsStream(SCHEMA)) {
            if (in == null) throw new IllegalStateException("exercise schema missing from the class path");
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Result(List<Exercise> exercises, List<Problem> problems) {}

    /** The exercises in a folder (its *.yaml files); an absent folder has none. */
    public Result loadFolder(Path folder) {
        List<Exercise> exercises = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) return new Result(List.of(), List.of());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Result one = loadFile(file);
                exercises.addAll(one.exercises());
                problems.addAll(one.problems());
            }
        } catch (IOException e) {
            problems.add(new Problem(folder, 1, 1, "cannot list the folder: " + e.getMessage()));
        }
        problems.sort(null);
        return new Result(List.copyOf(exercises), List.copyOf(problems));
    }

    public Result loadFile(Path file) {
        LocatedYaml yaml;
        try {
            yaml = LocatedYaml.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return failed(new Problem(file, 1, 1, "cannot read the file: " + e.getMessage()));
        } catch (LocatedYaml.YamlSyntaxException e) {
            return failed(Problem.at(file, e.position(), "YAML syntax: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        Problems report = (pointer, message) -> problems.add(Problem.at(file, yaml.positionOf(pointer), message));
        JsonNode root = yaml.root();
        if (!root.isObject())
            return failed(new Problem(
                    file,
                    1,
                    1,
                    "an exercise is a YAML mapping that starts with 'id:', 'runbook:', ...; see docs/rehearsals.md"));
        checkSchema(root, report);
        if (!problems.isEmpty()) return sorted(problems);
        Exercise exercise = bind(file, root, report);
        if (!problems.isEmpty()) return sorted(problems);
        return new Result(List.of(exercise), List.of());
    }

    private interface Problems {
        void add(String pointer, String message);
    }

    private void checkSchema(JsonNode root, Problems report) {
        String text;
        try {
            text = JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Error error : schema.validate(text, InputFormat.JSON)) {
            StringBuilder pointer = new StringBuilder();
            var path = error.getInstanceLocation();
            for (int i = 0; i < path.getNameCount(); i++)
                pointer.append('/').append(LocatedYaml.escape(String.valueOf(path.getElement(i))));
            String where =
                    pointer.isEmpty() ? "the exercise" : pointer.substring(1).replace('/', ' ');
            String message = switch (error.getKeyword() == null ? "" : error.getKeyword()) {
                case "additionalProperties" -> "unknown field '" + error.getProperty() + "' in " + where;
                case "required" -> "missing field '" + error.getProperty() + "' in " + where;
                case "pattern" ->
                    where + ": '" + error.getInstanceNode().asText() + "' "
                            + (where.endsWith("at") || where.endsWith("after") || where.equals("failureStarted")
                                    ? "is not a duration: write PT12M, PT1H30M or PT45S"
                                    : "must be lower-case words joined by '-'");
                default -> where + ": " + error.getMessage();
            };
            report.add(
                    error.getKeyword() != null && error.getKeyword().equals("additionalProperties")
                            ? pointer + "/" + LocatedYaml.escape(error.getProperty())
                            : pointer.toString(),
                    message);
        }
    }

    private Exercise bind(Path file, JsonNode root, Problems report) {
        String id = root.path("id").asText();
        String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!id.equals(stem))
            report.add("/id", "id '" + id + "' differs from the file name: rename one so both read '" + stem + "'");
        String runbookId = root.path("runbook").asText();
        Runbook runbook = runbooks.get(runbookId);
        if (runbook == null) {
            List<String> recovery = runbooks.values().stream()
                    .filter(r -> r.kind() == RunbookKind.RECOVERY)
                    .map(Runbook::id)
                    .sorted()
                    .toList();
            report.add(
                    "/runbook",
                    "no runbook '" + runbookId + "'; the recovery runbooks are: " + String.join(", ", recovery));
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        root.path("params").properties().forEach(entry -> {
            String pointer = "/params/" + LocatedYaml.escape(entry.getKey());
            Optional<Param> param = runbook.param(entry.getKey());
            String value = entry.getValue().asText();
            if (param.isEmpty()) {
                report.add(
                        pointer,
                        "runbook " + runbookId + " has no parameter '" + entry.getKey() + "'; it has: "
                                + String.join(
                                        ", ",
                                        runbook.params().stream()
                                                .map(Param::name)
                                                .toList()));
            } else if (param.get().type() == ParamType.INSTANT && RelativeInstant.looksRelative(value)) {
                try {
                    RelativeInstant.resolve(value, Instant.EPOCH);
                } catch (IllegalArgumentException e) {
                    report.add(pointer, RelativeInstant.problem(value));
                }
            }
            params.put(entry.getKey(), value);
        });
        Duration failureStarted =
                root.has("failureStarted") ? duration(root.path("failureStarted"), "/failureStarted", report) : null;
        List<Exercise.Inject> injects = new ArrayList<>();
        JsonNode injectNodes = root.path("injects");
        for (int i = 0; i < injectNodes.size(); i++) {
            Duration at = duration(injectNodes.get(i).path("at"), "/injects/" + i + "/at", report);
            if (at != null && failureStarted != null && at.compareTo(failureStarted) < 0) {
                report.add(
                        "/injects/" + i + "/at",
                        "inject at " + at + " comes before the players are told the situation, at "
                                + failureStarted
                                + " (failureStarted): exercise time counts from the failure's start, so give "
                                + failureStarted
                                + " or later");
            }
            injects.add(new Exercise.Inject(
                    at, paragraphs(injectNodes.get(i).path("text").asText())));
        }
        injects.sort((a, b) -> a.at() == null || b.at() == null ? 0 : a.at().compareTo(b.at()));
        Map<String, Exercise.Outcome> outcomes = new LinkedHashMap<>();
        root.path("outcomes").properties().forEach(entry -> {
            String pointer = "/outcomes/" + LocatedYaml.escape(entry.getKey());
            Optional<Step> step = runbook.step(entry.getKey());
            if (step.isEmpty()) {
                report.add(
                        pointer,
                        "runbook " + runbookId + " has no step '" + entry.getKey() + "'; its steps: "
                                + String.join(
                                        ", ",
                                        runbook.steps().stream().map(Step::id).toList()));
                return;
            }
            if (step.get().isManual()) {
                report.add(
                        pointer,
                        "step '" + entry.getKey()
                                + "' is manual: the players tick it off themselves; remove its outcome");
                return;
            }
            outcomes.put(entry.getKey(), outcome(entry.getValue(), pointer, step.get(), report));
        });
        return new Exercise(
                file,
                id,
                runbookId,
                root.path("title").asText(),
                paragraphs(root.path("situation").asText()),
                failureStarted,
                params,
                injects,
                outcomes);
    }

    private Exercise.Outcome outcome(JsonNode node, String pointer, Step step, Problems report) {
        Duration after = node.has("after")
                ? duration(node.path("after"), pointer + "/after", report)
                : Exercise.Outcome.DEFAULT_DURATION;
        ActionContract contract = catalog.find(step.action()).orElseThrow();
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        node.path("outputs").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            if (!contract.hasOutput(output.getKey())) {
                report.add(
                        pointer + "/outputs/" + LocatedYaml.escape(output.getKey()),
                        step.action() + " has no output '" + output.getKey() + "'; it returns: "
                                + String.join(
                                        ", ",
                                        contract.outputs().stream()
                                                .map(o -> o.name())
                                                .toList()));
            }
            outputs.put(output.getKey(), JSON.convertValue(output.getValue(), Object.class));
        }
        JsonNode fail = node.path("fail");
        return fail.isMissingNode()
                ? new Exercise.Outcome(after, outputs, null, 0)
                : new Exercise.Outcome(
                        after,
                        outputs,
                        fail.path("message").asText(),
                        fail.path("times").asInt(1));
    }

    /** The text as the players read it: lines joined, blank lines kept as paragraph breaks. */
    private static String paragraphs(String text) {
        return text.strip().replaceAll("(?<!\n)\n(?!\n)", " ");
    }

    private static Duration duration(JsonNode node, String pointer, Problems report) {
        try {
            return Duration.parse(node.asText());
        } catch (DateTimeParseException e) {
            report.add(pointer, "'" + node.asText() + "' is not a duration: write PT12M, PT1H30M or PT45S");
            return Duration.ZERO;
        }
    }

    private static Result failed(Problem problem) {
        return new Result(List.of(), List.of(problem));
    }

    private static Result sorted(List<Problem> problems) {
        problems.sort(null);
        return new Result(List.of(), List.copyOf(problems));
    }
}
