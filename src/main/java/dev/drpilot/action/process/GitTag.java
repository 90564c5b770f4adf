package dev.drpilot.action.process;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * process.gitTag: tags the release in its repository and pushes the tag, the primary backup of the
 * Lambda code. The tag is read back locally (the commit it points at) and, when pushed, on origin
 * with {@code git ls-remote}, which must show it on the same commit.
 */
public final class GitTag implements Action {

    private static final String INSTALL = "install Git from your package manager";

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
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        Path directory = Path.of(args.required("directory"));
        String tag = args.required("tag");
        if (!tag.matches("[A-Za-z0-9._/-]+"))
            throw ActionException.permanent("tag: '" + tag + "' is not a valid Git tag name");
        succeed(context, directory, List.of(git, "tag", "-a", tag, "-m", "DR Pilot: " + tag));
        if (args.flag("push")) succeed(context, directory, List.of(git, "push", "origin", tag));

        ExternalCommand.Outcome local = ExternalCommand.run(
                context,
                directory,
                List.of(git, "rev-parse", "--verify", "--quiet", "refs/tags/" + tag + "^{commit}"),
                INSTALL);
        if (local.exitCode() != 0 || local.lastLines().isEmpty()) {
            throw ActionException.permanent("Expected tag " + tag + " in " + directory
                    + " after git tag, found none: something deleted it. Retry this step.");
        }
        String commit = local.lastLines().getLast().strip();
        String checked = "tag " + tag + " -> commit " + commit + " locally";
        if (args.flag("push")) {
            String remote = remoteCommit(context, directory, tag);
            if (!commit.equals(remote)) {
                throw ActionException.permanent("Expected tag " + tag + " on origin at commit " + commit + ", found "
                        + (remote == null ? "no such tag" : "it at commit " + remote)
                        + " (git ls-remote): the push did not land, or someone changed the tag on origin. Check with"
                        + " `git ls-remote --tags origin " + tag + "`, then push it again (`git push origin " + tag
                        + "`).");
            }
            checked += " and on origin (git ls-remote)";
        }
        return ActionResult.checked(
                "Tagged " + tag + (args.flag("push") ? " and pushed it to origin" : ""), Map.of("tag", tag), checked);
    }

    private static void succeed(ActionContext context, Path directory, List<String> command)
            throws ActionException, InterruptedException {
        ExternalCommand.Outcome outcome = ExternalCommand.run(context, directory, command, INSTALL);
        if (outcome.exitCode() != 0) throw ExternalCommand.failed(command, outcome);
    }

    /** The commit origin's tag points at (the peeled line of an annotated tag), or null when origin has no such tag. */
    private String remoteCommit(ActionContext context, Path directory, String tag)
            throws ActionException, InterruptedException {
        List<String> command =
                List.of(git, "ls-remote", "--tags", "origin", "refs/tags/" + tag, "refs/tags/" + tag + "^{}");
        ExternalCommand.Outcome listed = ExternalCommand.run(context, directory, command, INSTALL);
        if (listed.exitCode() != 0) throw ExternalCommand.failed(command, listed);
        String direct = null;
        for (String line : listed.lastLines()) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 2) continue;
            if (parts[1].equals("refs/tags/" + tag + "^{}")) return parts[0];
            if (parts[1].equals("refs/tags/" + tag)) direct = parts[0];
        }
        return direct;
    }
}
