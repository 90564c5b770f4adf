package dev.drpilot.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every action a runbook can name, with its contract. The contracts are data (one YAML file per
 * backend, beside this class) so that the runbook checker, the command preview, the docs and the
 * implementations all read the same declaration. The shipped catalogue reads a file the first time
 * one of its actions is asked for ({@link #fileOf}): `show` or `validate` of one runbook reads the
 * one or two files it names, not all seven.
 */
public final class ActionCatalog {

    static final List<String> FILES =
            List.of("aws-rds", "aws-s3", "aws-dynamodb", "aws-services", "k8s", "http", "process");

    /** AWS actions all run in a region of the operator's choosing, the DR region included. */
    private static final ArgSpec REGION = new ArgSpec(
            "region", ArgType.REGION, false, false, "AWS region to call; defaults to the incident's region");

    /** The contracts of each file read so far, in the order of {@link #FILES}; a file not read yet has none. */
    private final Map<String, Map<String, ActionContract>> byFile;

    private final Function<String, String> fileOf;
    private final Function<String, Map<String, ActionContract>> reader;

    private ActionCatalog(
            Map<String, Map<String, ActionContract>> byFile,
            Function<String, String> fileOf,
            Function<String, Map<String, ActionContract>> reader) {
        this.byFile = byFile;
        this.fileOf = fileOf;
        this.reader = reader;
    }

    /** The catalogue shipped with the app. */
    public static ActionCatalog builtIn() {
        Map<String, Map<String, ActionContract>> byFile = new LinkedHashMap<>();
        FILES.forEach(file -> byFile.put(file, null));
        return new ActionCatalog(byFile, ActionCatalog::fileOf, ActionCatalog::read);
    }

    public static ActionCatalog of(Collection<ActionContract> contracts) {
        Map<String, ActionContract> map = new LinkedHashMap<>();
        contracts.forEach(c -> map.put(c.id(), c));
        Map<String, Map<String, ActionContract>> byFile = new LinkedHashMap<>();
        byFile.put("", map);
        return new ActionCatalog(byFile, id -> "", file -> map);
    }

    /**
     * The file of the shipped catalogue that declares an action: its backend's file, AWS services
     * without one of their own in aws-services, and http's for every other id (http, dns).
     */
    static String fileOf(String id) {
        for (String file : List.of("aws-rds", "aws-s3", "aws-dynamodb", "k8s", "process")) {
            if (id.startsWith(file.replace('-', '.') + ".")) return file;
        }
        return id.startsWith("aws.") ? "aws-services" : "http";
    }

    /** The contract of an action; none for an unknown id, or for no id (a manual step asks too). */
    public Optional<ActionContract> find(String id) {
        if (id == null) return Optional.empty();
        return Optional.ofNullable(contractsOf(fileOf.apply(id)).get(id));
    }

    /** Every contract, file by file in a fixed order (docs/actions.md is printed in it). */
    public Collection<ActionContract> all() {
        List<ActionContract> all = new ArrayList<>();
        for (String file : byFile.keySet()) all.addAll(contractsOf(file).values());
        return all;
    }

    private synchronized Map<String, ActionContract> contractsOf(String file) {
        return byFile.computeIfAbsent(file, reader);
    }

    /** The known ids nearest to a mistyped one, closest first. */
    public List<String> closest(String id, int limit) {
        return all().stream()
                .map(ActionContract::id)
                .map(known -> Map.entry(known, EditDistance.between(id.toLowerCase(), known.toLowerCase())))
                .filter(e -> e.getValue() <= Math.max(3, id.length() / 3))
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Map<String, ActionContract> read(String file) {
        String resource = "catalog/" + file + ".yaml";
        Map<String, ActionContract> contracts = new LinkedHashMap<>();
        try (InputStream in = ActionCatalog.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing action catalogue " + resource);
            for (JsonNode entry : new ObjectMapper(new YAMLFactory()).readTree(in)) {
                ActionContract contract = contract(entry);
                if (!fileOf(contract.id()).equals(file)) {
                    throw new IllegalStateException(resource + ": action " + contract.id() + " belongs in catalog/"
                            + fileOf(contract.id()) + ".yaml, where DR Pilot looks for it");
                }
                if (contracts.put(contract.id(), contract) != null) {
                    throw new IllegalStateException(resource + ": action " + contract.id() + " is declared twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read action catalogue " + resource, e);
        }
        return contracts;
    }

    private static ActionContract contract(JsonNode entry) {
        String id = entry.path("id").asText();
        List<ArgSpec> args = new ArrayList<>();
        entry.path("args")
                .properties()
                .forEach(arg -> args.add(new ArgSpec(
                        arg.getKey(),
                        ArgType.valueOf(
                                arg.getValue().path("type").asText("string").toUpperCase()),
                        arg.getValue().path("required").asBoolean(false),
                        arg.getValue().path("sensitive").asBoolean(false),
                        arg.getValue().path("description").asText(""))));
        List<OutputSpec> outputs = new ArrayList<>();
        entry.path("outputs")
                .properties()
                .forEach(
                        o -> outputs.add(new OutputSpec(o.getKey(), o.getValue().asText())));
        String command = entry.path("command").asText();
        if (Backend.ofActionId(id) == Backend.AWS
                && args.stream().noneMatch(a -> a.name().equals("region"))) {
            args.add(REGION);
            command = command + " [--region {region}]";
        }
        args.sort(Comparator.comparing(ArgSpec::required).reversed());
        return new ActionContract(
                id,
                entry.path("summary").asText(),
                entry.path("api").asText(),
                entry.path("permission").asText(),
                entry.path("destructive").asBoolean(false),
                args,
                outputs,
                CommandTemplate.of(command),
                entry.hasNonNull("postcondition") ? entry.path("postcondition").asText() : null);
    }
}
