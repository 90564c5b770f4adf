package dev.drpilot.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the header fields of a folder's runbooks for a listing, without the JSON Schema check,
 * the action catalogue or the checks of each step, which cost most of a command's time on a cold
 * start. A file whose header is not what a valid runbook has (a field missing or of the wrong
 * kind, an id other than its file name) makes the whole read incomplete: the caller then loads the
 * folder with {@link RunbookLoader}, which says what is wrong and where.
 */
public final class RunbookHeaders {

    private RunbookHeaders() {}

    /** The headers of every runbook file, or empty when any file needs the full check to say what is wrong with it. */
    public static Optional<List<RunbookHeader>> read(Path folder) {
        List<Problem> unlisted = new ArrayList<>();
        List<Path> files = RunbookLoader.expand(List.of(folder), unlisted);
        if (!unlisted.isEmpty()) return Optional.empty();
        List<RunbookHeader> headers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            Optional<RunbookHeader> header = readFile(file);
            if (header.isEmpty() || !ids.add(header.get().id())) return Optional.empty();
            headers.add(header.get());
        }
        return Optional.of(List.copyOf(headers));
    }

    static Optional<RunbookHeader> readFile(Path file) {
        try {
            if (Files.size(file) > RunbookLoader.MAX_FILE_BYTES) return Optional.empty();
            JsonNode root = LocatedYaml.parse(Files.readString(file, StandardCharsets.UTF_8))
                    .root();
            String id = root.path("id").asText("");
            JsonNode targets = root.path("targets");
            JsonNode steps = root.path("steps");
            if (!id.equals(RunbookLoader.stem(file))
                    || !root.path("title").isTextual()
                    || !targets.path("rto").isTextual()
                    || !targets.path("rpo").isTextual()
                    || !steps.isArray()
                    || steps.isEmpty()) return Optional.empty();
            return Optional.of(new RunbookHeader(
                    file,
                    id,
                    Architecture.fromYaml(root.path("architecture").asText()),
                    RunbookKind.fromYaml(root.path("kind").asText()),
                    new Targets(
                            TimeTarget.parse(targets.path("rto").asText()),
                            TimeTarget.parse(targets.path("rpo").asText()),
                            targets.path("note").asText(null)),
                    steps.size()));
        } catch (IOException | LocatedYaml.YamlSyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
