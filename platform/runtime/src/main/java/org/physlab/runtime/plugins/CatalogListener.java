package org.physlab.runtime.plugins;

import java.util.List;

/** Hears experiments come and go as plugins are installed, updated and removed. */
public interface CatalogListener {

    /** Called after a plugin started and its experiments became available. */
    default void experimentsAdded(List<CatalogEntry> entries) { }

    /**
     * Called synchronously before a plugin is stopped (updated, uninstalled, or the platform shuts down),
     * while its classes still work. A listener may block (a few seconds at most) to stop runs of these
     * experiments; {@code reason} says why, e.g. "plugin oscillator updated to 1.2.0".
     */
    default void experimentsRemoving(List<CatalogEntry> entries, String reason) { }
}
