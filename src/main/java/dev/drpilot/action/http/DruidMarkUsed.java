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
 * http.druid.markUsed: asks the Druid coordinator to mark a datasource's segments used again for an
 * interval, so they load, then lists the used segments overlapping the interval from the metadata
 * store (POST .../metadata/datasources/{datasource}/segments) to prove they are.
 */
public final class DruidMarkUsed implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCalls http = new HttpCalls(HttpCalls.TIMEOUT);

    @Override
    public String id() {
        return "http.druid.markUsed";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String coordinator = args.required("coordinatorUrl").replaceAll("/+$", "");
        String datasource = args.required("datasource");
        String interval = args.required("interval");
        if (!interval.matches("[^/\\s]+/[^/\\s]+"))
            throw ActionException.permanent(
                    "interval: '" + interval + "' is not start/end, such as 2024-01-15/2024-01-16");
        String url = coordinator + "/druid/coordinator/v1/datasources/"
                + URLEncoder.encode(datasource, StandardCharsets.UTF_8) + "/markUsed";
        String body = JSON.createObjectNode().put("interval", interval).toString();
        HttpResponse<String> response = http.send(
                context,
                http.request(url)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        if (response.statusCode() == 404)
            throw ActionException.permanent("The coordinator at " + coordinator + " knows no datasource " + datasource);
        if (response.statusCode() / 100 != 2) {
            throw ActionException.permanent("The coordinator refused to mark " + datasource + " " + interval
                    + " used: HTTP " + response.statusCode() + " " + HttpCalls.start(response.body(), 300));
        }
        int marked;
        try {
            JsonNode answer = JSON.readTree(response.body());
            marked = answer.path("numChangedSegments").asInt();
        } catch (IOException e) {
            throw ActionException.permanent(
                    "The coordinator's answer is not the JSON expected: " + HttpCalls.start(response.body(), 300));
        }
        int used = usedSegments(context, coordinator, datasource, interval);
        if (used == 0 || used < marked) {
            String why = marked == 0
                    ? "the coordinator had no segment there to mark. Check the datasource name and the interval (the deleted"
                            + " segments' own), and that the undelete step brought their files back, then retry this step."
                    : "a drop rule or a kill task may have marked them unused again. Check the datasource's rules (GET "
                            + coordinator + "/druid/coordinator/v1/rules/" + datasource + "), then retry this step.";
            throw ActionException.permanent("Expected at least " + Math.max(1, marked) + " used segment(s) of "
                    + datasource + " overlapping " + interval + " in the metadata store, found " + used + ": " + why);
        }
        return ActionResult.checked(
                marked + " segment(s) of " + datasource + " marked used for " + interval
                        + "; the historicals load them now",
                Map.of("segmentsMarked", marked),
                used + " used segment(s) of " + datasource + " overlapping " + interval
                        + " in the metadata store (read back through the coordinator)");
    }

    /** How many used segments of the datasource overlap the interval, read from the metadata store (not the coordinator's cache). */
    private int usedSegments(ActionContext context, String coordinator, String datasource, String interval)
            throws ActionException, InterruptedException {
        String url = coordinator + "/druid/coordinator/v1/metadata/datasources/"
                + URLEncoder.encode(datasource, StandardCharsets.UTF_8) + "/segments";
        String body = JSON.createArrayNode().add(interval).toString();
        HttpResponse<String> response = http.send(
                context,
                http.request(url)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        if (response.statusCode() / 100 != 2) {
            throw ActionException.permanent(
                    "The coordinator marked the segments but would not list the used ones to check (HTTP "
                            + response.statusCode() + " " + HttpCalls.start(response.body(), 300)
                            + "): check the datasource in the Druid console.");
        }
        try {
            JsonNode segments = JSON.readTree(response.body());
            if (!segments.isArray()) throw new IOException("not a list");
            return segments.size();
        } catch (IOException e) {
            throw ActionException.permanent("The coordinator's list of used segments is not the JSON expected: "
                    + HttpCalls.start(response.body(), 300));
        }
    }
}
