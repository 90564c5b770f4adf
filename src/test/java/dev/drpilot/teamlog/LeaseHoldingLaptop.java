package dev.drpilot.teamlog;

import dev.drpilot.incident.DaemonThreads;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A laptop in a process of its own that takes one step's lease, says "held" on its output, and
 * keeps renewing it until the test kills the process. Arguments: URL, incident, step, lifetime in
 * milliseconds; the password in PGPASSWORD.
 */
public final class LeaseHoldingLaptop {

    private LeaseHoldingLaptop() {}

    public static void main(String[] args) throws InterruptedException {
        TeamLogDatabase database = TeamLogDatabase.of(
                args[0], PostgresServer.USER, System.getenv(), Path.of(System.getProperty("java.io.tmpdir")));
        TeamLogStore store = new TeamLogStore(database);
        StepLease.Taken taken = StepLease.take(
                store,
                new Writer("carol", "laptop-killed"),
                args[1],
                args[2],
                Duration.ofMillis(Long.parseLong(args[3])),
                new DaemonThreads("drpilot-step-lease"));
        System.out.println(
                taken.lease() != null
                        ? "held"
                        : "held by " + taken.holder().holder().label());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(10));
    }
}
