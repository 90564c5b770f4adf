package dev.drpilot.action;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an action takes, returns, needs and does, declared before any implementation exists, so
 * that runbooks can be checked and shown without calling anything.
 *
 * @param api        the API call behind the action ("RDS RestoreDBInstanceToPointInTime")
 * @param permission the IAM action or Kubernetes RBAC verb and resource it needs
 * @param command    the equivalent aws/kubectl/... command line
 * @param postcondition what a state-changing action reads back from the live state before it
 *                      reports success, or null for an action that changes nothing
 */
public record ActionContract(
        String id,
        String summary,
        String api,
        String permission,
        boolean destructive,
        List<ArgSpec> args,
        List<OutputSpec> outputs,
        CommandTemplate command,
        String postcondition) {

    public ActionContract {
        args = List.copyOf(args);
        outputs = List.copyOf(outputs);
    }

    public Backend backend() {
        return Backend.ofActionId(id);
    }

    public Optional<ArgSpec> arg(String name) {
        return args.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The equivalent command for these arguments, with sensitive values masked. */
    public String renderCommand(Map<String, ?> argumentValues) {
        Set<String> sensitive =
                args.stream().filter(ArgSpec::sensitive).map(ArgSpec::name).collect(Collectors.toSet());
        return command.render(argumentValues, sensitive);
    }

    /** Whether the action changes the world, and so must prove its effect before it reports success. */
    public boolean changesState() {
        return postcondition != null;
    }

    public boolean hasOutput(String name) {
        return outputs.stream().anyMatch(o -> o.name().equals(name));
    }
}
