package org.physlab.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Restore;

/**
 * Backing up the run history to one file and restoring it, for both databases the store runs on.
 *
 * <table>
 * <caption>What each database gets</caption>
 * <tr><th></th><th>backup</th><th>backup, SQL</th><th>restore</th></tr>
 * <tr><td>H2</td><td>{@code BACKUP TO}: online, a zip of the database file</td>
 *     <td>{@code SCRIPT TO}: SQL text, readable by later H2 versions (the upgrade path)</td>
 *     <td>zip: extracted into the (closed) database folder; SQL: {@code RUNSCRIPT}</td></tr>
 * <tr><td>PostgreSQL</td><td>{@code pg_dump --format=custom}</td><td>{@code pg_dump --format=plain}</td>
 *     <td>custom: {@code pg_restore}; SQL: {@code psql}</td></tr>
 * </table>
 *
 * <p>H2 writes {@code BACKUP TO} and {@code SCRIPT TO} files itself, so for an H2 server
 * ({@code jdbc:h2:tcp://…}) the path is one on the server's host. The PostgreSQL tools are found on the
 * {@code PATH} (Debian: {@code postgresql-client}) and must be at least the server's major version.
 *
 * <p>A restore refuses a database that a live Physlab process holds (a lease in {@code processes}
 * renewed within {@code staleAfter}) or that already holds a schema, unless forced; with force the
 * existing objects are replaced. An H2 database file that another process has open is never replaced.
 * After a restore the store is opened once, so a backup of an older schema is migrated at once.
 */
public final class StoreBackup {

    /** What a backup file holds, recognised by its first bytes. */
    public enum Format {
        /** A zip written by H2's {@code BACKUP TO}. */
        H2_BACKUP,
        /** SQL text: H2's {@code SCRIPT}, or {@code pg_dump --format=plain}. */
        SQL_SCRIPT,
        /** {@code pg_dump --format=custom} (starts with {@code PGDMP}). */
        PG_DUMP
    }

    /** The outcome of a backup or restore: the file, its format and size, and the runs it holds. */
    public record Result(Path file, Format format, long bytes, long runs) { }

    private static final Duration TOOL_PATIENCE = Duration.ofHours(6);

    private StoreBackup() { }

