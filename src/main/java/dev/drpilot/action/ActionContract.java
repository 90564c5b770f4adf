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
 */
public record ActionContract(String id, String summary, String api, String permission, boolean destructive,
                             List<ArgSpec> args, List<OutputSpec> outputs, CommandTemplate command) {

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
        Set<String> sensitive = args.stream().filter(ArgSpec::sensitive).map(ArgSpec::name).collect(Collectors.toSet());
        return command.render(argumentValues, sensitive);
    }

    public boolean hasOutput(String name) {
        return outputs.stream().anyMatch(o -> o.name().equals(name));
    }
}
