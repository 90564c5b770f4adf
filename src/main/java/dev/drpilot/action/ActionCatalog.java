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

/**
 * Every action a runbook can name, with its contract. The contracts are data (one YAML file per
 * backend, beside this class) so that the runbook checker, the command preview, the docs and the
 * implementations all read the same declaration.
 */
public final class ActionCatalog {

    static final List<String> FILES =
            List.of("aws-rds", "aws-s3", "aws-dynamodb", "aws-services", "k8s", "http", "process");

    /** AWS actions all run in a region of the operator's choosing, the DR region included. */
    private static final ArgSpec REGION = new ArgSpec(
            "region", ArgType.REGION, false, false, "AWS region to call; defaults to the incident's region");

    private final Map<String, ActionContract> contracts;

    private ActionCatalog(Map<String, ActionContract> contracts) {
        this.contracts = contracts;
    }

    /** The catalogue shipped with the app. */
    public static ActionCatalog builtIn() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, ActionContract> contracts = new LinkedHashMap<>();
        for (String file : FILES) {
            String resource = "catalog/" + file + ".yaml";
            try (InputStream in = ActionCatalog.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing action catalogue " + resource);
                for (JsonNode entry : yaml.readTree(in)) {
                    ActionContract contract = contract(entry);
                    if (contracts.put(contract.id(), contract) != null) {
                        throw new IllegalStateException(resource + ": action " + contract.id() + " is declared twice");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read action catalogue " + resource, e);
            }
        }
        return new ActionCatalog(contracts);
    }

    public static ActionCatalog of(Collection<ActionContract> contracts) {
        Map<String, ActionContract> map = new LinkedHashMap<>();
        contracts.forEach(c -> map.put(c.id(), c));
        return new ActionCatalog(map);
    }

    public Optional<ActionContract> find(String id) {
        return Optional.ofNullable(contracts.get(id));
    }

    public Collection<ActionContract> all() {
        return contracts.values();
    }

    /** The known ids nearest to a mistyped one, closest first. */
    public List<String> closest(String id, int limit) {
        return contracts.keySet().stream()
                .map(known -> Map.entry(known, EditDistance.between(id.toLowerCase(), known.toLowerCase())))
                .filter(e -> e.getValue() <= Math.max(3, id.length() / 3))
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
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
