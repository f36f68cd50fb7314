package org.physlab.server.api;

import java.util.List;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;
import org.physlab.server.json.QueueView;

/**
 * {@code GET /api/queue}: this server's run queue, waiting runs in the order they start, each with its
 * position and why it waits, and the runs executing now.
 */
final class QueueServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    QueueServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/queue", Access.READ));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        call.allow("GET");
        call.json(QueueView.of(lab.processId(), lab.runs().queue(), lab.store().queueSnapshot()));
    }
}
