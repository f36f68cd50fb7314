package org.physlab.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physlab.cli.format.TextTable;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.plugins.PluginInfo;
import org.physlab.server.json.Json;
import org.physlab.server.json.PluginView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code physlab plugins}: the installed plugins with their state, and why failed ones failed. */
@Command(name = "plugins", description = "List the installed plugins (id, version, state) and the errors of failed ones.")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Option(names = "--json", description = "Print the plugins as a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        Io io = physlab.io();
        try (Physlab lab = physlab.startLab(Map.of())) {
            List<PluginInfo> plugins = lab.plugins().plugins();
            if (json) {
                io.out().println(Json.pretty(plugins.stream().map(PluginView::of).toList()));
                return ExitCodes.OK;
            }
            if (plugins.isEmpty()) {
                io.out().println("No plugins installed. Drop plugin jars into "
                        + String.join(" or ", lab.config().pluginDirs().stream().map(Object::toString).toList()));
                return ExitCodes.OK;
            }
            io.out().print(render(plugins));
        }
        return ExitCodes.OK;
    }

    /** The table of plugins, then one line per failed plugin with its error. */
    static String render(List<PluginInfo> plugins) {
        TextTable t = new TextTable("ID", "VERSION", "STATE", "EXPERIMENTS");
        for (PluginInfo p : plugins) t.row(p.id(), p.version(), p.state(), String.join(", ", p.experimentIds()));
        StringBuilder b = new StringBuilder(t.render());
        List<PluginInfo> failed = plugins.stream().filter(p -> "FAILED".equals(p.state())).toList();
        if (!failed.isEmpty()) {
            b.append("\nFailed plugins:\n");
            for (PluginInfo p : failed) {
                b.append("  ").append(p.id()).append(p.file() == null ? "" : " (" + p.file() + ")").append(": ")
                        .append(p.error()).append('\n');
            }
        }
        return b.toString();
    }
}
