package org.physlab.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.plugins.PluginInfo;

/**
 * A plain HTML page at {@code /}: the installed experiments and plugins, with links into the API.
 * A stand-in until the web UI takes over {@code /*}.
 */
final class IndexServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Physlab lab;

    IndexServlet(Physlab lab) {
        this.lab = lab;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        PrintWriter w = resp.getWriter();
        w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Physlab</title>");
        w.println("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                + "td,th{padding:.2em .8em;text-align:left}code{background:#f3f3f3}</style></head><body>");
        w.println("<h1>Physlab " + esc(PhyslabVersion.get()) + "</h1>");
        w.println("<p>Run, record and compare machine-learning experiments from physics and mathematics. "
                + "REST API: <a href=\"api/openapi.yaml\">OpenAPI description</a>, "
                + "<a href=\"api/experiments\">experiments</a>, <a href=\"api/runs\">runs</a>, "
                + "<a href=\"api/plugins\">plugins</a>, <a href=\"api/backend\">backend</a>.</p>");
        w.println("<h2>Experiments</h2>");
        var experiments = lab.plugins().experiments();
        if (experiments.isEmpty()) {
            w.println("<p>No experiment is installed. Drop plugin jars into <code>"
                    + esc(lab.config().homePluginDir().toString()) + "</code>.</p>");
        } else {
            w.println("<table><tr><th>Experiment</th><th>Title</th><th>Plugin</th></tr>");
            for (CatalogEntry e : experiments) {
                w.println("<tr><td><a href=\"api/experiments/" + esc(e.id()) + "\"><code>" + esc(e.id())
                        + "</code></a></td><td>" + esc(e.descriptor().title()) + "</td><td>" + esc(e.pluginId())
                        + " " + esc(e.pluginVersion()) + "</td></tr>");
            }
            w.println("</table>");
        }
        var failed = lab.plugins().plugins().stream().filter(p -> "FAILED".equals(p.state())).toList();
        if (!failed.isEmpty()) {
            w.println("<h2>Failed plugins</h2><ul>");
            for (PluginInfo p : failed) w.println("<li><code>" + esc(p.id()) + "</code>: " + esc(p.error()) + "</li>");
            w.println("</ul>");
        }
        w.println("</body></html>");
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
