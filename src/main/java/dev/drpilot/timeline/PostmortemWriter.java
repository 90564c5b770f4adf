package dev.drpilot.timeline;

import java.io.IOException;
import java.io.Writer;

/** Writes a post-mortem in one format. */
public interface PostmortemWriter {

    /** The file name extension of the format: md, html, json, csv. */
    String extension();

    void write(Postmortem postmortem, Writer out) throws IOException;

    static PostmortemWriter forFormat(String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "md", "markdown" -> new PostmortemMarkdownWriter();
            case "html" -> new PostmortemHtmlWriter();
            case "json" -> new TimelineJsonWriter();
            case "csv" -> new TimelineCsvWriter();
            default -> throw new IllegalArgumentException("unknown format '" + format + "': use md, html, json or csv");
        };
    }
}
