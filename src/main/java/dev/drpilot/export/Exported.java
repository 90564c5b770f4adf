package dev.drpilot.export;

import java.nio.file.Path;

/** What an export did: the file it wrote, or, in one sentence, why it wrote nothing. */
public sealed interface Exported {

    record Written(Path file) implements Exported {}

    record Refused(String reason) implements Exported {}
}
