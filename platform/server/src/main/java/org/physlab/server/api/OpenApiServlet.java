package org.physlab.server.api;

import java.util.List;
import java.io.InputStream;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;

/** {@code GET /api/openapi.yaml}: the OpenAPI 3 description of this API (docs/openapi.yaml, packed into the jar). */
final class OpenApiServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    static final String RESOURCE = "/org/physlab/server/openapi.yaml";

    OpenApiServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/openapi.yaml", Access.READ));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        call.allow("GET");
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw ApiException.notFound("this build carries no OpenAPI description");
            byte[] yaml = in.readAllBytes();
            call.response().setContentType("application/yaml");
            call.response().setCharacterEncoding("UTF-8");
            call.response().getOutputStream().write(yaml);
        }
    }
}
