package org.physlab.server.api;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;
import org.physlab.runtime.plugins.PluginInfo;
import org.physlab.server.PhyslabVersion;

/** {@code GET /api/health}: whether the server is up, and counts of plugins, experiments and active runs. */
final class HealthServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    HealthServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/health", Access.READ));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        call.allow("GET");
        var plugins = lab.plugins().plugins();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", PhyslabVersion.get());
        body.put("processId", lab.processId());
        body.put("plugins", plugins.size());
        body.put("failedPlugins", plugins.stream().filter(p -> "FAILED".equals(p.state())).map(PluginInfo::id).toList());
        body.put("experiments", lab.plugins().experiments().size());
        body.put("activeRuns", lab.runs().activeRunIds().size());
        call.json(body);
    }
}
