package dev.drpilot.incident;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One DR Pilot that may drive incidents: who runs it, on which machine, in which process. Each
 * open log is a seat of its own ({@code token}), so a window that comes back to an incident it
 * left finds its own claim, and two logs opened in one process are two seats.
 */
public record Seat(String token, String who, String host, long pid) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new seat in this process, for the OS user (or whoever the log writes as). */
    static Seat here(String who) {
        return new Seat(newToken(), who, HostName.VALUE, ProcessHandle.current().pid());
    }

    private static String newToken() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** "alice on host-b (pid 1234)". */
    public String label() {
        return who + " on " + host + " (pid " + pid + ")";
    }

    /** "alice@host-b", short enough for a button. */
    public String handle() {
        return who + "@" + host;
    }

    /** A seat in a process of this machine that has ended: its claims are stale at once, whatever its heartbeat. */
    boolean endedOnThisMachine() {
        return host.equals(HostName.VALUE)
                && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** This machine's name, looked up once (a name service can be slow). */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) return value.strip();
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "this machine";
            }
        }
    }
}
