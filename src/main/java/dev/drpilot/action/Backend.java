package dev.drpilot.action;

/** Where an action acts; the first part of its id. */
public enum Backend {
    AWS("aws"),
    K8S("k8s"),
    HTTP("http"),
    DNS("dns"),
    PROCESS("process");

    private final String prefix;

    Backend(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static Backend ofActionId(String actionId) {
        String prefix = actionId.substring(0, Math.max(0, actionId.indexOf('.')));
        for (Backend b : values()) if (b.prefix.equals(prefix)) return b;
        throw new IllegalArgumentException(
                "action id '" + actionId + "' does not start with one of aws., k8s., http., dns., process.");
    }
}
