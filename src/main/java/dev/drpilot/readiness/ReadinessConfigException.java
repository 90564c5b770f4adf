package dev.drpilot.readiness;

/** A readiness config that cannot be read; the message is one sentence for the operator. */
public final class ReadinessConfigException extends Exception {

    ReadinessConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
