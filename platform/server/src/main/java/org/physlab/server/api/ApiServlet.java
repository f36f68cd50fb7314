package org.physlab.server.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.physlab.api.InvalidParametersException;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.runs.UnknownExperimentException;
import org.physlab.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the API's servlets: every method goes to {@link #handle}, and every failure becomes a JSON
 * error with a fitting status, so neither a bad request nor a misbehaving plugin breaks the server.
 */
abstract class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    protected final transient Physlab lab;

    ApiServlet(Physlab lab) {
        this.lab = lab;
    }

    protected abstract void handle(ApiCall call) throws Exception;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ApiCall call = new ApiCall(req, resp);
        try {
            handle(call);
        } catch (MethodNotAllowedException e) {
            resp.setHeader("Allow", String.join(", ", e.allowed()));
            fail(call, e.status(), ErrorBody.of(e.getMessage()));
        } catch (ApiException e) {
            fail(call, e.status(), ErrorBody.of(e.getMessage()));
        } catch (InvalidParametersException e) {
            fail(call, 400, new ErrorBody("invalid parameters: " + e.getMessage(), e.errors()));
        } catch (UnknownExperimentException e) {
            fail(call, 404, ErrorBody.of(e.getMessage()));
        } catch (StoreException e) {
            LOG.warn("{} {}: run store failed", req.getMethod(), req.getRequestURI(), e);
            fail(call, 503, ErrorBody.of("the run store failed: " + e.getMessage()));
        } catch (Exception | LinkageError e) {
            // A plugin class gone with its bundle, a bug: answer 500 and keep serving.
            LOG.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            fail(call, 500, ErrorBody.of("internal error: " + e));
        }
    }

    private static void fail(ApiCall call, int status, ErrorBody body) throws IOException {
        HttpServletResponse resp = call.response();
        if (resp.isCommitted()) {
            LOG.warn("{} {}: failed after the answer began: {}", call.method(), call.path(), body.error());
            return;
        }
        resp.resetBuffer();
        resp.setHeader("Content-Disposition", null);
        if (!discardUnreadBody(call.request())) resp.setHeader("Connection", "close");
        call.json(status, body);
    }

    /**
     * Reads and drops what the client sent but the handler never read (a jar upload rejected for its
     * name, say), up to {@link ApiCall#MAX_JSON_BYTES}. Answering while the client still sends makes the
     * server close the connection under it, and the client then sees a reset instead of the error.
     *
     * @return false if more remains (or the body was read as text), so the connection must close
     */
    private static boolean discardUnreadBody(HttpServletRequest req) {
        byte[] sink = new byte[64 * 1024];
        long left = ApiCall.MAX_JSON_BYTES;
        try {
            var in = req.getInputStream();
            for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) left -= n;
            return left > 0;
        } catch (IllegalStateException | IOException e) {
            return false;
        }
    }
}
