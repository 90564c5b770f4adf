package dev.drpilot.engine;

import java.util.List;

/** Parameter values that cannot be used; nothing has been called. */
public final class InvalidParametersException extends Exception {

    private final List<String> problems;

    public InvalidParametersException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
