package dev.drpilot.app.cli;

import dev.drpilot.action.ActionContext.OperatorInput;
import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.engine.ApprovalDecision;
import dev.drpilot.engine.DrivenElsewhereException;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.RunDriver;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.Driver;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.Seat;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Param;
import dev.drpilot.teamlog.OutboxStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an incident's steps in order from a terminal: asks the operator to tick off manual steps,
 * to type confirmations, and what to do about a failure. If the input ends (or the process is
 * killed), the incident stays open in the log and `drpilot resume` takes it up again; SIGTERM and
 * Ctrl-C first mark the running step interrupted and close the log ({@link TerminalStop}).
 */
final class ConsoleSession {

    /** What the operator does about a step that failed. */
    private enum Choice {
        RETRY,
        ANYWAY,
        SKIP,
        QUIT
    }

    private final IncidentRun run;
    private final IncidentLogStore log;
    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean yesToConfirmations;
    private final TerminalApprovals approvals;
    /** The step whose outcome was printed last, so neither it nor its failure is printed again before its retry question. */
    private StepRun shown;
    /** The DR Pilot that took the incident over from this terminal, once it has; this terminal then stops. */
    private volatile Seat takenOverBy;

    private TerminalStop stop;
    /** Whether the team log took the events last time the outbox said: a change is said once. */
    private boolean teamLogOnline = true;

    ConsoleSession(
            IncidentRun run, IncidentLogStore log, BufferedReader in, PrintWriter out, boolean yesToConfirmations) {
        this.run = run;
        this.log = log;
        this.in = in;
        this.out = out;
        this.yesToConfirmations = yesToConfirmations;
        this.approvals = new TerminalApprovals(run.incidentId(), out, this::ask);
        run.addListener(new IncidentListener() {
            @Override
            public void stepChanged(StepRun step) {}

            @Override
            public void driverChanged(Optional<Driver> elsewhere) {
                elsewhere.ifPresent(ConsoleSession.this::takenOver);
            }
        });
    }

    /** Sends the incident's events to the team log as well, and says when it goes offline and when it has caught up. */
    void sendTo(TeamLogConnection team) {
        team.onChange(this::teamLogChanged);
        team.follow(run);
        approvals.through(team);
    }

    /** Without a team log (or while it cannot be reached), steps that need a second person go ahead by override with this reason. */
    void overrideApprovalsWith(String reason) {
        approvals.overrideWith(reason);
    }

    /** Said once when the team log goes offline (or refuses), and once when it has caught up again, even at a prompt. */
    private synchronized void teamLogChanged(OutboxStatus status) {
        if (status.online() == teamLogOnline) return;
        teamLogOnline = status.online();
        out.println(); // the terminal may be waiting at a prompt: the news goes on a line of its own
        out.println(
                status.online()
                        ? "team log: up to date again, every event waiting here has gone to it"
                        : status.sentence() + ": " + status.problem());
        out.flush();
    }

    /** Said at once, even while the terminal waits for an answer (which is then not used), and once per driver. */
    private synchronized void takenOver(Driver driver) {
        if (driver.seat().equals(takenOverBy)) return;
        takenOverBy = driver.seat();
        out.println();
        out.println(driver.seat().label() + " took " + run.incidentId() + " over: this terminal no longer drives it.");
        out.flush();
    }

    /**
     * Runs the remaining steps and says what comes next.
     *
     * @return the exit status: 0 when every step is done, 3 when the incident stays open
     */
    int runAndReport() throws IOException, InterruptedException {
        boolean done;
        try (TerminalStop signals = TerminalStop.during(run, log, out)) {
            stop = signals;
            done = runAll();
        }
        out.println();
        if (done) {
            Duration recoveredIn = run.clocks().recoveredIn();
            out.println("All steps done."
                    + (recoveredIn == null
                            ? " Once the service is back: drpilot resolve " + run.incidentId()
                            : " The service is recovered: RTO " + Durations.human(recoveredIn) + "."));
            out.println("Write the post-mortem: drpilot export " + run.incidentId()
                    + " --format md; then close the incident: drpilot close " + run.incidentId()
                    + " --summary \"what happened and how it ended\"");
        } else if (takenOverBy != null) {
            out.println("Stopped: " + takenOverBy.label() + " drives " + run.incidentId()
                    + " now; take it back with: drpilot resume " + run.incidentId() + " --take-over");
        } else {
            out.println("Stopped; the incident stays open. Continue with: drpilot resume " + run.incidentId());
        }
        out.flush();
        return done ? 0 : 3;
    }

    /** A step's state and message in one line, without saying the state twice ("Skipped: Skipped: ..."). */
    private static String outcome(StepRun step) {
        String label = step.state().label();
        if (step.message() == null) return label;
        String message = step.message().replace("\n", "\n      ");
        return message.startsWith(label) ? message : label + ": " + message;
    }