    /**
     * Writes a backup of the store at {@code config} to {@code file}, which must not exist yet.
     * {@code sql} asks for SQL text (H2 {@code SCRIPT}, {@code pg_dump} plain) instead of the native format.
     */
    public static Result backup(StoreConfig config, Path file, boolean sql) {
        DatabaseKind kind = DatabaseKind.of(config.jdbcUrl());
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists already; a backup never overwrites a file");
        }
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of " + target + ": " + e.getMessage(), e);
        }
        long runs = countRuns(config);
        Format format;
        if (kind == DatabaseKind.H2) {
            format = sql ? Format.SQL_SCRIPT : Format.H2_BACKUP;
            // H2 quotes file names as string literals; a quote in the name is doubled.
            String literal = "'" + target.toString().replace("'", "''") + "'";
            execute(config, "backing up the run store to " + target,
                    sql ? "SCRIPT TO " + literal : "BACKUP TO " + literal);
        } else {
            format = sql ? Format.SQL_SCRIPT : Format.PG_DUMP;
            PostgresTarget pg = PostgresTarget.of(config);
            List<String> command = new ArrayList<>(List.of("pg_dump", "--format=" + (sql ? "plain" : "custom"),
                    "--no-owner", "--no-privileges", "--file=" + target));
            pg.schema().ifPresent(schema -> command.add("--schema=" + schema));
            command.addAll(pg.connectionArguments());
            runTool(command, pg, "backing up the run store to " + target);
        }
        return new Result(target, format, size(target), runs);
    }

    /**
     * Restores {@code file} (any {@link Format}, recognised by its content) into the store at
     * {@code config}. Refuses while a live process holds the database or when it already holds a
     * schema, unless {@code force}.
     */
    public static Result restore(StoreConfig config, Path file, boolean force, Duration staleAfter) {
        DatabaseKind kind = DatabaseKind.of(config.jdbcUrl());
        Path source = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("there is no backup file " + source);
        }
        Format format = formatOf(source);
        if (kind == DatabaseKind.H2 && format == Format.PG_DUMP) {
            throw new IllegalArgumentException(source + " is a PostgreSQL dump; it restores into PostgreSQL only "
                    + "(an H2 store takes an H2 backup or an H2 SQL script)");
        }
        if (kind == DatabaseKind.POSTGRESQL && format == Format.H2_BACKUP) {
            throw new IllegalArgumentException(source + " is an H2 backup; it restores into H2 only "
                    + "(to move to PostgreSQL, see 'Moving between databases' in docs/lab-server.md)");
        }
        if (kind == DatabaseKind.H2 && format == Format.H2_BACKUP) {
            restoreH2Files(config, source, force);
        } else {
            prepareTarget(config, force, staleAfter);
            if (kind == DatabaseKind.H2) {
                execute(config, "restoring " + source + " into the run store",
                        "RUNSCRIPT FROM '" + source.toString().replace("'", "''") + "'");
            } else {
                PostgresTarget pg = PostgresTarget.of(config);
                List<String> command = new ArrayList<>();
                if (format == Format.PG_DUMP) {
                    command.addAll(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"));
                    command.addAll(pg.connectionArguments());
                    command.add(source.toString());
                } else {
                    command.addAll(List.of("psql", "--quiet", "--no-psqlrc", "--set=ON_ERROR_STOP=1",
                            "--single-transaction", "--file=" + source));
                    command.addAll(pg.connectionArguments());
                }
                runTool(command, pg, "restoring " + source + " into the run store");
            }
        }
        // Opening migrates a backup of an older schema and proves the restored store works.
        try (RunStore store = RunStore.open(config)) {
            return new Result(source, format, size(source), store.count(RunQuery.all()));
        }
    }

    /** The format of a backup file, from its first bytes. */
    public static Format formatOf(Path file) {
        byte[] head = new byte[5];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.H2_BACKUP;
        }
        if (n == 5 && "PGDMP".equals(new String(head, StandardCharsets.US_ASCII))) {
            return Format.PG_DUMP;
        }
        return Format.SQL_SCRIPT;
    }

    // ---- H2

    /**
     * Replaces the files of an embedded H2 database with those in an H2 backup zip. Only for a
     * database file on this machine that no process has open: opening it without mixed mode fails
     * while another process holds it, and that is checked first.
     */
    private static void restoreH2Files(StoreConfig config, Path zip, boolean force) {
        Path database = h2DatabaseFile(config.jdbcUrl());
        if (database == null) {
            throw new IllegalArgumentException("an H2 backup zip restores into an H2 database file on this machine, "
                    + "not into " + config.jdbcUrl() + "; restore an SQL script (physlab backup --sql) there instead");
        }
        Path folder = database.getParent();
        String name = database.getFileName().toString();
        Path dataFile = folder.resolve(name + ".mv.db");
        if (Files.exists(dataFile)) {
            // Mixed mode (AUTO_SERVER, the default URL) keeps NAME.lock.db while a process has the file
            // open; opening the file without mixed mode catches processes that opened it otherwise. (A
            // process in this JVM would share its open database with that connection, hence the lock file.)
            Path lockFile = folder.resolve(name + ".lock.db");
            if (Files.exists(lockFile)) {
                throw new IllegalStateException("the H2 database " + dataFile + " is in use (" + lockFile + " exists); "
                        + "stop the Physlab processes on it (physlab serve, physlab run) before restoring. After a "
                        + "crash the lock file stays until the next Physlab process opens the home and closes it");
            }
            String exclusive = "jdbc:h2:file:" + database + ";IFEXISTS=TRUE";
            try (Connection c = DriverManager.getConnection(exclusive, config.user(), config.password())) {
                if (!force && hasTables(c)) {
                    throw new IllegalStateException("the run store at " + dataFile + " holds data already; "
                            + "restore into an empty home, or pass --force to replace it");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the H2 database " + dataFile + " is in use or unreadable ("
                        + Database.describe(e) + "); stop the Physlab processes on it (physlab serve, physlab run) "
                        + "before restoring", e);
            }
            try {
                for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
                    Files.deleteIfExists(folder.resolve(name + suffix));
                }
            } catch (IOException e) {
                throw new StoreException("cannot remove the old database " + dataFile + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.createDirectories(folder);
            Restore.execute(zip.toString(), folder.toString(), name);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("restoring " + zip + " into " + folder + " failed: " + Database.describe(e), e);
        }
        if (!Files.exists(dataFile)) {
            throw new StoreException(zip + " holds no H2 database; nothing was restored", null);
        }
    }

    /**
     * The database file (without {@code .mv.db}) of an H2 URL that names one on this machine
     * ({@code jdbc:h2:file:/x/physlab}, {@code jdbc:h2:/x/physlab}, {@code jdbc:h2:~/physlab}), or null
     * for servers, in-memory databases and the like.
     */
    static Path h2DatabaseFile(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        if (options >= 0) {
            rest = rest.substring(0, options);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("^[a-zA-Z]{2,}:.*")) {
            return null; // tcp:, ssl:, mem:, zip:, nio…: not a plain local file
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isBlank() ? null : Path.of(rest).toAbsolutePath().normalize();
    }

    // ---- both

    /**
     * Makes sure a restore through SQL may go ahead: no live process holds the database, and it holds
     * no tables yet; with {@code force} the existing objects are dropped first (H2: {@code DROP ALL
     * OBJECTS}; PostgreSQL: the current schema is dropped with everything in it and created again, empty,
     * or, for a URL with {@code currentSchema}, dropped for the dump to create).
     */
    private static void prepareTarget(StoreConfig config, boolean force, Duration staleAfter) {
        DatabaseKind kind = DatabaseKind.of(config.jdbcUrl());
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            boolean occupied = hasTables(c);
            if (occupied) {
                List<String> live = liveProcesses(c, staleAfter);
                if (!live.isEmpty() && !force) {
                    throw new IllegalStateException("the run store at " + config.jdbcUrl() + " is in use by "
                            + String.join(", ", live) + "; stop them before restoring (or pass --force)");
                }
                if (!force) {
                    throw new IllegalStateException("the run store at " + config.jdbcUrl() + " holds data already; "
                            + "restore into an empty database, or pass --force to replace it");
                }
            }
            try (Statement statement = c.createStatement()) {
                if (kind == DatabaseKind.H2) {
                    if (occupied) {
                        statement.execute("DROP ALL OBJECTS");
                    }
                } else {
                    java.util.Optional<String> urlSchema = PostgresTarget.of(config).schema();
                    if (urlSchema.isPresent()) {
                        // A dump of a store in its own schema creates that schema itself.
                        statement.execute("DROP SCHEMA IF EXISTS " + quote(urlSchema.get()) + " CASCADE");
                    } else if (occupied) {
                        String schema = currentSchema(c);
                        statement.execute("DROP SCHEMA " + quote(schema) + " CASCADE");
                        statement.execute("CREATE SCHEMA " + quote(schema));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("preparing the run store at " + config.jdbcUrl() + " for a restore failed: "
                    + Database.describe(e), e);
        }
    }

    /** Whether the current schema holds any table (a Physlab store or anything else). */
    private static boolean hasTables(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE IN ('BASE TABLE', 'TABLE')");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** Processes whose lease was renewed within {@code staleAfter}, as {@code kind on host (pid N)}. */
    private static List<String> liveProcesses(Connection c, Duration staleAfter) throws SQLException {
        List<String> live = new ArrayList<>();
        if (!tableExists(c, "processes")) {
            return live;
        }
        Instant cutoff = Sql.now(c).minus(staleAfter);
        try (PreparedStatement select = c.prepareStatement(
                "SELECT kind, host, pid FROM processes WHERE heartbeat_at > ? ORDER BY started_at")) {
            select.setObject(1, Sql.timestamp(cutoff));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    live.add("a Physlab " + rs.getString(1).toLowerCase(Locale.ROOT) + " on " + rs.getString(2)
                            + " (pid " + rs.getLong(3) + ")");
                }
            }
        }
        return live;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LOWER(TABLE_NAME) = ?")) {
            select.setString(1, table);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("SELECT CURRENT_SCHEMA")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static long countRuns(StoreConfig config) {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            if (!tableExists(c, "runs")) {
                throw new IllegalArgumentException("there is no run store at " + config.jdbcUrl() + " (no table runs)");
            }
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM runs")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("reading the run store at " + config.jdbcUrl() + " failed: " + Database.describe(e), e);
        }
    }

    private static void execute(StoreConfig config, String what, String sql) {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + Database.describe(e), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- PostgreSQL tools

    /**
     * Runs a PostgreSQL client tool with the target's connection settings in its environment (the
     * password through {@code PGPASSWORD}, never on the command line); its output goes into the error
     * when it fails.
     */
    private static void runTool(List<String> command, PostgresTarget pg, String what) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(pg.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StoreException(what + " needs " + command.get(0) + ", which is not on the PATH; install "
                    + "PostgreSQL's client tools (Debian: apt-get install postgresql-client), at least the server's "
                    + "major version", e);
        }
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TOOL_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StoreException(what + ": " + command.get(0) + " did not finish", null);
            }
            if (process.exitValue() != 0) {
                throw new StoreException(what + " failed: " + command.get(0) + " exited with " + process.exitValue()
                        + ": " + new String(output, StandardCharsets.UTF_8).strip(), null);
            }
        } catch (IOException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StoreException(what + " was interrupted", e);
        }
    }

    /** Connection settings of a PostgreSQL JDBC URL as the libpq tools take them. */
    record PostgresTarget(String host, String port, String database, String user, String password,
                          String schema0, Map<String, String> sslEnvironment) {

        static PostgresTarget of(StoreConfig config) {
            Properties p = org.postgresql.Driver.parseURL(config.jdbcUrl(), null);
            if (p == null) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + config.jdbcUrl());
            }
            String user = config.user() != null && !config.user().isBlank() ? config.user() : p.getProperty("user");
            String password = config.password() != null && !config.password().isEmpty()
                    ? config.password() : p.getProperty("password");
            String sslMode = p.getProperty("sslmode");
            return new PostgresTarget(p.getProperty("PGHOST"), p.getProperty("PGPORT"), p.getProperty("PGDBNAME"),
                    user, password, p.getProperty("currentSchema"),
                    sslMode == null ? Map.of() : Map.of("PGSSLMODE", sslMode));
        }

        java.util.Optional<String> schema() {
            return java.util.Optional.ofNullable(schema0).filter(s -> !s.isBlank());
        }

        /** {@code --host --port --dbname [--username]}. */
        List<String> connectionArguments() {
            List<String> args = new ArrayList<>(Arrays.asList("--host=" + host, "--port=" + port, "--dbname=" + database));
            if (user != null && !user.isBlank()) {
                args.add("--username=" + user);
            }
            args.add("--no-password"); // never prompt: the password comes from PGPASSWORD or ~/.pgpass
            return args;
        }

        Map<String, String> environment() {
            Map<String, String> env = new java.util.HashMap<>(sslEnvironment);
            if (password != null && !password.isEmpty()) {
                env.put("PGPASSWORD", password);
            }
            return env;
        }
    }
}
