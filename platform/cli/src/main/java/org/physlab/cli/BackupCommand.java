package org.physlab.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physlab.store.StoreBackup;
import org.physlab.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code physlab backup FILE [--sql]}: the run history in one file, while Physlab may be running. */
@Command(name = "backup", description = {"Back up the run history (runs, metrics, artifacts, logs) to FILE, online: "
        + "'physlab serve' and runs may go on meanwhile.",
        "H2: BACKUP TO, a zip of the database. PostgreSQL: pg_dump --format=custom (pg_dump on the PATH).",
        "--sql writes SQL text instead (H2: SCRIPT; PostgreSQL: pg_dump --format=plain): the way to carry a home "
                + "to a newer H2 version. FILE must not exist. Restore with 'physlab restore FILE'."})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Parameters(paramLabel = "FILE", description = "Where the backup goes; it must not exist yet.")
    Path file;

    @Option(names = "--sql", description = "SQL text instead of the database's own format.")
    boolean sql;

    @Override
    public Integer call() {
        StoreConfig store = physlab.config(Map.of()).store();
        StoreBackup.Result result;
        try {
            result = StoreBackup.backup(store, file, sql);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        physlab.io().err().println("backed up " + result.runs() + (result.runs() == 1 ? " run" : " runs") + " to "
                + result.file() + " (" + describe(result) + ")");
        return ExitCodes.OK;
    }

    static String describe(StoreBackup.Result result) {
        String format = switch (result.format()) {
            case H2_BACKUP -> "H2 backup";
            case SQL_SCRIPT -> "SQL script";
            case PG_DUMP -> "pg_dump custom format";
        };
        return format + ", " + result.bytes() + " bytes";
    }
}
