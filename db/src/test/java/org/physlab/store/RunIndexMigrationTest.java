package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations 2 and 2.1 on a database that a version-1 store filled: metric aggregates and run
 * parameters are backfilled, so old runs filter and sort like new ones.
 */
class RunIndexMigrationTest {

    @OnEveryBackend
    void aVersionOneDatabaseWithRunsIsBackfilled(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir)) {
            Database.migrations(db.kind())
                    .dataSource(db.config().jdbcUrl(), db.config().user(), db.config().password())
                    .target("1")
                    .load()
                    .migrate();
            insertVersionOneRun(db, "20250101-120000-aaaa", "{\"epochs\":200,\"lr\":0.01,\"act\":\"tanh\",\"h\":[8,8]}");
            insertVersionOneRun(db, "20250101-120001-bbbb", "{\"epochs\":100,\"lr\":0.02,\"act\":\"relu\",\"h\":[4]}");
            insertVersionOneRun(db, "20250101-120002-cccc", "{}");
            // Run a: loss logged out of order, twice at the last step (the later row wins); run b: one point.
            long lossA = insertSeries(db, "20250101-120000-aaaa", "loss");
            insertPoint(db, lossA, 3, 0.5);
            insertPoint(db, lossA, 1, 2.0);
            insertPoint(db, lossA, 3, 0.4);
            insertPoint(db, lossA, 2, 0.1);
            insertPoint(db, insertSeries(db, "20250101-120000-aaaa", "acc"), 0, 0.7);
            insertPoint(db, insertSeries(db, "20250101-120001-bbbb", "loss"), 9, 0.3);

            try (RunStore store = db.open()) {
                assertEquals(List.of("1", "2", "2.1"), versionsInOrder(db, "1", "2", "2.1"));

                Map<String, MetricStats> a = store.metricStats("20250101-120000-aaaa");
                assertEquals(new MetricStats("loss", 0.4, 3, 0.1, 2.0, 4), a.get("loss"));
                assertEquals(new MetricStats("acc", 0.7, 0, 0.7, 0.7, 1), a.get("acc"));
                assertEquals(new MetricStats("loss", 0.3, 9, 0.3, 0.3, 1),
                        store.metricStats(List.of("20250101-120001-bbbb")).get("20250101-120001-bbbb").get("loss"));

                assertEquals(List.of("20250101-120000-aaaa"), RunIndexTest.ids(store.list(
                        RunQuery.all().withParameter("epochs", "200").withParameter("h", "[8,8]"))));
                assertEquals(List.of("20250101-120001-bbbb"), RunIndexTest.ids(store.list(
                        RunQuery.all().withParameter("act", "relu"))));
                assertEquals(List.of("20250101-120001-bbbb", "20250101-120000-aaaa", "20250101-120002-cccc"),
                        RunIndexTest.ids(store.list(RunQuery.all().sortedBy(RunSort.byMetric("loss", false)))));
                assertEquals(List.of("20250101-120000-aaaa"), RunIndexTest.ids(store.list(
                        RunQuery.all().withMetricRange("loss", 0.35, 0.45))));

                // Appending after the migration continues from the backfilled aggregates.
                store.appendMetrics("20250101-120000-aaaa", List.of(RunIndexTest.point("loss", 2, 0.05)));
                assertEquals(new MetricStats("loss", 0.4, 3, 0.05, 2.0, 5),
                        store.metricStats("20250101-120000-aaaa").get("loss"));
            }
        }
    }

    /** The given migration versions in the order they were applied. */
    private static List<String> versionsInOrder(TestDatabase db, String... versions) throws Exception {
        List<String> applied = new ArrayList<>();
        try (Connection c = db.jdbc(); PreparedStatement select = c.prepareStatement("SELECT \"version\" FROM "
                + "\"flyway_schema_history\" WHERE \"version\" IN (" + Sql.placeholders(versions.length) + ") "
                + "ORDER BY \"installed_rank\"")) {
            for (int i = 0; i < versions.length; i++) {
                select.setString(i + 1, versions[i]);
            }
            applied.addAll(Sql.strings(select));
        }
        return applied;
    }

    private static void insertVersionOneRun(TestDatabase db, String id, String parametersJson) throws Exception {
        db.update("INSERT INTO runs (id, experiment_id, plugin_id, plugin_version, parameters_json, seed, status, "
                + "created_at, notes, progress, progress_message, summary_json) VALUES (?, 'oscillator', 'p', '1', ?, 1, "
                + "'SUCCEEDED', CURRENT_TIMESTAMP, '', 1, '', '{}')", id, parametersJson);
    }

    private static long insertSeries(TestDatabase db, String runId, String key) throws Exception {
        db.update("INSERT INTO metric_series (run_id, metric_key) VALUES (?, ?)", runId, key);
        return ((Number) db.queryValue("SELECT id FROM metric_series WHERE run_id = ? AND metric_key = ?", runId, key))
                .longValue();
    }

    private static void insertPoint(TestDatabase db, long seriesId, long step, double value) throws Exception {
        db.update("INSERT INTO metrics (series_id, step, metric_value, time_millis) VALUES (?, ?, ?, 0)",
                seriesId, step, value);
    }
}
