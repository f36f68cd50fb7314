package org.physlab.runtime.plugins;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Embeds Apache Felix, watches the plugin folders and keeps the {@link ExperimentCatalog} current:
 * a jar dropped in is installed and started, a replaced jar updated, a deleted jar uninstalled.
 * A broken jar is reported in {@link #plugins()} (state FAILED, with the reason) and never stops the host.
 */
public final class PluginHost implements ExperimentCatalog, AutoCloseable {

    /**
     * @param pluginDirs   folders to watch (created if missing)
     * @param cacheDir     Felix's bundle cache (wiped at start)
     * @param pollInterval how often the folders are scanned
     */
    public PluginHost(List<Path> pluginDirs, Path cacheDir, Duration pollInterval) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Starts Felix, installs the jars already in the folders, and starts watching. */
    public void start() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every plugin jar known, working or failed, sorted by id. */
    public List<PluginInfo> plugins() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Scans the folders now and applies what changed (the watcher does this every poll interval). */
    public void rescan() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Copies a jar into the first plugin folder under {@code fileName} (replacing one of that name) and
     * scans at once; returns the plugin's state afterwards.
     */
    public PluginInfo deploy(Path jar, String fileName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Deletes the plugin's jar and uninstalls it; false if no such plugin. */
    public boolean remove(String pluginId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<CatalogEntry> experiments() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Optional<CatalogEntry> find(String experimentId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void addListener(CatalogListener listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void removeListener(CatalogListener listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops the watcher and Felix (listeners hear experimentsRemoving first). */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
