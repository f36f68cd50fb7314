package org.physlab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;
import org.physlab.server.PhyslabVersion;
import org.physlab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code physlab}: the top command. It owns the options every subcommand accepts ({@code --home},
 * {@code --verbose}) and opens what the subcommands need: the whole platform, or only the run store
 * for commands that read history.
 */
@Command(name = "physlab", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = PhyslabCommand.Version.class,
        description = "Run, record and compare machine-learning experiments from physics and mathematics.",
        subcommands = {PluginsCommand.class, DescribeCommand.class, RunCommand.class, RunsCommand.class,
                ShowCommand.class, CompareCommand.class, ExportCommand.class, ServeCommand.class, QueueCommand.class,
                BackupCommand.class, RestoreCommand.class, UsersCommand.class, TokensCommand.class},
        usageHelpAutoWidth = true,
        footer = {"", "Exit codes: 0 success; 1 run failed, cancelled or interrupted (or another failure);",
                "2 invalid parameters or usage (nothing stored); 3 unknown experiment or run."})
public final class PhyslabCommand implements Runnable {

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The data directory (database, artifacts, plugins, conf). "
                    + "Default: $PHYSLAB_HOME, else ~/physlab-home.")
    Path home;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log at INFO level (on stderr).")
    boolean verbose;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "The run store's database: jdbc:h2:… or jdbc:postgresql://HOST:PORT/DB "
                    + "(default: physlab.db.url, $PHYSLAB_DB_URL, else H2 in HOME/db).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "The database user (default: physlab.db.user, $PHYSLAB_DB_USER). The password comes from "
                    + "physlab.db.password or $PHYSLAB_DB_PASSWORD, never from the command line.")
    String dbUser;

    private Io io = Io.system(System.out);
    private Properties systemProperties = System.getProperties();
    private Map<String, String> environment = System.getenv();
    private Path resolvedHome;

    void io(Io io) {
        this.io = io;
    }

    Io io() {
        return io;
    }

    void systemProperties(Properties p) {
        this.systemProperties = p;
    }

    void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw CliException.usage("a command is missing (see physlab --help)");
    }

    /** The home in use ({@code --home}, else {@code $PHYSLAB_HOME}, else {@code ~/physlab-home}), printed to stderr once. */
    Path home() {
        if (resolvedHome == null) {
            resolvedHome = PhyslabConfig.resolveHome(home).toAbsolutePath().normalize();
            io.err().println("physlab home: " + resolvedHome);
        }
        return resolvedHome;
    }

    PhyslabConfig config(Map<String, String> flags) {
        Map<String, String> all = new LinkedHashMap<>(flags);
        if (dbUrl != null) all.put("physlab.db.url", dbUrl);
        if (dbUser != null) all.put("physlab.db.user", dbUser);
        return ConfigLayers.load(home(), systemProperties, environment, all);
    }

    /** Only the run history (no plugins, no ND4J): fast, for commands that read. */
    RunStore openStore() {
        return RunStore.open(config(Map.of()).store());
    }

    /** The whole platform (compute backend, store, plugins, run service), recorded as a CLI process. */
    Physlab startLab(Map<String, String> flags) {
        return startLab(flags, ProcessKind.CLI);
    }

    /** The whole platform, recorded in the store's process table as {@code kind}. */
    Physlab startLab(Map<String, String> flags, ProcessKind kind) {
        return Physlab.start(config(flags), kind);
    }

    boolean verbose() {
        return verbose;
    }

    /** The version for {@code physlab --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"physlab " + PhyslabVersion.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
