package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;

/** aws.lambda.listVersions: a function's published versions, every page, newest first ($LATEST left out). */
public final class LambdaListVersions implements Action {

    private final AwsClients clients;

    public LambdaListVersions(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.lambda.listVersions";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String function = args.required("function");
        LambdaClient lambda = clients.get(LambdaClient.class, LambdaClient::builder, args.text("region"));
        List<FunctionConfiguration> versions = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            ListVersionsByFunctionResponse response = AwsCall.run(
                    context,
                    clients,
                    "Lambda",
                    "ListVersionsByFunction",
                    "lambda:ListVersionsByFunction",
                    () -> lambda.listVersionsByFunction(
                            r -> r.functionName(function).marker(page)));
            response.versions().stream()
                    .filter(v -> !"$LATEST".equals(v.version()))
                    .forEach(versions::add);
            marker = response.nextMarker();
        } while (marker != null && !marker.isEmpty());
        versions.sort(Comparator.comparingLong((FunctionConfiguration v) -> Long.parseLong(v.version()))
                .reversed());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "versions",
                versions.stream()
                        .map(v -> Map.of(
                                "version",
                                v.version(),
                                "description",
                                v.description() == null ? "" : v.description(),
                                "date",
                                String.valueOf(v.lastModified())))
                        .toList());
        out.put("count", versions.size());
        if (!versions.isEmpty()) out.put("latestVersion", versions.get(0).version());
        return ActionResult.of(
                versions.size() + " published version(s) of " + function
                        + (versions.isEmpty()
                                ? ""
                                : ", newest " + versions.get(0).version()),
                out);
    }
}
