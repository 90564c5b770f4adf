package dev.drpilot.incident;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that never keep the process alive (closing the window or ending a command ends DR
 * Pilot), named for what they do so that a thread dump reads. The one thread factory of the app:
 * the log's writer, the followers, the step workers, the live status and the tabletop's injects.
 */
public final class DaemonThreads implements ThreadFactory {

    private final String name;

    public DaemonThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
