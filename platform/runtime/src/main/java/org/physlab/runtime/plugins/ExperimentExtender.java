package org.physlab.runtime.plugins;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender: when a plugin bundle becomes ACTIVE it adds the plugin's experiments to the registry;
 * when it starts stopping (synchronously, while its classes still work) it tells the listeners and
 * drops them. A plugin whose experiments cannot be loaded, or whose ids are taken, adds nothing and
 * leaves a failure for the host to report.
 */
final class ExperimentExtender implements BundleTrackerCustomizer<List<CatalogEntry>> {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentExtender.class);

    private final ExperimentRegistry registry;
    private final Function<Bundle, String> removalReason;
    private final Map<Long, String> failures = new ConcurrentHashMap<>();

    /**
     * @param removalReason why a bundle is stopping, e.g. "plugin X updated to 1.1.0"
     */
    ExperimentExtender(ExperimentRegistry registry, Function<Bundle, String> removalReason) {
        this.registry = registry;
        this.removalReason = removalReason;
    }

    @Override
    public List<CatalogEntry> addingBundle(Bundle bundle, BundleEvent event) {
        if (!ExperimentLoader.listsExperiments(bundle)) return null;
        failures.remove(bundle.getBundleId());
        List<CatalogEntry> entries;
        try {
            entries = ExperimentLoader.load(bundle);
        } catch (BrokenPluginException e) {
            failures.put(bundle.getBundleId(), e.getMessage());
            return null;
        }
        String conflict = registry.tryAdd(entries);
        if (conflict != null) {
            failures.put(bundle.getBundleId(), conflict);
            return null;
        }
        LOG.info("plugin {} {} offers {}", bundle.getSymbolicName(), bundle.getVersion(),
                entries.stream().map(CatalogEntry::id).toList());
        registry.announceAdded(entries);
        return entries;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<CatalogEntry> entries) {
        // experiments only come and go with ACTIVE
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<CatalogEntry> entries) {
        String reason = removalReason.apply(bundle);
        LOG.info("withdrawing {} ({})", entries.stream().map(CatalogEntry::id).toList(), reason);
        try {
            registry.announceRemoving(entries, reason);
        } finally {
            registry.remove(entries);
        }
    }

    /** The reason the bundle's experiments could not be added at its last start, once; null if none. */
    String takeFailure(long bundleId) {
        return failures.remove(bundleId);
    }
}
