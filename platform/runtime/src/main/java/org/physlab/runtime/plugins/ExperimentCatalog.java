package org.physlab.runtime.plugins;

import java.util.List;
import java.util.Optional;

/** Every experiment of every started plugin, kept current as plugins come and go. */
public interface ExperimentCatalog {

    /** A snapshot, sorted by experiment id. */
    List<CatalogEntry> experiments();

    Optional<CatalogEntry> find(String experimentId);

    void addListener(CatalogListener listener);

    void removeListener(CatalogListener listener);
}
