package org.physlab.server.api;

import org.physlab.runtime.Physlab;

/** {@code GET /api/backend}: what the compute service runs on (backend, devices, BLAS, threads). */
final class BackendServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    BackendServlet(Physlab lab) {
        super(lab);
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        call.allow("GET");
        call.json(lab.compute().backend());
    }
}
