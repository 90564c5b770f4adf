package dev.drpilot.incident;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread on which a log's database is read and written. Callers wait for it without being
 * interruptible: an interrupt (a cancelled step) reaching H2's file channel would close it under
 * the log, and lose the events after. A caller that was interrupted while waiting gets its
 * interrupt back once the work is done. Work started on the thread itself runs at once, so that
 * a whole operation (check, append, update) holds the thread from start to end.
 */
final class LogThread {

    private final ExecutorService io;
    private volatile Thread thread;

    LogThread() {
        DaemonThreads threads = new DaemonThreads("drpilot-log-io");
        this.io = Executors.newSingleThreadExecutor(r -> thread = threads.newThread(r));
    }

    <T> T run(Callable<T> work) {
        if (Thread.currentThread() == thread) return call(work);
        Future<T> done = io.submit(() -> call(work));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                    if (e.getCause() instanceof Error error) throw error;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    void shutdown() {
        io.shutdown();
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
