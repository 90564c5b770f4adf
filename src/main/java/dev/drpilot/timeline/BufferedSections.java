package dev.drpilot.timeline;

import dev.drpilot.incident.EventKind;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The sections a post-mortem prints after its timeline (decisions, notes, action items...), filled on the timeline's own
 * pass over the log instead of one pass each: each section's lines go to a temporary file of its own, not the heap, and
 * are copied out after the timeline. The files are deleted on {@link #close}.
 */
final class BufferedSections implements Closeable {

    /** Writes one entry as a line of a section. */
    @FunctionalInterface
    interface Line {
        void write(Writer out, TimelineEntry entry) throws IOException;
    }

    /** One section: the kinds of entry it lists and where its lines wait. */
    static final class Section {
        private final EnumSet<EventKind> kinds;
        private final Line line;
        private Path file;
        private Writer writer;

        private Section(EnumSet<EventKind> kinds, Line line) {
            this.kinds = kinds;
            this.line = line;
        }
    }

    private final List<Section> sections = new ArrayList<>();

    /** A section listing the entries of these kinds, each written by {@code line}. */
    Section add(Line line, EventKind... kinds) {
        Section section = new Section(EnumSet.copyOf(List.of(kinds)), line);
        sections.add(section);
        return section;
    }

    /** Adds a timeline entry to every section that lists its kind. */
    void accept(TimelineEntry entry) throws IOException {
        for (Section section : sections) {
            if (!section.kinds.contains(entry.kind())) continue;
            if (section.writer == null) {
                section.file = Files.createTempFile("drpilot-section", ".txt");
                section.writer = Files.newBufferedWriter(section.file, StandardCharsets.UTF_8);
            }
            section.line.write(section.writer, entry);
        }
    }

    /** Whether a section received any line. */
    boolean hasLines(Section section) {
        return section.writer != null;
    }

    /** Writes the lines a section received to {@code out}; nothing when it received none. */
    void copy(Section section, Writer out) throws IOException {
        if (section.writer == null) return;
        section.writer.flush();
        try (Reader lines = Files.newBufferedReader(section.file, StandardCharsets.UTF_8)) {
            lines.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        for (Section section : sections) {
            if (section.writer == null) continue;
            section.writer.close();
            Files.deleteIfExists(section.file);
        }
    }
}
