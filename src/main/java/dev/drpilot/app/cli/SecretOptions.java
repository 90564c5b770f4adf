package dev.drpilot.app.cli;

import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.Runbook;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The ways to give a runbook's secret parameters that leave them out of the process list and the
 * shell history: standard input, a file only the operator can read, an environment variable, or
 * a prompt that does not echo.
 */
final class SecretOptions {

    /** A secret parameter not given otherwise is taken from this variable plus its name, upper-cased. */
    private static final String ENVIRONMENT_PREFIX = "DRPILOT_SECRET_";

    @Option(
            names = "--secret-stdin",
            paramLabel = "NAME",
            description =
                    "Read this secret parameter from standard input, one line (repeat for several: a line each, in order).")
    List<String> fromStdin = new ArrayList<>();

    @Option(
            names = "--secret-file",
            paramLabel = "NAME=PATH",
            description = "Read this secret parameter from the first line of a file that only you can read.")
    Map<String, Path> fromFiles = new LinkedHashMap<>();

    @Option(
            names = "--secret-env",
            paramLabel = "NAME=VAR",
            description =
                    "Take this secret parameter from the environment variable VAR (without it: DRPILOT_SECRET_<NAME>).")
    Map<String, String> fromEnvironment = new LinkedHashMap<>();

    private static String environmentVariable(String name) {
        return ENVIRONMENT_PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The options that give a secret parameter safely. */
    private static String safeWays(String name) {
        return "--secret-stdin " + name + ", --secret-file " + name + "=PATH, --secret-env " + name + "=VAR or "
                + environmentVariable(name);
    }

    /**
     * The parameters given with -p, and the runbook's secret parameters from these options, the
     * environment, or (when {@code ask} and a terminal is attached) a prompt that does not echo.
     * Warns on {@code err} about a secret given with -p.
     *
     * @param ask whether the secrets are needed now: then a missing required one is refused
     * @throws InvalidParametersException with one sentence per problem; nothing has been read into the log
     */
    Map<String, String> collect(
            Runbook runbook, Map<String, String> given, BufferedReader stdin, PrintWriter err, boolean ask)
            throws InvalidParametersException {
        List<Param> secrets = runbook.params().stream().filter(Param::sensitive).toList();
        List<String> problems = new ArrayList<>();
        checkNames(runbook, secrets, given, problems);
        if (!problems.isEmpty()) throw new InvalidParametersException(problems);
        for (Param secret : secrets) {
            if (given.containsKey(secret.name())) {
                err.println("warning: -p " + secret.name()
                        + " leaves the secret in the process list and the shell history; give it with "
                        + safeWays(secret.name()) + " instead, or leave it out to be asked in a terminal");
            }
        }
        Map<String, String> values = new LinkedHashMap<>(given);
        read(values, stdin, problems);
        for (Param secret : secrets) {
            if (!values.containsKey(secret.name()))
                fromEnvironmentOrTerminal(secret, ask).ifPresent(v -> values.put(secret.name(), v));
            if (ask && secret.required() && secret.defaultValue() == null && !values.containsKey(secret.name())) {
                problems.add("secret parameter " + secret.name() + " is missing: give it with "
                        + safeWays(secret.name()) + ", or run in a terminal to be asked for it");
            }
        }
        if (!problems.isEmpty()) throw new InvalidParametersException(problems);
        return values;
    }

    /** DRPILOT_SECRET_NAME, else (when asking, for a secret without a default) what is typed at a prompt that does not echo. */
    private static Optional<String> fromEnvironmentOrTerminal(Param secret, boolean ask) {
        String set = System.getenv(environmentVariable(secret.name()));
        if (set != null && !set.isBlank()) return Optional.of(set);
        Console terminal = System.console();
        if (!ask || secret.defaultValue() != null || terminal == null || !terminal.isTerminal())
            return Optional.empty();
        char[] typed = terminal.readPassword("%s (secret, not shown): ", secret.name());
        if (typed == null) return Optional.empty();
        String value = new String(typed);
        Arrays.fill(typed, ' ');
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Each name given to these options is a secret parameter of the runbook, given once. */
    private void checkNames(Runbook runbook, List<Param> secrets, Map<String, String> given, List<String> problems) {
        List<String> secretNames = secrets.stream().map(Param::name).toList();
        Map<String, List<String>> ways = new LinkedHashMap<>();
        given.keySet()
                .forEach(name ->
                        ways.computeIfAbsent(name, n -> new ArrayList<>()).add("-p"));
        fromStdin.forEach(
                name -> ways.computeIfAbsent(name, n -> new ArrayList<>()).add("--secret-stdin"));
        fromFiles
                .keySet()
                .forEach(name ->
                        ways.computeIfAbsent(name, n -> new ArrayList<>()).add("--secret-file"));
        fromEnvironment
                .keySet()
                .forEach(name ->
                        ways.computeIfAbsent(name, n -> new ArrayList<>()).add("--secret-env"));
        ways.forEach((name, options) -> {
            List<String> secretOptions =
                    options.stream().filter(o -> !o.equals("-p")).toList();
            if (!secretOptions.isEmpty() && !secretNames.contains(name)) {
                problems.add(secretOptions.getFirst() + " " + name + ": runbook " + runbook.id()
                        + " has no secret parameter '" + name + "'"
                        + (secretNames.isEmpty() ? "" : "; its secret parameters: " + String.join(", ", secretNames)));
            } else if (options.size() > 1) {
                problems.add(name + " is given " + options.size() + " times (" + String.join(", ", options)
                        + "): give it once");
            }
        });
    }

    private void read(Map<String, String> values, BufferedReader stdin, List<String> problems) {
        for (String name : fromStdin) {
            try {
                String line = stdin.readLine();
                if (line == null || line.isBlank())
                    problems.add("--secret-stdin " + name + ": standard input has no line for it");
                else values.put(name, line);
            } catch (IOException e) {
                problems.add("--secret-stdin " + name + ": standard input cannot be read (" + e.getMessage() + ")");
            }
        }
        fromFiles.forEach((name, file) -> {
            try {
                values.put(name, SecretFile.read(file));
            } catch (SecretFile.Refused e) {
                problems.add("--secret-file " + name + "=" + file + ": " + e.getMessage());
            }
        });
        fromEnvironment.forEach((name, variable) -> {
            String value = System.getenv(variable);
            if (value == null || value.isBlank())
                problems.add("--secret-env " + name + "=" + variable + ": " + variable + " is not set");
            else values.put(name, value);
        });
    }
}
