package org.physlab.server.json;

import java.util.List;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Reference;
import org.physlab.runtime.plugins.CatalogEntry;

/** An experiment offered by an installed plugin, with its full parameter schema. */
public record ExperimentView(String id, String title, String description, String pluginId, String pluginVersion,
                             List<Reference> references, List<ParameterView> parameters) {

    public static ExperimentView of(CatalogEntry entry) {
        ExperimentDescriptor d = entry.descriptor();
        return new ExperimentView(d.id(), d.title(), d.description(), entry.pluginId(), entry.pluginVersion(),
                d.references(), d.parameters().parameters().stream().map(ParameterView::of).toList());
    }
}
