package dev.drpilot.action.process;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** process.cdkDeploy: {@code cdk deploy --region ...} in the infrastructure folder, for the region-failure runbooks. */
public final class CdkDeploy implements Action {

    private static final Pattern OUTPUT = Pattern.compile("^([A-Za-z0-9-]+\\.[A-Za-z0-9]+) = (.*)$");

    private final String cdk;

    /** @param cdk the cdk executable: "cdk" from the PATH, or a path (DRPILOT_CDK) */
    public CdkDeploy(String cdk) {
        this.cdk = cdk;
    }

    @Override
    public String id() {
        return "process.cdkDeploy";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        Path directory = Path.of(args.required("directory"));
        List<String> command = new ArrayList<>(
                List.of(cdk, "deploy", "--region", args.required("region"), "--require-approval", "never"));
        if (args.text("contextKey") != null)
            command.addAll(List.of("--context", args.text("contextKey") + "=" + args.required("contextValue")));
        command.addAll(args.list("stacks"));
        if (args.list("stacks").isEmpty()) command.add("--all");
        ExternalCommand.Outcome outcome =
                ExternalCommand.run(context, directory, command, "install it with `npm install -g aws-cdk`");
        if (outcome.exitCode() != 0) throw ExternalCommand.failed(command, outcome);
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (String line : outcome.lastLines()) {
            Matcher m = OUTPUT.matcher(line.strip());
            if (m.matches()) outputs.put(m.group(1), m.group(2));
        }
        return ActionResult.of(
                "Deployed " + directory + " into " + args.required("region")
                        + (outputs.isEmpty() ? "" : "; outputs: " + outputs),
                Map.of("exitCode", 0, "outputs", outputs));
    }
}
