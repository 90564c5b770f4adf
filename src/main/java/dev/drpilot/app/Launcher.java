package dev.drpilot.app;

/**
 * The jar's entry point, compiled for Java 8 so that any Java can load it: on a Java older than
 * 25 it says which Java it needs, in one sentence, instead of failing to load {@link Main}.
 */
public final class Launcher {

    static final int NEEDED = 25;

    private Launcher() {}

    public static void main(String[] args) {
        String running = System.getProperty("java.specification.version", "");
        int major = running.startsWith("1.") ? Integer.parseInt(running.substring(2)) : Integer.parseInt(running);
        if (major < NEEDED) {
            System.err.println("DR Pilot needs Java " + NEEDED + " or newer; this is Java " + major + " ("
                    + System.getProperty("java.home") + "): set JAVA_HOME to a JDK " + NEEDED
                    + " and start it with \"$JAVA_HOME/bin/java\" -jar drpilot.jar");
            System.exit(1);
        }
        Main.main(args);
    }
}
