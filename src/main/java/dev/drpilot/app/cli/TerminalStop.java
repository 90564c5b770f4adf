package dev.drpilot.app.cli;

import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.IncidentLogStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What SIGTERM and Ctrl-C do while a terminal runs an incident's steps. Left to the JVM's
 * shutdown, H2 would close the log under a step that still writes to it (a trace, and a step the
 * log shows as running); instead the running step is marked interrupted in the log, the run lets
 * go of the incident, the log is closed, and the operator reads one sentence on how to go on.
 * The process then exits as a signal would end it (143 for SIGTERM, 130 for Ctrl-C).
 */
final class TerminalStop implements AutoCloseable {

    /** How long a step has to log its end: a call in flight is interrupted, so this is seldom reached. */
    private static final Duration STEP_STOPS_WITHIN = Duration.ofSeconds(10);

    private final IncidentRun run;
    private final IncidentLogStore log;
    private final PrintWriter out;
    private final Map<Signal, SignalHandler> before = new LinkedHashMap<>();
    /** Never counted down: the threads that wait on it wait for the process to exit. */
    private final CountDownLatch exiting = new CountDownLatch(1);

    private volatile boolean stopping;
    private boolean over;

    private TerminalStop(IncidentRun run, IncidentLogStore log, PrintWriter out) {
        this.run = run;
        this.log = log;
        this.out = out;
    }

    /** Handles SIGTERM and Ctrl-C until {@link #close()}; a signal this platform does not have keeps its default. */
    static TerminalStop during(IncidentRun run, IncidentLogStore log, PrintWriter out) {
        TerminalStop stop = new TerminalStop(run, log, out);
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal signal = new Signal(name);
                stop.before.put(signal, Signal.handle(signal, stop::stop));
            } catch (IllegalArgumentException unavailable) {
                // not a signal here, or the JVM was started with -Xrs: the JVM's own handling stays
            }
        }
        return stop;
    }

    /** True once a signal arrived: the terminal then prints and asks nothing more. */
    boolean stopping() {
        return stopping;
    }

    /** For the terminal's thread once it sees the stop: it touches nothing more, and the process exits from the signal's thread. */
    void awaitExit() throws InterruptedException {
        exiting.await();
    }

    private void stop(Signal signal) {
        synchronized (this) {
            if (over || stopping) return;
            stopping = true;
        }
        String how = signal.getName().equals("INT") ? "Ctrl-C" : "SIG" + signal.getName();
        try {
            List<StepRun> interrupted =
                    run.interruptForExit("the operator stopped DR Pilot (" + how + ")", STEP_STOPS_WITHIN);
            run.close();
            log.close();
            out.println();
            out.println("Stopped (" + how + "): "
                    + (interrupted.isEmpty() ? "" : "the step " + titles(interrupted) + " is marked interrupted and ")
                    + run.incidentId() + " stays open, its log closed; continue with: drpilot resume "
                    + run.incidentId());
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println();
            out.println("Stopped (" + how + "), but the log could not be closed cleanly: " + e.getMessage()
                    + " Continue with: drpilot resume " + run.incidentId());
            out.flush();
        } finally {
            System.exit(128 + signal.getNumber());
        }
    }

    private static String titles(List<StepRun> steps) {
        return steps.stream().map(s -> "'" + s.step().title() + "'").collect(Collectors.joining(", "));
    }

    /**
     * The session ended: signals get their default handling back. When a signal came first, the
     * run and the log are the signal's to close, and this waits for the exit instead.
     */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            over = true;
            if (!stopping) {
                before.forEach(Signal::handle);
                return;
            }
        }
        awaitExit();
    }
}
