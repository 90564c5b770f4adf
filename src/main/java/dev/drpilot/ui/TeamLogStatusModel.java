package dev.drpilot.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the header says of the team log: the link's latest sentence, on the screen's thread; empty without a team log. */
final class TeamLogStatusModel {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final TaskRunner tasks;
    private TeamLogLink watched = TeamLogLink.NONE;

    TeamLogStatusModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    /** Follows {@code link} from now on; what an earlier link (older settings) says is no longer shown. */
    void watch(TeamLogLink link) {
        watched = link;
        text.set("");
        link.watch(sentence -> tasks.onScreen(() -> {
            if (watched == link) text.set(sentence);
        }));
    }
}
