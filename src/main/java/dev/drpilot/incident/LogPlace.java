package dev.drpilot.incident;

import java.nio.file.Path;

/** Where a log is: its file, the store of its events and its head file. It moves only when the log goes on in another folder. */
record LogPlace(Path file, H2EventStore store, LogHead head) {

    LogPlace(Path file, H2EventStore store) {
        this(file, store, new LogHead(file));
    }

    Path database() {
        return Path.of(file.toAbsolutePath() + ".mv.db");
    }
}
