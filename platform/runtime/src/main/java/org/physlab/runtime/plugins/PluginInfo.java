package org.physlab.runtime.plugins;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A plugin jar the host knows about, working or not.
 *
 * @param bundleId      OSGi bundle id, or -1 if the jar could not even be installed
 * @param id            bundle symbolic name, or the file name for a jar that is not a bundle
 * @param version       bundle version, or "" if unknown
 * @param state         ACTIVE (experiments available), INSTALLED/RESOLVED (not started), or FAILED
 * @param file          the jar in the plugins folder
 * @param error         why the plugin failed (not a bundle, unresolved import, activator threw,
 *                      experiment class broken, duplicate experiment id), or null
 * @param experimentIds the experiments it contributes
 */
public record PluginInfo(long bundleId, String id, String version, String name, String state, Path file,
                         String error, List<String> experimentIds, Instant changedAt) {
    public PluginInfo {
        experimentIds = List.copyOf(experimentIds == null ? List.of() : experimentIds);
    }
}
