package dev.drpilot.action.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * http.druid.segmentCount: a datasource's segments over an interval, as the coordinator sees them:
 * the used ones in the metadata store (what should be served) and the ones the historicals serve.
 * Read before a restore, it records the count; read after with {@code atLeast}, it proves the data
 * is back: at least that many used segments (and at least one), every one of them served.
 */
public final class DruidSegmentCount implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCalls http = new HttpCalls(HttpCalls.TIMEOUT);

    @Override
    public String id() {
        return "http.druid.segmentCount";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String coordinator = args.required("coordinatorUrl").replaceAll("/+$", "");
        String datasource = args.required("datasource");
        String interval = args.required("interval");
        if (!interval.matches("[^/\\s_]+/[^/\\s_]+")) {
            throw ActionException.permanent(
                    "interval: '" + interval + "' is not start/end, such as 2024-01-15/2024-01-16");
        }
        Integer atLeast =
                args.text("atLeast") == null || args.text("atLeast").isBlank() ? null : args.integer("atLeast");
        if (atLeast != null && atLeast < 0)
            throw ActionException.permanent(
                    "atLeast: " + atLeast + " is below zero; give the count read before the restore");
        http.request(coordinator); // refuses a URL that is not http(s) before any call
        String ds = URLEncoder.encode(datasource, StandardCharsets.UTF_8);
        int used = usedSegments(context, coordinator, ds, datasource, interval);
        int served = servedSegments(context, coordinator, ds, datasource, interval);
        Map<String, Object> outputs = Map.of("usedSegments", used, "servedSegments", served);
        String counts = used + " used segment(s) of " + datasource + " overlapping " + interval
                + " in the metadata store, " + served + " served";
        if (atLeast == null) return ActionResult.checked(counts, outputs, counts + " (read through the coordinator)");
        int expected = Math.max(1, atLeast);
        if (used < expected) {
            throw ActionException.permanent(
                    "Expected at least " + expected + " used segment(s) of " + datasource + " overlapping " + interval
                            + " in the metadata store (" + atLeast + " before the restore), found " + used
                            + ": the restore did not bring them all back."
                            + " Check the datasource's segments in the Druid console and its rules (GET " + coordinator
                            + "/druid/coordinator/v1/rules/"
                            + datasource + "), then retry this step.");
        }
        if (served < used) {
            throw ActionException.transientFailure(
                    "Expected all " + used + " used segment(s) of " + datasource + " overlapping " + interval
                            + " served by the historicals, found " + served
                            + ": they are still loading (or the historicals cannot read their files)."
                            + " Retry this step in a minute; if the count stays, check the historicals' logs.");
        }
        return ActionResult.checked(
                counts,
                outputs,
                used + " used segment(s) of " + datasource + " overlapping " + interval + ", at least the " + atLeast
                        + " before the restore, and all " + served + " served by the historicals");
    }

    /** The used segments overlapping the interval, listed from the metadata store (a read, though the intervals go in a POST body). */
    private int usedSegments(ActionContext context, String coordinator, String ds, String datasource, String interval)
            throws ActionException, InterruptedException {
        String url = coordinator + "/druid/coordinator/v1/metadata/datasources/" + ds + "/segments";
        HttpResponse<String> response = http.send(
                context,
                http.request(url)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.createArrayNode().add(interval).toString()))
                        .build());
        if (response.statusCode() == 404 || response.statusCode() == 204) return 0;
        JsonNode segments = answer(response, coordinator, "the used segments of " + datasource);
        if (!segments.isArray()) throw notExpected(response);
        return segments.size();
    }

    /**
     * The segments the historicals serve within the interval: the coordinator's
     * {@code /datasources/{ds}/intervals/{start_end}?simple}, a count per segment interval.
     * A datasource nothing serves is not known there at all (404 or no content): none served.
     */
    private int servedSegments(ActionContext context, String coordinator, String ds, String datasource, String interval)
            throws ActionException, InterruptedException {
        String url = coordinator + "/druid/coordinator/v1/datasources/" + ds + "/intervals/"
                + interval.replace('/', '_') + "?simple";
        HttpResponse<String> response =
                http.send(context, http.request(url).GET().build());
        if (response.statusCode() == 404
                || response.statusCode() == 204
                || response.body().isBlank()) return 0;
        JsonNode intervals = answer(response, coordinator, "the served segments of " + datasource);
        if (!intervals.isObject()) throw notExpected(response);
        int count = 0;
        for (JsonNode counts : intervals) count += counts.path("count").asInt();
        return count;
    }

    private static JsonNode answer(HttpResponse<String> response, String coordinator, String what)
            throws ActionException {
        if (response.statusCode() / 100 != 2) {
            throw ActionException.permanent(
                    "The coordinator at " + coordinator + " would not list " + what + ": HTTP " + response.statusCode()
                            + " " + HttpCalls.start(response.body(), 300)
                            + ". Check the URL (the coordinator or router) and that it can reach"
                            + " its metadata database, then retry this step.");
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw notExpected(response);
        }
    }

    private static ActionException notExpected(HttpResponse<String> response) {
        return ActionException.permanent(
                "The coordinator's answer is not the JSON expected: " + HttpCalls.start(response.body(), 300));
    }
}
