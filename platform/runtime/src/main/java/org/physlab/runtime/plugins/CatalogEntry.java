package org.physlab.runtime.plugins;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;

/**
 * An experiment offered by an installed plugin.
 *
 * @param pluginId      the bundle's symbolic name
 * @param pluginVersion the bundle's version, recorded with every run
 * @param bundleId      the OSGi bundle id (changes when a plugin is reinstalled)
 */
public record CatalogEntry(ExperimentDescriptor descriptor, Experiment experiment, String pluginId,
                           String pluginVersion, long bundleId) {
    public String id() {
        return descriptor.id();
    }
}
