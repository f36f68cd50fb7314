package org.physlab.server.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.physlab.api.InvalidParametersException;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.runs.UnknownExperimentException;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Caller;
import org.physlab.server.auth.Endpoint;
import org.physlab.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the API's servlets: every method goes to {@link #handle}, and every failure becomes a JSON
 * error with a fitting status, so neither a bad request nor a misbehaving plugin breaks the server.
 *
 * <p>Each servlet declares its {@link #endpoints()} with the {@link Access} each needs. A request reaches
 * {@link #handle} only if it matches a declared endpoint and its caller may call it: 401 without a valid
 * login or token, 403 for a role that falls short, 404 for a path no endpoint has, 405 for a method it lacks.
 * So an endpoint cannot be added without saying who may call it.
 */
abstract class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    protected final transient Physlab lab;
    protected final transient Authenticator auth;

    ApiServlet(Physlab lab, Authenticator auth) {
        this.lab = lab;
        this.auth = auth;
    }

    /** Every endpoint this servlet serves, with who may call it. */
    abstract List<Endpoint> endpoints();

    protected abstract void handle(ApiCall call) throws Exception;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ApiCall call = new ApiCall(req, resp);
        try {
            call.caller(authorize(call));
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

    /**
     * The caller, if the request matches a declared endpoint and the caller may call it.
     *
     * @throws ApiException 401, 403, 404 or 405
     */
    private Caller authorize(ApiCall call) {
        List<String> path = call.fullSegments();
        List<Endpoint> onPath = endpoints().stream().filter(e -> e.matchesPath(path)).toList();
        Endpoint endpoint = onPath.stream().filter(e -> e.method().equals(call.method())).findFirst().orElse(null);
        if (endpoint != null && endpoint.access() == Access.PUBLIC) {
            return auth.authenticate(call.request()).caller().orElse(null);
        }
        Authenticator.Authentication authentication = auth.authenticate(call.request());
        Optional<Caller> caller = authentication.caller();
        if (caller.isEmpty()) {
            call.response().setHeader("WWW-Authenticate", "Bearer realm=\"physlab\"");
            throw new ApiException(401, authentication.badToken()
                    ? "the API token is unknown or revoked"
                    : "log in first: send an API token as 'Authorization: Bearer TOKEN' (physlab tokens create)");
        }
        if (onPath.isEmpty()) throw ApiException.notFound("no such endpoint: " + call.path());
        if (endpoint == null) {
            List<String> allowed = new ArrayList<>();
            onPath.forEach(e -> allowed.add(e.method()));
            throw new MethodNotAllowedException(call.method(), call.path(), allowed);
        }
        Caller who = caller.get();
        if (authentication.via() == Authenticator.Via.SESSION && !call.method().equals("GET")
                && auth.enabled()) {
            throw new ApiException(403, "a browser session may only read through the REST API; send an API token "
                    + "('Authorization: Bearer TOKEN') to " + call.method() + " " + call.path());
        }
        if (!endpoint.access().allows(who.role())) {
            throw new ApiException(403, endpoint + " needs the role " + endpoint.access().leastRole()
                    + " or higher; " + who.name() + " is " + who.role());
        }
        return who;
    }

    /** Adds a line to the audit log for {@code call}'s caller. */
    protected void audit(ApiCall call, String action, String target, String detail) {
        try {
            auth.users().audit(call.caller().name(), action, target, detail);
        } catch (UnsupportedOperationException noUsers) {
            LOG.info("audit: {} {} {} {}", call.caller().name(), action, target, detail);
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
