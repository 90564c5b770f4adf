package dev.drpilot.action.process;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** process.gitTag: tags the release in its repository and pushes the tag, the primary backup of the Lambda code. */
public final class GitTag implements Action {

    private final String git;

    /** @param git the git executable: "git" from the PATH, or a path (DRPILOT_GIT) */
    public GitTag(String git) {
        this.git = git;
    }

    @Override
    public String id() {
        return "process.gitTag";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException, InterruptedException {
        Args args = new Args(values);
        Path directory = Path.of(args.required("directory"));
        String tag = args.required("tag");
        if (!tag.matches("[A-Za-z0-9._/-]+")) throw ActionException.permanent("tag: '" + tag + "' is not a valid Git tag name");
        String install = "install Git from your package manager";
        List<String> create = List.of(git, "tag", "-a", tag, "-m", "DR Pilot: " + tag);
        ExternalCommand.Outcome created = ExternalCommand.run(context, directory, create, install);
        if (created.exitCode() != 0) throw ExternalCommand.failed(create, created);
        if (args.flag("push")) {
            List<String> push = List.of(git, "push", "origin", tag);
            ExternalCommand.Outcome pushed = ExternalCommand.run(context, directory, push, install);
            if (pushed.exitCode() != 0) throw ExternalCommand.failed(push, pushed);
        }
        return ActionResult.of("Tagged " + tag + (args.flag("push") ? " and pushed it to origin" : ""), Map.of("tag", tag));
    }
}
