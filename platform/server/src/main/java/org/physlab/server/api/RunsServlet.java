package org.physlab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.server.json.ArtifactView;
import org.physlab.server.json.RunView;
import org.physlab.server.metrics.MetricDownsampler;
import org.physlab.server.metrics.MetricReader;
import org.physlab.server.metrics.MetricSeries;
import org.physlab.server.metrics.MetricsExport;
import org.physlab.store.AmbiguousRunIdException;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.LogLine;
import org.physlab.store.MetricPoint;
import org.physlab.store.RunQuery;
import org.physlab.store.RunRecord;
import org.physlab.store.RunSort;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;

/**
 * {@code /api/runs}: launch, list, read, cancel and annotate runs, page their metrics and logs, and
 * download their artifacts and exports. A run may be named by its id or an unambiguous id prefix.
 */
final class RunsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_METRIC_PAGE = 10_000;
    static final int MAX_METRIC_PAGE = 100_000;
    static final int MAX_LOG_PAGE = 10_000;

    RunsServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/runs", Access.READ),
                Endpoint.post("/api/runs", Access.LAUNCH),
                Endpoint.get("/api/runs/{run}", Access.READ),
                Endpoint.delete("/api/runs/{run}", Access.OWN_RUN),
                Endpoint.post("/api/runs/{run}/cancel", Access.OWN_RUN),
                Endpoint.put("/api/runs/{run}/tags", Access.ANNOTATE),
                Endpoint.put("/api/runs/{run}/notes", Access.ANNOTATE),
                Endpoint.get("/api/runs/{run}/metrics", Access.READ),
                Endpoint.get("/api/runs/{run}/metrics/{key+}", Access.READ),
                Endpoint.get("/api/runs/{run}/logs", Access.READ),
                Endpoint.get("/api/runs/{run}/artifacts", Access.READ),
                Endpoint.get("/api/runs/{run}/artifacts/{name}", Access.READ),
                Endpoint.get("/api/runs/{run}/export", Access.READ));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        List<String> seg = call.segments();
        if (seg.isEmpty()) {
            call.allow("GET", "POST");
            if (call.method().equals("GET")) list(call);
            else launch(call);
            return;
        }
        RunRecord run = find(seg.get(0));
        String sub = seg.size() > 1 ? seg.get(1) : "";
        switch (sub) {
            case "" -> {
                call.allow("GET", "DELETE");
                if (call.method().equals("GET")) call.json(view(run));
                else delete(call, run);
            }
            case "cancel" -> {
                only(call, 2);
                call.allow("POST");
                requireMayChange(call, run, "cancel");
                cancel(call, run);
            }
            case "tags" -> {
                only(call, 2);
                call.allow("PUT");
                JsonNode body = call.jsonBody();
                JsonNode tags = body.isObject() ? body.get("tags") : body;
                if (tags == null) throw ApiException.badRequest("send the tags as [\"a\", \"b\"] or {\"tags\": [...]}");
                store().setTags(run.id(), LaunchBody.tags(tags));
                call.json(RunView.of(find(run.id())));
            }
            case "notes" -> {
                only(call, 2);
                call.allow("PUT");
                JsonNode body = call.jsonBody();
                JsonNode notes = body.isObject() ? body.get("notes") : body;
                if (notes == null) throw ApiException.badRequest("send the notes as {\"notes\": \"...\"}");
                store().setNotes(run.id(), LaunchBody.text(notes, "notes"));
                call.json(RunView.of(find(run.id())));
            }
            case "metrics" -> {
                call.allow("GET");
                if (seg.size() == 2) metricKeys(call, run);
                else metricSeries(call, run, call.rest(2));
            }
            case "logs" -> {
                only(call, 2);
                call.allow("GET");
                logs(call, run);
            }
            case "artifacts" -> {
                call.allow("GET");
                if (seg.size() == 2) call.json(store().artifacts(run.id()).stream().map(ArtifactView::of).toList());
                else if (seg.size() == 3) artifact(call, run, seg.get(2));
                else throw ApiException.notFound("no such endpoint: " + call.path());
            }
            case "export" -> {
                only(call, 2);
                call.allow("GET");
                export(call, run);
            }
            default -> throw ApiException.notFound("no such endpoint: " + call.path());
        }
    }

    private RunStore store() {
        return lab.store();
    }

    private static void only(ApiCall call, int segments) {
        if (call.segments().size() != segments) throw ApiException.notFound("no such endpoint: " + call.path());
    }

    private RunRecord find(String idOrPrefix) {
        try {
            return store().find(idOrPrefix).orElseThrow(() -> ApiException.notFound("no run '" + idOrPrefix + "'"));
        } catch (AmbiguousRunIdException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private void list(ApiCall call) throws Exception {
        RunStatus status = null;
        String s = call.query("status");
        if (s != null) {
            try {
                status = RunStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status must be one of " + List.of(RunStatus.values()) + ", got '" + s + "'");
            }
        }
        int offset = call.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = call.queryInt("limit", DEFAULT_PAGE, 1, MAX_PAGE);
        RunQuery query = new RunQuery(call.query("experiment"), status, call.query("tag"), call.query("user"),
                offset, limit);
        query = withIndexFilters(call, query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", store().count(query));
        body.put("offset", offset);
        body.put("limit", limit);
        var queue = lab.runs().queue();
        body.put("runs", store().list(query).stream().map(r -> view(r, queue)).toList());
        call.json(body);
    }

    /**
     * Adds {@code param.<name>=value} (equality, numeric when the value is a number), {@code
     * metric.<key>=min:max} (last value in range; either bound may be left out), {@code sort} and {@code q}
     * (free text over id, experiment and tags).
     */
    static RunQuery withIndexFilters(ApiCall call, RunQuery query) {
        List<String> names = java.util.Collections.list(call.request().getParameterNames()).stream().sorted().toList();
        for (String name : names) {
            String[] values = call.request().getParameterValues(name);
            if (name.startsWith("param.")) {
                String parameter = name.substring("param.".length());
                if (parameter.isBlank()) throw ApiException.badRequest("name the parameter: param.<name>=<value>");
                for (String value : values) query = query.withParameter(parameter, value.trim());
            } else if (name.startsWith("metric.")) {
                String key = name.substring("metric.".length());
                if (key.isBlank()) throw ApiException.badRequest("name the metric: metric.<key>=<min>:<max>");
                for (String value : values) {
                    double[] bounds = metricRange(name, value);
                    try {
                        query = query.withMetricRange(key, Double.isNaN(bounds[0]) ? null : bounds[0],
                                Double.isNaN(bounds[1]) ? null : bounds[1]);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.badRequest(e.getMessage());
                    }
                }
            }
        }
        String sort = call.query("sort");
        if (sort != null) {
            try {
                query = query.sortedBy(RunSort.parse(sort));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        return query.withText(call.query("q"));
    }

    /** {@code min:max}, {@code min:} or {@code :max} as two numbers, NaN for a bound left out. */
    private static double[] metricRange(String name, String value) {
        String v = value.trim();
        int colon = v.indexOf(':');
        if (colon < 0 || v.indexOf(':', colon + 1) >= 0 || v.equals(":")) {
            throw ApiException.badRequest("query parameter '" + name + "' must be <min>:<max>, <min>: or :<max>, got '"
                    + value + "'");
        }
        return new double[] {bound(name, v.substring(0, colon)), bound(name, v.substring(colon + 1))};
    }

    private static double bound(String name, String text) {
        if (text.isBlank()) return Double.NaN;
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("query parameter '" + name + "' has a bound that is not a finite number: '"
                + text.trim() + "'");
    }

    /** The run with its position if it waits in this server's queue. */
    private RunView view(RunRecord run) {
        return view(run, run.status() == org.physlab.store.RunStatus.QUEUED ? lab.runs().queue() : null);
    }

    private static RunView view(RunRecord run, org.physlab.runtime.runs.RunScheduler.QueueState queue) {
        if (queue == null || run.status() != org.physlab.store.RunStatus.QUEUED) return RunView.of(run);
        var position = queue.positionOf(run.id());
        return RunView.of(run, position.isPresent() ? position.getAsInt() : null);
    }

    /** 403 unless the caller owns the run (a member) or is an admin. */
    private static void requireMayChange(ApiCall call, RunRecord run, String what) {
        if (!call.caller().mayChangeRunOf(run.user())) {
            throw new ApiException(403, call.caller().name() + " may not " + what + " run " + run.id() + " of "
                    + run.user() + ": members " + what + " their own runs, admins any");
        }
    }

    private void delete(ApiCall call, RunRecord run) throws Exception {
        requireMayChange(call, run, "delete");
        try {
            if (!store().delete(run.id())) throw ApiException.notFound("no run '" + run.id() + "'");
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (!call.caller().name().equals(run.user())) {
            audit(call, "run.delete", run.id(), "a run of " + run.user() + " (" + run.experimentId() + ")");
        }
        call.noContent();
    }

    private void launch(ApiCall call) throws Exception {
        // With logins the owner is whoever is logged in; without, the body may name one (fair share).
        boolean loggedIn = call.caller().authenticated();
        LaunchRequest request = LaunchBody.parse(call.jsonBody(), loggedIn ? call.caller().name() : lab.config().user());
        if (loggedIn && !request.user().equals(call.caller().name())) {
            throw new ApiException(403, "runs are owned by the logged-in user (" + call.caller().name()
                    + "); leave 'user' out of the launch");
        }
        RunRecord run = lab.runs().submit(request);
        call.response().setHeader("Location", "/api/runs/" + run.id());
        call.json(201, view(run));
    }

    private void cancel(ApiCall call, RunRecord run) throws Exception {
        if (run.status().terminal()) {
            throw ApiException.conflict("run " + run.id() + " has already ended (" + run.status() + ")");
        }
        if (!lab.runs().cancel(run.id(), "cancelled through the REST API by " + call.caller().name())) {
            RunRecord now = find(run.id());
            if (now.status().terminal()) {
                throw ApiException.conflict("run " + run.id() + " has already ended (" + now.status() + ")");
            }
            throw ApiException.conflict("run " + run.id() + " is executed by another process (" + now.processId()
                    + " on " + now.host() + "); cancel it there");
        }
        if (!call.caller().name().equals(run.user())) {
            audit(call, "run.cancel", run.id(), "a run of " + run.user() + " (" + run.experimentId() + ")");
        }
        call.json(202, RunView.of(find(run.id())));
    }

    private void metricKeys(ApiCall call, RunRecord run) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", run.id());
        body.put("keys", store().metricKeys(run.id()));
        body.put("stats", store().metricStats(run.id()));
        call.json(body);
    }

    private void metricSeries(ApiCall call, RunRecord run, String key) throws Exception {
        List<String> keys = store().metricKeys(run.id());
        if (!keys.contains(key)) {
            throw ApiException.notFound("run " + run.id() + " has no metric '" + key + "'"
                    + (keys.isEmpty() ? "" : "; it has: " + String.join(", ", keys)));
        }
        long after = call.queryLong("after", Long.MIN_VALUE);
        String maxPoints = call.query("maxPoints");
        if (maxPoints != null) {
            int max = call.queryInt("maxPoints", 0, 2, MAX_METRIC_PAGE);
            List<MetricPoint> all = MetricReader.readAll(store(), run.id(), key, after);
            List<MetricPoint> thin = MetricDownsampler.downsample(all, max);
            call.json(MetricSeries.of(run.id(), key, thin, thin.size() < all.size(), false));
            return;
        }
        int limit = call.queryInt("limit", DEFAULT_METRIC_PAGE, 1, MAX_METRIC_PAGE);
        List<MetricPoint> page = store().metrics(run.id(), key, after, limit + 1);
        boolean more = page.size() > limit;
        call.json(MetricSeries.of(run.id(), key, more ? page.subList(0, limit) : page, false, more));
    }

    private void logs(ApiCall call, RunRecord run) throws Exception {
        long after = call.queryLong("after", Long.MIN_VALUE);
        int limit = call.queryInt("limit", 1000, 1, MAX_LOG_PAGE);
        List<LogLine> lines = store().logs(run.id(), after, limit + 1);
        boolean more = lines.size() > limit;
        if (more) lines = lines.subList(0, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", run.id());
        body.put("lines", lines);
        body.put("nextAfter", lines.isEmpty() ? null : lines.get(lines.size() - 1).seq());
        body.put("hasMore", more);
        call.json(body);
    }

    private void artifact(ApiCall call, RunRecord run, String name) throws Exception {
        ArtifactInfo info = store().artifacts(run.id()).stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("run " + run.id() + " has no artifact '" + name + "'"));
        byte[] data = store().artifactData(run.id(), name)
                .orElseThrow(() -> ApiException.notFound("run " + run.id() + " has no artifact '" + name + "'"));
        boolean file = "file".equals(info.kind());
        String fileName = file ? info.fileName() : info.name() + ".json";
        var resp = call.response();
        resp.setStatus(200);
        resp.setContentType(info.mediaType());
        resp.setContentLengthLong(data.length);
        if (file || call.queryFlag("download")) {
            resp.setHeader("Content-Disposition", ContentDisposition.attachment(fileName));
        }
        try (OutputStream out = resp.getOutputStream()) {
            out.write(data);
        }
    }

    private void export(ApiCall call, RunRecord run) throws Exception {
        MetricsExport.Format format;
        try {
            format = MetricsExport.Format.parse(call.query("format") == null ? "csv" : call.query("format"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        var resp = call.response();
        resp.setStatus(200);
        resp.setContentType(format.mediaType());
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Content-Disposition", ContentDisposition.attachment(format.fileName(run.id())));
        try (OutputStream out = resp.getOutputStream()) {
            MetricsExport.write(format, store(), run, out);
        }
    }
}
