package org.physlab.server.api;

import org.physlab.runtime.Physlab;

/** Everything under {@code /api} that no endpoint claims: a JSON 404 rather than an HTML page. */
final class NotFoundServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    NotFoundServlet(Physlab lab) {
        super(lab);
    }

    @Override
    protected void handle(ApiCall call) {
        throw ApiException.notFound("no such endpoint: " + call.method() + " " + call.path()
                + " (the API is described at /api/openapi.yaml)");
    }
}
