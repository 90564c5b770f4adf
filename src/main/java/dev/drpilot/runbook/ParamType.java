package dev.drpilot.runbook;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The types a runbook parameter (or a value a manual step records) can have. */
public enum ParamType {
    STRING("string"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    DURATION("duration"),
    INSTANT("instant"),
    ENUM("enum"),
    AWS_REGION("aws-region"),
    AWS_ARN("aws-arn"),
    K8S_NAMESPACE("k8s-namespace"),
    /** A pod's or node's name: a DNS subdomain (lower-case letters, digits, '-' and '.', at most 253). */
    K8S_NAME("k8s-name"),
    SECRET("secret");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d{1,2}");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:.+");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final String yamlName;

    ParamType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static ParamType fromYaml(String name) {
        for (ParamType t : values()) if (t.yamlName.equals(name)) return t;
        throw new IllegalArgumentException(name);
    }

    /**
     * Checks a value's form for this type (enum values, bounds and patterns are the parameter's
     * business). Returns null when it fits, else what is wrong and what is expected.
     */
    public String checkForm(String value) {
        switch (this) {
            case INTEGER -> {
                try {
                    Long.parseLong(value.trim());
                    return null;
                } catch (NumberFormatException e) {
                    return "'" + value + "' is not a whole number";
                }
            }
            case BOOLEAN -> {
                String v = value.trim().toLowerCase(Locale.ROOT);
                return v.equals("true") || v.equals("false") ? null : "'" + value + "' is not true or false";
            }
            case DURATION -> {
                try {
                    Duration.parse(value.trim());
                    return null;
                } catch (DateTimeParseException e) {
                    return "'" + value + "' is not an ISO-8601 duration such as PT5M or PT1H30M";
                }
            }
            case INSTANT -> {
                try {
                    Instant.parse(value.trim());
                    return null;
                } catch (DateTimeParseException e) {
                    return "'" + value + "' is not a UTC instant such as 2024-01-15T10:25:00Z";
                }
            }
            case AWS_REGION -> {
                return REGION.matcher(value.trim()).matches()
                        ? null
                        : "'" + value + "' is not an AWS region such as us-east-1";
            }
            case AWS_ARN -> {
                return ARN.matcher(value.trim()).matches()
                        ? null
                        : "'" + value
                                + "' is not an ARN such as arn:aws:dynamodb:us-west-2:123456789012:table/webapp-users";
            }
            case K8S_NAMESPACE -> {
                return DNS_LABEL.matcher(value.trim()).matches()
                        ? null
                        : "'" + value
                                + "' is not a Kubernetes namespace (lower-case letters, digits and '-', at most 63)";
            }
            case K8S_NAME -> {
                return value.trim().length() <= 253
                                && DNS_SUBDOMAIN.matcher(value.trim()).matches()
                        ? null
                        : "'" + value
                                + "' is not a Kubernetes name (lower-case letters, digits, '-' and '.', at most 253)";
            }
            default -> {
                return null;
            }
        }
    }
}
