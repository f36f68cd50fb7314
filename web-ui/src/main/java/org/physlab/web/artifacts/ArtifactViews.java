package org.physlab.web.artifacts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.RunStore;

/** Draws a stored artifact: line charts, scatters, heatmaps, meshes, matrices, tables, files. */
public final class ArtifactViews {
    private ArtifactViews() { }

    /**
     * The artifact drawn as a component (with a download link), or a plain message when it cannot be read.
     * TODO(run-view helper): the real renderers.
     */
    public static Component render(RunStore store, String runId, ArtifactInfo info) {
        Span s = new Span(info.title() + " (" + info.kind() + ")");
        s.getElement().setAttribute("data-artifact", info.name());
        return s;
    }
}
