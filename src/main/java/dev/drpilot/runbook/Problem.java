package dev.drpilot.runbook;

import java.nio.file.Path;

/** One thing wrong with a runbook, where it is and what to do about it. */
public record Problem(Path file, int line, int column, String message) implements Comparable<Problem> {

    public static Problem at(Path file, SourcePosition position, String message) {
        return new Problem(file, position.line(), position.column(), message);
    }

    /** {@code file:line:column: message}, the form editors and terminals turn into links. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.toString().compareTo(other.file.toString());
        if (byFile != 0) return byFile;
        if (line != other.line) return Integer.compare(line, other.line);
        return Integer.compare(column, other.column);
    }
}
