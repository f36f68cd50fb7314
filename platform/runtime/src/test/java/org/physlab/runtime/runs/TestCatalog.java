package org.physlab.runtime.runs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.physlab.api.Experiment;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.plugins.CatalogListener;
import org.physlab.runtime.plugins.ExperimentCatalog;

/**
 * An experiment catalog filled by hand, standing in for the plugin host in tests of the scheduler
 * (the host itself is tested with real bundles in {@code PhyslabTest}).
 */
final class TestCatalog implements ExperimentCatalog {
    private final Map<String, CatalogEntry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bundleIds = new AtomicLong(10);

    /** Offers the experiment as plugin {@code testkit} 1.0.0 in a bundle of its own. */
    CatalogEntry add(Experiment experiment) {
        return add(experiment, "testkit", "1.0.0");
    }

    CatalogEntry add(Experiment experiment, String pluginId, String pluginVersion) {
        CatalogEntry e = new CatalogEntry(experiment.descriptor(), experiment, pluginId, pluginVersion,
                bundleIds.incrementAndGet());
        entries.put(e.id(), e);
        return e;
    }

    /** An update, as Felix does it: same bundle id, new version, new experiment instance. */
    CatalogEntry update(CatalogEntry old, Experiment newVersion, String version) {
        CatalogEntry e = new CatalogEntry(newVersion.descriptor(), newVersion, old.pluginId(), version, old.bundleId());
        entries.put(e.id(), e);
        return e;
    }

    @Override
    public List<CatalogEntry> experiments() {
        return entries.values().stream().sorted(Comparator.comparing(CatalogEntry::id)).toList();
    }

    @Override
    public Optional<CatalogEntry> find(String experimentId) {
        return Optional.ofNullable(entries.get(experimentId));
    }

    @Override
    public void addListener(CatalogListener listener) {
        // the scheduler does not listen to the catalog itself; Physlab wires that up
    }

    @Override
    public void removeListener(CatalogListener listener) {
    }
}
