package dev.drpilot.engine;

import dev.drpilot.incident.Driver;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A step was asked of a process that does not drive the incident: the message names who does. */
public final class DrivenElsewhereException extends IllegalStateException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final transient Driver driver;

    DrivenElsewhereException(String incidentId, Driver driver) {
        super(incidentId + " is driven by " + since(driver) + ": only its driver runs steps, so take it over to run them here");
        this.driver = driver;
    }

    /** "alice on host-b (pid 1234) since 10:42 UTC". */
    public static String since(Driver driver) {
        return driver.seat().label() + " since " + TIME.format(driver.since()) + " UTC";
    }

    public Driver driver() {
        return driver;
    }
}
