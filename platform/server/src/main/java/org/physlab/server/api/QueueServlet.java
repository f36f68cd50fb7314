package org.physlab.server.api;

import org.physlab.runtime.Physlab;
import org.physlab.server.json.QueueView;

/**
 * {@code GET /api/queue}: this server's run queue, waiting runs in the order they start, each with its
 * position and why it waits, and the runs executing now.
 */
final class QueueServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    QueueServlet(Physlab lab) {
        super(lab);
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        call.allow("GET");
        call.json(QueueView.of(lab.processId(), lab.runs().queue(), lab.store().queueSnapshot()));
    }
}
