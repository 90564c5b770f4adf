package dev.drpilot.ui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps a list scrolled to its newest line as lines arrive, unless the operator scrolled up to
 * read an earlier one: then the list keeps that line at its top, until they scroll back to the end.
 * Only the operator's own scrolling (wheel, scroll bar, keys) decides which; lines arriving while
 * the list is hidden behind another tab do not.
 */
final class FollowNewest {

    private final ListView<?> list;
    private boolean following = true;
    private int topLine;

    private FollowNewest(ListView<?> list) {
        this.list = list;
    }

    static <T> FollowNewest follow(ListView<T> list) {
        FollowNewest follower = new FollowNewest(list);
        // scrolled once the list has taken the change in: scrolling now would aim at what it had
        list.getItems().addListener((ListChangeListener<T>) change -> follower.catchUp());
        EventHandler<Event> scrolled = e -> Platform.runLater(follower::notePlace);
        list.addEventFilter(ScrollEvent.SCROLL, scrolled);
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, scrolled);
        list.addEventFilter(KeyEvent.KEY_RELEASED, scrolled);
        return follower;
    }

    /** Shows the newest line, or the line the operator scrolled to: after a change, or when the list is shown again. */
    void catchUp() {
        Platform.runLater(() -> {
            if (!list.getItems().isEmpty())
                list.scrollTo(following ? list.getItems().size() - 1 : topLine);
        });
    }

    /** Where the operator scrolled to: the end (follow from now on), or an earlier line (stay on it). */
    private void notePlace() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) return;
        list.layout(); // the scroll bar's move reaches the cells at the next layout
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        following = last == null || last.getIndex() >= list.getItems().size() - 1;
        topLine = first == null ? 0 : first.getIndex();
    }
}
