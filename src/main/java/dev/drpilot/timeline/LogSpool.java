package dev.drpilot.timeline;

import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * An incident's events for one export, read from the log once: the first pass reads the log a page at a time and
 * copies each event to a temporary file as it goes; every later pass reads that file, which costs a fraction of
 * reading the log's pages again, and holds no more in memory than the file's buffer. The file is deleted on {@link
 * #close}.
 */
public final class LogSpool implements Postmortem.Events, Closeable {

    private static final EventKind[] KINDS = EventKind.values();

    private final IncidentLogStore log;
    private final String incidentId;
    private final Path file;
    private boolean spooled;

    private LogSpool(IncidentLogStore log, String incidentId, Path file) {
        this.log = log;
        this.incidentId = incidentId;
        this.file = file;
    }

    /** The events of an incident in the log, read from it on the first pass only. */
    public static LogSpool of(IncidentLogStore log, String incidentId) throws IOException {
        return new LogSpool(log, incidentId, Files.createTempFile("drpilot-events", ".bin"));
    }

    @Override
    public void forEach(long upToSequence, Consumer<IncidentEvent> each) {
        try {
            if (spooled) replay(upToSequence, each);
            else spool(upToSequence, each);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void spool(long upToSequence, Consumer<IncidentEvent> each) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            log.forEachEvent(incidentId, 0, upToSequence, e -> {
                try {
                    write(out, e);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
                each.accept(e);
            });
        }
        spooled = true;
    }

    private void replay(long upToSequence, Consumer<IncidentEvent> each) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                long sequence;
                try {
                    sequence = in.readLong();
                } catch (EOFException end) {
                    return;
                }
                IncidentEvent e = read(in, sequence);
                if (sequence > upToSequence) return;
                each.accept(e);
            }
        }
    }

    private static void write(DataOutputStream out, IncidentEvent e) throws IOException {
        out.writeLong(e.sequence());
        instant(out, e.time());
        out.writeShort(e.kind().ordinal());
        text(out, e.actor());
        text(out, e.stepId());
        text(out, e.payload());
        out.writeLong(e.corrects() == null ? -1 : e.corrects());
        out.writeBoolean(e.occurredAt() != null);
        if (e.occurredAt() != null) instant(out, e.occurredAt());
        text(out, e.previousHash());
        text(out, e.hash());
    }

    private IncidentEvent read(DataInputStream in, long sequence) throws IOException {
        Instant time = instant(in);
        EventKind kind = KINDS[in.readShort()];
        String actor = text(in);
        String stepId = text(in);
        String payload = text(in);
        long corrects = in.readLong();
        Instant occurredAt = in.readBoolean() ? instant(in) : null;
        String previousHash = text(in);
        String hash = text(in);
        return new IncidentEvent(
                incidentId,
                sequence,
                time,
                kind,
                actor,
                stepId,
                payload,
                corrects < 0 ? null : corrects,
                occurredAt,
                previousHash,
                hash);
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
