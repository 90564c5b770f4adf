package dev.drpilot.timeline;

import java.io.IOException;
import java.io.Writer;

/** The timeline as CSV (RFC 4180), one event a row, for spreadsheets. */
public final class TimelineCsvWriter implements PostmortemWriter {

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(Postmortem pm, Writer out) throws IOException {
        out.write("sequence,time_utc,offset_seconds,kind,step,step_title,actor,added_later,corrects,text\r\n");
        pm.entries(e -> out.write(e.sequence() + "," + e.time() + ","
                + e.sinceStart().toSeconds() + "," + e.kind() + ","
                + field(e.stepId()) + "," + field(e.stepTitle()) + "," + field(e.actor()) + "," + e.addedLater() + ","
                + (e.corrects() == null ? "" : e.corrects()) + "," + field(e.text()) + "\r\n"));
    }

    private static String field(String value) {
        if (value == null) return "";
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
