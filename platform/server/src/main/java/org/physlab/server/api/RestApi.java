package org.physlab.server.api;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.physlab.runtime.Physlab;

/**
 * The REST API: mounts its servlets under {@code /api} of a servlet context, leaving every other path
 * (in particular {@code /*}, where the web UI goes) to others. Endpoints are described in
 * {@code docs/openapi.yaml}, served at {@code /api/openapi.yaml}.
 */
public final class RestApi {
    private RestApi() { }

    /** Adds the API's servlets to {@code context}, serving {@code lab}. */
    public static void mount(ServletContextHandler context, Physlab lab) {
        add(context, new NotFoundServlet(lab), "/api/*");
        add(context, new HealthServlet(lab), "/api/health");
        add(context, new BackendServlet(lab), "/api/backend");
        add(context, new OpenApiServlet(lab), "/api/openapi.yaml");
        add(context, new PluginsServlet(lab), "/api/plugins/*");
        add(context, new ExperimentsServlet(lab), "/api/experiments/*");
        add(context, new RunsServlet(lab), "/api/runs/*");
        add(context, new QueueServlet(lab), "/api/queue");
    }

    private static void add(ServletContextHandler context, ApiServlet servlet, String pathSpec) {
        ServletHolder holder = new ServletHolder(servlet.getClass().getSimpleName(), servlet);
        context.addServlet(holder, pathSpec);
    }
}
