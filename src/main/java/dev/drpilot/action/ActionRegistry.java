package dev.drpilot.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The implementations available in this process, by catalogue id. */
public final class ActionRegistry {

    private final ActionCatalog catalog;
    private final Map<String, Action> actions = new HashMap<>();

    public ActionRegistry(ActionCatalog catalog, List<Action> implementations) {
        this.catalog = catalog;
        actions.put(ManualAction.ID, new ManualAction());
        for (Action action : implementations) {
            if (!action.id().equals(ManualAction.ID)
                    && catalog.find(action.id()).isEmpty()) {
                throw new IllegalArgumentException(action.getClass().getName() + " implements '" + action.id()
                        + "', which the action catalogue does not declare");
            }
            actions.put(action.id(), action);
        }
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    public Optional<Action> find(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** Whether nothing here can open a connection: every action plays a script (or is the operator's own manual step). */
    public boolean callsNothing() {
        return actions.values().stream().allMatch(a -> a instanceof ScriptOnly || a instanceof ManualAction);
    }

    public Action manual() {
        return actions.get(ManualAction.ID);
    }
}
