package dev.drpilot.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One readiness run: when, as whom, and a row per guide target.
 *
 * @param identity who the credentials acted as ("ARN in account N"), or null when no call got that far
 * @param regionDependencies the runbooks that need a control plane outside their region (none when no runbook was given)
 */
public record ReadinessReport(
        Instant checkedAt, String identity, List<ReadinessRow> rows, List<RegionDependency> regionDependencies) {

    /** Every target met. */
    public static final int ALL_MET = 0;
    /** At least one target breached. */
    public static final int BREACHED = 1;
    /** None breached, but at least one could not be read. */
    public static final int UNKNOWN_ONLY = 2;

    public ReadinessReport {
        rows = List.copyOf(rows);
        regionDependencies = List.copyOf(regionDependencies);
    }

    public ReadinessReport(Instant checkedAt, String identity, List<ReadinessRow> rows) {
        this(checkedAt, identity, rows, List.of());
    }

    /** The exit code for scripts: 0 all met, 1 any breached, 2 some unknown and none breached. */
    public int exitCode() {
        if (rows.stream().anyMatch(r -> r.verdict() == Verdict.BREACHED)) return BREACHED;
        if (rows.stream().anyMatch(r -> r.verdict() == Verdict.UNKNOWN)) return UNKNOWN_ONLY;
        return ALL_MET;
    }

    public long count(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /**
     * A report read back from its JSON ({@link #toJson()}): the time, the identity and the rows; the region
     * dependencies are not read back (they follow from the runbooks, not from the account).
     *
     * @throws IllegalArgumentException when the text is not a readiness report
     */
    public static ReadinessReport fromJson(String json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            List<ReadinessRow> rows = new ArrayList<>();
            for (JsonNode row : node.path("rows")) {
                Verdict verdict = Verdict.valueOf(row.path("verdict").asText().toUpperCase(Locale.ROOT));
                String detail =
                        row.path(verdict == Verdict.BREACHED ? "fix" : "reason").asText("");
                rows.add(new ReadinessRow(
                        row.path("name").asText(),
                        row.path("figure").asText(),
                        row.path("target").asText(),
                        verdict,
                        verdict == Verdict.MET ? "" : detail));
            }
            JsonNode identity = node.path("identity");
            return new ReadinessReport(
                    Instant.parse(node.path("checkedAt").asText()),
                    identity.isTextual() ? identity.asText() : null,
                    rows);
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a readiness report: " + e.getMessage(), e);
        }
    }

    /** The report as JSON (docs/readiness.md describes its fields). */
    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checkedAt", checkedAt.toString());
        out.put("identity", identity);
        out.put("exitCode", exitCode());
        out.put(
                "rows",
                rows.stream()
                        .map(r -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("name", r.name());
                            row.put("figure", r.figure());
                            row.put("target", r.target());
                            row.put("verdict", r.verdict().word());
                            if (r.verdict() == Verdict.BREACHED) row.put("fix", r.detail());
                            if (r.verdict() == Verdict.UNKNOWN) row.put("reason", r.detail());
                            return row;
                        })
                        .toList());
        out.put(
                "regionDependencies",
                regionDependencies.stream()
                        .map(d -> {
                            Map<String, Object> dependency = new LinkedHashMap<>();
                            dependency.put("runbook", d.runbook());
                            dependency.put("needs", d.plane().dependency());
                            dependency.put("actions", d.actions());
                            dependency.put("alternative", d.plane().alternative());
                            return dependency;
                        })
                        .toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
