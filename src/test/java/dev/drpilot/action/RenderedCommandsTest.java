package dev.drpilot.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.runbook.Interpolation;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.ParamType;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.runbook.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every equivalent command of every shipped runbook is a command that works when pasted: split
 * as a shell splits it, each argument that stands as a word of its own in the template is one
 * word (a list, one word per element, or one command per element), with the runbook's defaults
 * and again with values full of spaces and quotes.
 */
class RenderedCommandsTest {

    private static final ActionCatalog CATALOG = ActionCatalog.builtIn();
    private static final List<Runbook> RUNBOOKS =
            new RunbookLoader(CATALOG).load(List.of(Path.of("runbooks"))).runbooks();
    private static final Pattern STANDALONE =
            Pattern.compile("(?:^|\\s|\\[)\\{([A-Za-z][A-Za-z0-9_.]*)([@,])?}(?=\\s|]|$)");
    private static final String ODD = "it's a \"name\" $HOME";

    @Test
    void everyArgumentIsTheWordsItShouldBe() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Runbook runbook : RUNBOOKS) {
            for (Step step : runbook.steps()) {
                if (step.isManual()) continue;
                ActionContract contract = CATALOG.find(step.action()).orElseThrow();
                for (boolean odd : List.of(false, true)) {
                    Map<String, Object> args = Interpolation.preview(
                                    ref -> value(runbook, ref.name(), ref.isStepOutput(), odd))
                            .resolveAll(step.with());
                    String command = contract.renderCommand(args);
                    String where = runbook.id() + " step " + step.id() + (odd ? " (odd values)" : "") + ": " + command;
                    List<String> words;
                    try {
                        words = ShellWords.split(command);
                    } catch (IllegalArgumentException e) {
                        problems.add(where + " does not parse: " + e.getMessage());
                        continue;
                    }
                    checked++;
                    problems.addAll(wordProblems(contract, args, words, where));
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    private static List<String> wordProblems(
            ActionContract contract, Map<String, Object> args, List<String> words, String where) {
        List<String> problems = new ArrayList<>();
        Matcher m = STANDALONE.matcher(contract.command().template());
        while (m.find()) {
            Object value = args.get(m.group(1));
            if (value == null
                    || contract.arg(m.group(1)).map(ArgSpec::sensitive).orElse(false)) continue;
            if (String.valueOf(value).contains("<")) continue;
            if (value instanceof List<?> list) {
                List<String> elements = list.stream().map(String::valueOf).toList();
                boolean ok = switch (m.group(2) == null ? "" : m.group(2)) {
                    case "," -> words.contains(String.join(",", elements));
                    case "@" ->
                        elements.stream().allMatch(words::contains)
                                && Collections.frequency(words, words.get(0)) == elements.size();
                    default -> Collections.indexOfSubList(words, elements) >= 0;
                };
                if (!ok) problems.add(where + ": list '" + m.group(1) + "' " + elements + " is not its words");
            } else if (!(value instanceof Map<?, ?>) && !words.contains(String.valueOf(value))) {
                problems.add(where + ": '" + m.group(1) + "' = " + value + " is not one word");
            }
        }
        for (String word : words) {
            if (word.matches(".*[^:]//.*") && !word.startsWith("file://"))
                problems.add(where + ": doubled slash in " + word);
        }
        return problems;
    }

    private static Optional<Object> value(Runbook runbook, String name, boolean stepOutput, boolean odd) {
        if (stepOutput) return Optional.empty();
        if (name.equals("today") || name.startsWith("incident")) return Optional.of("20240115");
        Param param = runbook.param(name).orElse(null);
        if (param == null) return Optional.empty();
        if (param.sensitive()) return Optional.of("****");
        if (odd && param.type() == ParamType.STRING && param.values().isEmpty()) return Optional.of(ODD + " " + name);
        if (param.defaultValue() != null) return Optional.of(param.defaultValue());
        return Optional.of(
                switch (param.type()) {
                    case AWS_REGION -> "us-west-2";
                    case INSTANT -> "2024-01-15T09:00:00Z";
                    case INTEGER -> "7";
                    case DURATION -> "PT5M";
                    case BOOLEAN -> "true";
                    case K8S_NAMESPACE -> "druid";
                    case ENUM -> param.values().get(0);
                    case AWS_ARN -> "arn:aws:iam::123456789012:role/dr";
                    default -> "sample-" + name;
                });
    }
}
