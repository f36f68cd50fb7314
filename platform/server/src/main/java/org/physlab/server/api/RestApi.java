package org.physlab.server.api;

import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;

/**
 * The REST API: mounts its servlets under {@code /api} of a servlet context, leaving every other path
 * (in particular {@code /*}, where the web UI goes) to others. Endpoints are described in
 * {@code docs/openapi.yaml}, served at {@code /api/openapi.yaml}; each declares who may call it
 * ({@link Endpoint}), and {@link #endpoints(ServletContextHandler)} lists them from the routing.
 */
public final class RestApi {
    private RestApi() { }

    /**
     * Adds the API's servlets to {@code context}, serving {@code lab}, and the server's {@link Authenticator}
     * as the context attribute {@link Authenticator#CONTEXT_ATTRIBUTE} (the web UI logs in through it).
     */
    public static void mount(ServletContextHandler context, Physlab lab) {
        Authenticator auth = new Authenticator(lab);
        context.setAttribute(Authenticator.CONTEXT_ATTRIBUTE, auth);
        add(context, new NotFoundServlet(lab, auth), "/api/*");
        add(context, new HealthServlet(lab, auth), "/api/health");
        add(context, new BackendServlet(lab, auth), "/api/backend");
        add(context, new OpenApiServlet(lab, auth), "/api/openapi.yaml");
        add(context, new PluginsServlet(lab, auth), "/api/plugins/*");
        add(context, new ExperimentsServlet(lab, auth), "/api/experiments/*");
        add(context, new RunsServlet(lab, auth), "/api/runs/*");
        add(context, new QueueServlet(lab, auth), "/api/queue");
        add(context, new SessionServlet(lab, auth), "/api/session");
        add(context, new UsersServlet(lab, auth), "/api/users/*");
        add(context, new TokensServlet(lab, auth), "/api/tokens/*");
        add(context, new AuditServlet(lab, auth), "/api/audit");
    }

    private static void add(ServletContextHandler context, ApiServlet servlet, String pathSpec) {
        ServletHolder holder = new ServletHolder(servlet.getClass().getSimpleName(), servlet);
        context.addServlet(holder, pathSpec);
    }

    /**
     * Every endpoint served under {@code /api} of {@code context}, read from its servlets.
     *
     * @throws IllegalStateException if a servlet mapped under {@code /api} is not one of the API's (it would
     *         escape the access rules)
     */
    public static List<Endpoint> endpoints(ServletContextHandler context) {
        List<Endpoint> all = new ArrayList<>();
        var handler = context.getServletHandler();
        for (var mapping : handler.getServletMappings()) {
            boolean underApi = false;
            for (String spec : mapping.getPathSpecs()) underApi |= spec.equals("/api") || spec.startsWith("/api/");
            if (!underApi) continue;
            Servlet servlet;
            try {
                servlet = handler.getServlet(mapping.getServletName()).getServlet();
            } catch (jakarta.servlet.ServletException e) {
                throw new IllegalStateException(e);
            }
            if (!(servlet instanceof ApiServlet api)) {
                throw new IllegalStateException(mapping.getServletName() + " is mapped to " + List.of(mapping.getPathSpecs())
                        + " but is not an API servlet, so no access rule applies to it");
            }
            all.addAll(api.endpoints());
        }
        return all;
    }
}
