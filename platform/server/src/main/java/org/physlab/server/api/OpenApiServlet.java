package org.physlab.server.api;

import java.io.InputStream;
import org.physlab.runtime.Physlab;

/** {@code GET /api/openapi.yaml}: the OpenAPI 3 description of this API (docs/openapi.yaml, packed into the jar). */
final class OpenApiServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    static final String RESOURCE = "/org/physlab/server/openapi.yaml";

    OpenApiServlet(Physlab lab) {
        super(lab);
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
