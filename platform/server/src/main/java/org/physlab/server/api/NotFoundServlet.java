package org.physlab.server.api;

import java.util.List;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;

/** Everything under {@code /api} that no endpoint claims: a JSON 404 rather than an HTML page. */
final class NotFoundServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    NotFoundServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of();
    }

    @Override
    protected void handle(ApiCall call) {
        throw ApiException.notFound("no such endpoint: " + call.method() + " " + call.path()
                + " (the API is described at /api/openapi.yaml)");
    }
}
