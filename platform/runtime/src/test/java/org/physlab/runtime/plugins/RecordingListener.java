package org.physlab.runtime.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** A catalog listener that writes down what it heard, e.g. {@code "added testkit.count 1.0.0"}. */
final class RecordingListener implements CatalogListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    /** Runs inside experimentsRemoving, while the plugin is stopping. */
    volatile BiConsumer<CatalogEntry, String> onRemoving = (entry, reason) -> { };

    @Override
    public void experimentsAdded(List<CatalogEntry> entries) {
        for (CatalogEntry e : entries) events.add("added " + e.id() + " " + e.pluginVersion());
    }

    @Override
    public void experimentsRemoving(List<CatalogEntry> entries, String reason) {
        for (CatalogEntry e : entries) {
            Bundle bundle = FrameworkUtil.getBundle(e.experiment().getClass());
            events.add("removing " + e.id() + " " + e.pluginVersion() + " (" + reason + ") while its bundle is "
                    + (bundle.getState() == Bundle.STOPPING ? "STOPPING" : "in state " + bundle.getState()));
            onRemoving.accept(e, reason);
        }
    }

    List<String> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
