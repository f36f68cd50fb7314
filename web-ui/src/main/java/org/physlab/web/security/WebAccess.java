package org.physlab.web.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Caller;
import org.physlab.store.Role;

/**
 * Who uses the web UI, for the views: the logged-in user of the current Vaadin session (read afresh, so
 * a removed user or a changed role counts at once), or, without logins, the server's single user.
 * Views hide what the role may not do, and every action checks again here on the server.
 */
public final class WebAccess {
    private WebAccess() { }

    /** The server's authenticator (the same one the REST API uses). */
    public static Authenticator authenticator() {
        VaadinServlet servlet = VaadinServlet.getCurrent();
        if (servlet == null) throw new IllegalStateException("no Vaadin request is being handled on this thread");
        Object auth = servlet.getServletContext().getAttribute(Authenticator.CONTEXT_ATTRIBUTE);
        if (!(auth instanceof Authenticator a)) throw new IllegalStateException("the web UI was mounted without the REST API's authenticator");
        return a;
    }

    public static boolean loginsEnabled() {
        return authenticator().enabled();
    }

    /** The current user, if logged in (always present without logins). */
    public static Optional<Caller> caller() {
        VaadinSession session = VaadinSession.getCurrent();
        return caller(session == null ? null : session.getSession());
    }

    /** The user of the session of an upload or download request. */
    public static Optional<Caller> caller(VaadinRequest request) {
        return caller(request == null ? null : request.getWrappedSession(false));
    }

    private static Optional<Caller> caller(WrappedSession session) {
        HttpSession http = session instanceof WrappedHttpSession w ? w.getHttpSession() : null;
        return authenticator().sessionCaller(http);
    }

    /** Whether the current user has at least {@code role}. */
    public static boolean has(Role role) {
        return caller().map(c -> c.role().atLeast(role)).orElse(false);
    }

    /**
     * The current user if they have at least {@code role}.
     *
     * @throws SecurityException naming what was refused, for an action the role may not take
     */
    public static Caller require(Role role, String action) {
        Caller c = caller().orElseThrow(() -> new SecurityException("log in to " + action));
        if (!c.role().atLeast(role)) {
            throw new SecurityException(c.name() + " (" + c.role() + ") may not " + action + "; that needs the role " + role);
        }
        return c;
    }

    /** Adds a line to the audit log for the current user. */
    public static void audit(Caller caller, String action, String target, String detail) {
        authenticator().users().audit(caller.name(), action, target, detail);
    }
}
