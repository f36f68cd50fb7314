package org.physlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 2.1: fills {@code run_parameters} (created by V2) for the runs stored before it, parsing
 * each run's parameter JSON as {@link RunParameterRows} does for new runs. Given to Flyway as an
 * instance (see {@link Database}), so it needs no class-path scanning.
 */
final class RunParametersBackfill extends BaseJavaMigration {

    private static final int RUNS_PER_READ = 500;

    /** Version and description come from the methods below, not from the class name. */
    @Override
    protected void init() {
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1");
    }

    @Override
    public String getDescription() {
        return "backfill run parameters";
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        String after = "";
        while (true) {
            Map<String, String> page = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, parameters_json FROM runs WHERE id > ? "
                    + "AND NOT EXISTS (SELECT 1 FROM run_parameters p WHERE p.run_id = runs.id) "
                    + "ORDER BY id FETCH FIRST " + RUNS_PER_READ + " ROWS ONLY")) {
                select.setString(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        page.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            if (page.isEmpty()) {
                return;
            }
            for (Map.Entry<String, String> run : page.entrySet()) {
                RunParameterRows.insert(c, run.getKey(), run.getValue());
                after = run.getKey();
            }
        }
    }
}
