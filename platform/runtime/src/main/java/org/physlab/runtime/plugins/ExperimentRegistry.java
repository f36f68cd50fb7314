package org.physlab.runtime.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiments of every started plugin, by id, and the listeners that hear them come and go.
 * Adding is all-or-nothing per plugin, so a plugin whose experiment id is already taken adds nothing.
 */
final class ExperimentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRegistry.class);

    private final Map<String, CatalogEntry> byId = new HashMap<>();
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();

    synchronized List<CatalogEntry> snapshot() {
        List<CatalogEntry> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(CatalogEntry::id));
        return List.copyOf(all);
    }

    synchronized Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids a bundle contributes, sorted. */
    synchronized List<String> idsOf(long bundleId) {
        return byId.values().stream().filter(e -> e.bundleId() == bundleId).map(CatalogEntry::id).sorted().toList();
    }

    /**
     * Adds every entry, or none when one of their ids is already offered by another plugin.
     *
     * @return null on success, else why nothing was added
     */
    synchronized String tryAdd(List<CatalogEntry> entries) {
        for (CatalogEntry entry : entries) {
            CatalogEntry existing = byId.get(entry.id());
            if (existing != null && existing.bundleId() != entry.bundleId()) {
                return "experiment id '" + entry.id() + "' is already offered by plugin " + existing.pluginId() + " "
                        + existing.pluginVersion() + "; experiment ids must be unique across plugins";
            }
        }
        for (CatalogEntry entry : entries) byId.put(entry.id(), entry);
        return null;
    }

    /** Drops these entries (only if they are still the registered ones). */
    synchronized void remove(List<CatalogEntry> entries) {
        for (CatalogEntry entry : entries) byId.remove(entry.id(), entry);
    }

    void addListener(CatalogListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(CatalogListener listener) {
        listeners.remove(listener);
    }

    void announceAdded(List<CatalogEntry> entries) {
        for (CatalogListener l : listeners) {
            try {
                l.experimentsAdded(entries);
            } catch (RuntimeException e) {
                LOG.warn("catalog listener {} failed on experimentsAdded: {}", l, e.toString(), e);
            }
        }
    }

    /** Tells every listener, synchronously, that these entries are about to go. */
    void announceRemoving(List<CatalogEntry> entries, String reason) {
        for (CatalogListener l : listeners) {
            try {
                l.experimentsRemoving(entries, reason);
            } catch (RuntimeException e) {
                LOG.warn("catalog listener {} failed on experimentsRemoving ({}): {}", l, reason, e.toString(), e);
            }
        }
    }
}
