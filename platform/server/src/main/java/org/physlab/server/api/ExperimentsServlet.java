package org.physlab.server.api;

import java.util.List;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.server.json.ExperimentView;

/** {@code GET /api/experiments} and {@code GET /api/experiments/{id}}: experiments with their parameter schemas. */
final class ExperimentsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    ExperimentsServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/experiments", Access.READ),
                Endpoint.get("/api/experiments/{experiment}", Access.READ));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        call.allow("GET");
        List<String> seg = call.segments();
        if (seg.isEmpty()) {
            call.json(lab.plugins().experiments().stream().map(ExperimentView::of).toList());
        } else if (seg.size() == 1) {
            String id = seg.get(0);
            CatalogEntry entry = lab.plugins().find(id).orElseThrow(() -> ApiException.notFound(
                    "unknown experiment '" + id + "'; installed: " + String.join(", ",
                            lab.plugins().experiments().stream().map(CatalogEntry::id).toList())));
            call.json(ExperimentView.of(entry));
        } else {
            throw ApiException.notFound("no such endpoint: " + call.path());
        }
    }
}
