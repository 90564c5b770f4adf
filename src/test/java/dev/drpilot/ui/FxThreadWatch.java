package dev.drpilot.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Looks at what the FX thread is doing, every few milliseconds, while a UI test clicks through
 * the app, and keeps every moment it was seen inside the incident log, the database, an SDK, the
 * Kubernetes client or the network. Work there belongs on a background thread: on the FX thread
 * it freezes the window for as long as the disk or the network takes. Not a timing: a frame is
 * bad for what it is in, however fast it was.
 */
final class FxThreadWatch implements AutoCloseable {

    private static final Set<String> BLOCKING = Set.of(
            "org.h2.",
            "software.amazon.awssdk.",
            "io.fabric8.kubernetes.client.",
            "dev.drpilot.incident.IncidentLogStore",
            "java.net.Socket",
            "java.net.InetAddress",
            "java.net.http.",
            "sun.net.www.protocol.http",
            "sun.nio.ch.",
            "java.io.FileOutputStream",
            "java.nio.channels.");

    private final Thread fxThread;
    private final Thread sampler;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    FxThreadWatch() {
        fxThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("JavaFX Application Thread"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JavaFX is not running"));
        sampler = Thread.ofPlatform().daemon().name("fx-thread-watch").start(this::sample);
    }

    /** A test's own work on the FX thread (a screenshot writes a PNG) is not the app's. */
    void pause(boolean on) {
        paused = on;
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            StackTraceElement[] stack = fxThread.getStackTrace();
            if (!paused) {
                for (StackTraceElement frame : stack) {
                    if (BLOCKING.stream().anyMatch(frame.getClassName()::startsWith)) {
                        seen.add(describe(stack, frame));
                        break;
                    }
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String describe(StackTraceElement[] stack, StackTraceElement blocking) {
        List<String> ours = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("dev.drpilot."))
                ours.add(frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber());
            if (ours.size() == 3) break;
        }
        return blocking.getClassName() + "." + blocking.getMethodName() + " called from " + ours;
    }

    /** What the FX thread was seen doing that it should not (empty when all is well). */
    List<String> blockingSeen() {
        return seen.stream().distinct().toList();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
