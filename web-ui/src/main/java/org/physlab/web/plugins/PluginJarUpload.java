package org.physlab.web.plugins;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.physlab.runtime.plugins.PluginHost;
import org.physlab.runtime.plugins.PluginInfo;
import org.physlab.server.auth.Caller;
import org.physlab.web.security.WebAccess;

/**
 * Receives a plugin jar from the {@code plugin-upload} Upload: streams it into a temporary file (at
 * most {@link #MAX_BYTES}, as the REST API's {@code POST /api/plugins}), deploys it with
 * {@link PluginHost#deploy} (it lands in the plugins folder and hot-loads) and reports back inside
 * {@code ui.access}: the plugin's state, or why nothing was deployed.
 */
final class PluginJarUpload implements UploadHandler {
    private static final long serialVersionUID = 1L;
    /** Largest jar accepted: the same as {@code PluginsServlet.MAX_UPLOAD_BYTES} of the REST API. */
    static final long MAX_BYTES = 512L * 1024 * 1024;
    /** The file names the REST API accepts (PluginHost.deploy checks again). */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.jar");

    /** What the page hears: the deployed plugin's state, or (null, the reason nothing was deployed). */
    interface Outcome extends BiConsumer<PluginInfo, String>, java.io.Serializable { }

    private final transient PluginHost host;
    private final Outcome outcome;

    PluginJarUpload(PluginHost host, Outcome outcome) {
        this.host = host;
        this.outcome = outcome;
    }

    @Override
    public long getFileSizeMax() {
        return MAX_BYTES;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        String fileName = event.getFileName() == null ? "" : Path.of(event.getFileName()).getFileName().toString();
        PluginInfo info = null;
        String problem = null;
        // Plugin jars are code: only admins install them, whatever the page showed.
        Caller caller = WebAccess.caller(event.getRequest()).orElse(null);
        if (caller == null || !caller.isAdmin()) {
            problem = "only admins install plugins" + (caller == null ? "" : "; " + caller.name() + " is " + caller.role());
        } else if (!FILE_NAME.matcher(fileName).matches()) {
            problem = "'" + fileName + "' is not a plugin jar name: letters, digits, '.', '_' or '-' ending in .jar";
        } else {
            Path tmp = Files.createTempFile("physlab-upload-", ".jar");
            try {
                long size = copy(event.getInputStream(), tmp);
                if (size < 0) {
                    problem = fileName + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB";
                } else if (size == 0) {
                    problem = fileName + " is empty";
                } else {
                    info = host.deploy(tmp, fileName);
                    WebAccess.audit(caller, "plugin.install", info.id(), fileName + " (" + size + " bytes), " + info.state()
                            + ", in the web UI");
                }
            } catch (RuntimeException e) {
                problem = "deploying " + fileName + " failed: " + e.getMessage();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        PluginInfo deployed = info;
        String failure = problem;
        ui.access(() -> outcome.accept(deployed, failure));
    }

    /** Copies at most {@link #MAX_BYTES}; returns the size, or -1 when the jar is larger. */
    private static long copy(InputStream in, Path target) throws IOException {
        long size = 0;
        try (in; OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                size += n;
                if (size > MAX_BYTES) return -1;
                out.write(buf, 0, n);
            }
        }
        return size;
    }
}
