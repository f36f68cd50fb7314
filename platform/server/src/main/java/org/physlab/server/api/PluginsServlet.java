package org.physlab.server.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;
import org.physlab.runtime.plugins.PluginInfo;
import org.physlab.server.json.PluginView;

/**
 * {@code /api/plugins}: list plugins (FAILED ones with their error), upload a jar
 * ({@code POST /api/plugins?fileName=NAME.jar}, the jar as the body) and remove one
 * ({@code DELETE /api/plugins/{id}}).
 */
final class PluginsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    /** Largest jar accepted. */
    static final long MAX_UPLOAD_BYTES = 512L * 1024 * 1024;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.jar");

    PluginsServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/plugins", Access.READ),
                Endpoint.post("/api/plugins", Access.ADMIN),
                Endpoint.get("/api/plugins/{plugin}", Access.READ),
                Endpoint.delete("/api/plugins/{plugin}", Access.ADMIN));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        List<String> seg = call.segments();
        if (seg.isEmpty()) {
            call.allow("GET", "POST");
            if (call.method().equals("GET")) {
                call.json(lab.plugins().plugins().stream().map(PluginView::of).toList());
            } else {
                upload(call);
            }
        } else if (seg.size() == 1) {
            call.allow("GET", "DELETE");
            String id = seg.get(0);
            if (call.method().equals("GET")) {
                call.json(PluginView.of(find(id)));
            } else {
                if (!lab.plugins().remove(id)) throw unknown(id);
                audit(call, "plugin.remove", id, null);
                call.noContent();
            }
        } else {
            throw ApiException.notFound("no such endpoint: " + call.path());
        }
    }

    private PluginInfo find(String id) {
        return lab.plugins().plugins().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> unknown(id));
    }

    private ApiException unknown(String id) {
        return ApiException.notFound("no plugin '" + id + "'; installed: "
                + String.join(", ", lab.plugins().plugins().stream().map(PluginInfo::id).toList()));
    }

    private void upload(ApiCall call) throws Exception {
        String fileName = call.query("fileName");
        if (fileName == null) {
            throw ApiException.badRequest("give the jar's file name: POST /api/plugins?fileName=NAME.jar");
        }
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw ApiException.badRequest("fileName must be letters, digits, '.', '_' or '-' ending in .jar, got '"
                    + fileName + "'");
        }
        Path tmp = Files.createTempFile("physlab-upload-", ".jar");
        try {
            long size = 0;
            try (InputStream in = call.request().getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    size += n;
                    if (size > MAX_UPLOAD_BYTES) {
                        throw new ApiException(413, "the jar is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB");
                    }
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) throw ApiException.badRequest("the request body is empty; send the jar as the body");
            PluginInfo info = lab.plugins().deploy(tmp, fileName);
            audit(call, "plugin.install", info.id(), fileName + " (" + size + " bytes), " + info.state()
                    + (info.error() == null ? "" : ": " + info.error()));
            if ("FAILED".equals(info.state())) {
                call.json(422, Map.of("error", "plugin " + info.id() + " failed: " + info.error(),
                        "plugin", PluginView.of(info)));
            } else {
                call.response().setHeader("Location", "/api/plugins/" + info.id());
                call.json(201, PluginView.of(info));
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
