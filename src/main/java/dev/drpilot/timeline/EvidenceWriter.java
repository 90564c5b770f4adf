package dev.drpilot.timeline;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Writes an evidence pack in one format. */
public interface EvidenceWriter {

    /** The file name extension of the format: html or json. */
    String extension();

    void write(EvidencePack pack, Writer out) throws IOException;

    static EvidenceWriter forFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "html" -> new EvidenceHtmlWriter();
            case "json" -> new EvidenceJsonWriter();
            default -> throw new IllegalArgumentException("unknown format '" + format + "': use html or json");
        };
    }
}
