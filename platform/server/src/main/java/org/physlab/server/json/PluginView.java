package org.physlab.server.json;

import java.time.Instant;
import java.util.List;
import org.physlab.runtime.plugins.PluginInfo;

/**
 * A plugin jar as clients see it.
 *
 * @param state ACTIVE, INSTALLED, RESOLVED or FAILED
 * @param file  the jar's path on the server
 * @param error why a FAILED plugin failed, else null
 */
public record PluginView(String id, String version, String name, String state, String file, String error,
                         List<String> experiments, long bundleId, Instant changedAt) {

    public static PluginView of(PluginInfo p) {
        return new PluginView(p.id(), p.version(), p.name(), p.state(), p.file() == null ? null : p.file().toString(),
                p.error(), p.experimentIds(), p.bundleId(), p.changedAt());
    }
}
