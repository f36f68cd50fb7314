package org.physlab.server.api;

import java.util.List;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;

/** {@code GET /api/audit?limit=N} (admins): the newest lines of the audit log, newest first. */
final class AuditServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    AuditServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/audit", Access.ADMIN));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        call.json(auth.users().auditLog(call.queryInt("limit", 100, 1, 10_000)));
    }
}
