package org.physlab.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.plugins.PluginInfo;
import org.physlab.server.PhyslabVersion;

/** {@code GET /api/health}: whether the server is up, and counts of plugins, experiments and active runs. */
final class HealthServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    HealthServlet(Physlab lab) {
        super(lab);
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
