package org.physlab.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.store.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code physlab restore FILE [--force]}: a backup back into the home's (or --db-url's) database. */
@Command(name = "restore", description = {"Restore a backup made by 'physlab backup' into this home's database "
        + "(or the one physlab.db.url / --db-url names). The format is recognised from the file: an H2 backup zip, "
        + "an SQL script, or a pg_dump archive (restored with pg_restore, on the PATH).",
        "Refuses a database that holds data already or that a running Physlab (serve or run) holds, unless --force; "
                + "an H2 database file another process has open is never replaced. Stop 'physlab serve' first."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Parameters(paramLabel = "FILE", description = "A backup file.")
    Path file;

    @Option(names = "--force", description = "Replace what the database holds (its runs are lost).")
    boolean force;

    @Override
    public Integer call() {
        PhyslabConfig config = physlab.config(Map.of());
        StoreBackup.Result result;
        try {
            result = StoreBackup.restore(config.store(), file, force, config.staleAfter());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        } catch (IllegalStateException e) {
            throw new CliException(ExitCodes.FAILED, e.getMessage(), e);
        }
        physlab.io().err().println("restored " + result.runs() + (result.runs() == 1 ? " run" : " runs") + " from "
                + result.file() + " (" + BackupCommand.describe(result) + ") into " + config.store().jdbcUrl());
        return ExitCodes.OK;
    }
}
