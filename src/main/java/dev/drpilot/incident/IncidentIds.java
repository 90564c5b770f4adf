package dev.drpilot.incident;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** A new incident's id: INC- (or REH- for a rehearsal), the minute it was declared in UTC, and four random hex digits. */
final class IncidentIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    static String next(IncidentMode mode, Instant declaredAt) {
        return (mode == IncidentMode.REHEARSAL ? "REH-" : "INC-") + MINUTE.format(declaredAt.atZone(ZoneOffset.UTC))
                + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(2));
    }

    private IncidentIds() {}
}
