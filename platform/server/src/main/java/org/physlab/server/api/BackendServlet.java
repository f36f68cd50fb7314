package org.physlab.server.api;

import java.util.List;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;

/** {@code GET /api/backend}: what the compute service runs on (backend, devices, BLAS, threads). */
final class BackendServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    BackendServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/backend", Access.READ));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        call.allow("GET");
        call.json(lab.compute().backend());
    }
}
