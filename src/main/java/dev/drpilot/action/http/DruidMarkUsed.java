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

/** http.druid.markUsed: asks the Druid coordinator to mark a datasource's segments used again for an interval, so they load. */
public final class DruidMarkUsed implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCalls http = new HttpCalls(HttpCalls.TIMEOUT);

    @Override
    public String id() {
        return "http.druid.markUsed";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException, InterruptedException {
        Args args = new Args(values);
        String coordinator = args.required("coordinatorUrl").replaceAll("/+$", "");
        String datasource = args.required("datasource");
        String interval = args.required("interval");
        if (!interval.matches("[^/\\s]+/[^/\\s]+")) throw ActionException.permanent("interval: '" + interval + "' is not start/end, such as 2024-01-15/2024-01-16");
        String url = coordinator + "/druid/coordinator/v1/datasources/" + URLEncoder.encode(datasource, StandardCharsets.UTF_8) + "/markUsed";
        String body = JSON.createObjectNode().put("interval", interval).toString();
        HttpResponse<String> response = http.send(context, http.request(url)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() == 404) throw ActionException.permanent("The coordinator at " + coordinator + " knows no datasource " + datasource);
        if (response.statusCode() / 100 != 2) {
            throw ActionException.permanent("The coordinator refused to mark " + datasource + " " + interval + " used: HTTP " + response.statusCode()
                    + " " + HttpCalls.start(response.body(), 300));
        }
        int marked;
        try {
            JsonNode answer = JSON.readTree(response.body());
            marked = answer.path("numChangedSegments").asInt();
        } catch (IOException e) {
            throw ActionException.permanent("The coordinator's answer is not the JSON expected: " + HttpCalls.start(response.body(), 300));
        }
        return ActionResult.of(marked + " segment(s) of " + datasource + " marked used for " + interval + "; the historicals load them now",
                Map.of("segmentsMarked", marked));
    }
}