    /** Returns true when every step is done (succeeded or skipped). */
    private boolean runAll() throws IOException, InterruptedException {
        try {
            return new RunDriver(run, new Terminal()).driveToEnd(null);
        } catch (DrivenElsewhereException e) {
            out.println("   " + e.getMessage());
            return false;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The operator at this terminal, asked by the run's driver. */
    private final class Terminal implements RunDriver.Operator {

        @Override
        public void comingTo(StepRun step, int number, int total) {
            if (step.equals(shown)) return;
            out.println();
            out.println(number + "/" + total + " [" + step.step().phase().label() + "] "
                    + step.step().title());
            if (step.command() != null) out.println("   $ " + step.command());
            out.flush();
        }

        @Override
        public void waitingForAnotherDriver(StepRun step) {
            out.println("   waiting for the DR Pilot that was running it to stop...");
            out.flush();
        }

        @Override
        public Optional<OperatorInput> tickOff(StepRun step) {
            return Optional.ofNullable(tickOffAnswer(step));
        }

        @Override
        public Optional<String> confirm(StepRun step, String expected) {
            return Optional.ofNullable(
                    yesToConfirmations
                            ? expected
                            : ask("   DESTRUCTIVE. Type " + expected + " to go ahead (or anything else to stop): "));
        }

        @Override
        public Optional<ApprovalDecision> approval(StepRun step, EventData.ApprovalRequested request)
                throws InterruptedException {
            return approvals.decide(step, request);
        }

        @Override
        public RunDriver.AfterFailure afterFailure(StepRun step) {
            if (!step.equals(shown)) out.println("   " + outcome(step));
            Choice choice = retrySkipOrQuit(run.team().leaseUnknown(step.id()));
            if (choice == Choice.QUIT) return new RunDriver.AfterFailure.Stop();
            if (choice == Choice.RETRY) return new RunDriver.AfterFailure.Retry();
            if (choice == Choice.ANYWAY) {
                String reason = ask("   Who agreed that no one else runs it? ");
                if (reason == null) return new RunDriver.AfterFailure.Stop();
                return new RunDriver.AfterFailure.RunWithoutLease(
                        reason.isBlank() ? "decided at the command line while the team log was unreachable" : reason);
            }
            String reason = ask("   Why is it skipped? ");
            if (reason == null) return new RunDriver.AfterFailure.Stop();
            return new RunDriver.AfterFailure.Skip(reason.isBlank() ? "skipped from the command line" : reason);
        }

        @Override
        public void ran(StepRun step) throws InterruptedException {
            if (stop.stopping()) stop.awaitExit();
            out.println("   " + outcome(step));
            out.flush();
            shown = step;
        }
    }

    /** Asks until the answer is one of those offered (any case); the end of the input quits, never retries. */
    private Choice retrySkipOrQuit(boolean leaseUnknown) {
        String anyway = leaseUnknown ? " run it [a]nyway," : "";
        while (true) {
            String answer = ask("   [r]etry," + anyway + " [s]kip with a reason, or [q]uit? ");
            if (answer == null) return Choice.QUIT;
            Choice choice = switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "r", "retry" -> Choice.RETRY;
                case "s", "skip" -> Choice.SKIP;
                case "q", "quit" -> Choice.QUIT;
                case "a", "anyway" -> leaseUnknown ? Choice.ANYWAY : null;
                default -> null;
            };
            if (choice != null) return choice;
            out.println("   '" + answer.strip() + "' is not one of the choices: type r to retry,"
                    + (leaseUnknown ? " a to run it anyway," : "") + " s to skip or q to quit");
        }
    }

    /** The operator's note and recorded values for a manual step; null when the input ended. */
    private OperatorInput tickOffAnswer(StepRun step) {
        out.println("   " + run.instructions(step.id()).replace("\n", "\n   "));
        Map<String, String> values = new LinkedHashMap<>();
        for (Param record : step.step().records()) {
            while (true) {
                String value =
                        ask("   " + record.name() + (record.hint() == null ? "" : " (" + record.hint() + ")") + ": ");
                if (value == null) return null;
                String problem = record.check(value);
                if (problem == null) {
                    values.put(record.name(), value.strip());
                    break;
                }
                out.println("   " + problem);
            }
        }
        String note = ask("   Press Enter when done, or type a note: ");
        return note == null ? null : new OperatorInput(note, values);
    }

    /** The operator's answer; null when the input ended, or when another DR Pilot took over while the terminal waited for it. */
    private String ask(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String answer = in.readLine();
            return takenOverBy != null ? null : answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
