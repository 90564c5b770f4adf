package dev.drpilot.incident;

/** Where an incident is in its life: the service is down, it is back, or the post-mortem is written. */
public enum IncidentState {
    OPEN("open"),
    RECOVERED("recovered"),
    CLOSED("closed");

    private final String label;

    IncidentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
