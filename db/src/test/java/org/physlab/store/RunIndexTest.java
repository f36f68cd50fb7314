package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run list of a few hundred runs filtered by parameter values and metric ranges, sorted by every
 * field and read page by page, checked against the same filter and order computed in Java.
 */
class RunIndexTest {

    private static final int RUNS = 300;
    private static final String[] OPTIMIZERS = {"adam", "sgd", "lbfgs"};

    /** What the test knows about each run it made, to compute the expected answers. */
    private record Made(int rank, String id, String experiment, long epochs, double lr, String optimizer, Double lastLoss,
                        RunStatus status, String user) { }

    @OnEveryBackend
    void filtersAndSortsAgreeWithTheSameRulesInJava(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            List<Made> made = makeRuns(store);

            // Parameter equality: numbers compare as numbers (200 matches 200 and 200.0), text as text.
            assertMatches(store, made, RunQuery.all().withParameter("epochs", "200"), m -> m.epochs() == 200);
            assertMatches(store, made, RunQuery.all().withParameter("epochs", "200.0"), m -> m.epochs() == 200);
            assertMatches(store, made, RunQuery.all().withParameter("lr", "0.003"), m -> m.lr() == 0.003);
            assertMatches(store, made, RunQuery.all().withParameter("optimizer", "sgd"), m -> m.optimizer().equals("sgd"));
            assertMatches(store, made, RunQuery.all().withParameter("optimizer", "sgd").withParameter("epochs", "100"),
                    m -> m.optimizer().equals("sgd") && m.epochs() == 100);
            assertMatches(store, made, RunQuery.all().withParameter("nosuch", "1"), m -> false);

            // Metric ranges on the last value, either bound optional; runs without the metric never match.
            assertMatches(store, made, RunQuery.all().withMetricRange("loss", 0.2, 0.5),
                    m -> m.lastLoss() != null && m.lastLoss() >= 0.2 && m.lastLoss() <= 0.5);
            assertMatches(store, made, RunQuery.all().withMetricRange("loss", null, 0.1),
                    m -> m.lastLoss() != null && m.lastLoss() <= 0.1);
            assertMatches(store, made, RunQuery.all().withMetricRange("loss", 0.9, null),
                    m -> m.lastLoss() != null && m.lastLoss() >= 0.9);
            assertMatches(store, made, RunQuery.all().withMetricRange("loss", null, null), m -> m.lastLoss() != null);

            // Everything together, with the older filters.
            assertMatches(store, made, RunQuery.all().withExperiment("pendulum").withStatus(RunStatus.SUCCEEDED)
                            .withParameter("optimizer", "adam").withMetricRange("loss", null, 0.6),
                    m -> m.experiment().equals("pendulum") && m.status() == RunStatus.SUCCEEDED
                            && m.optimizer().equals("adam") && m.lastLoss() != null && m.lastLoss() <= 0.6);

            // Free text over id, experiment and tags, ignoring case.
            assertMatches(store, made, RunQuery.all().withText("PENDU"), m -> m.experiment().equals("pendulum"));
            assertMatches(store, made, RunQuery.all().withText("sweep-1"), m -> m.epochs() == 100);
            assertMatches(store, made, RunQuery.all().withText(made.get(7).id()), m -> m.id().equals(made.get(7).id()));
            assertMatches(store, made, RunQuery.all().withText("100%"), m -> false);

            // Sorting: runs lacking the value come last whichever way; ties newest first.
            Comparator<Made> newestFirst = Comparator.comparingInt(Made::rank).reversed();
            Comparator<Made> byLoss = Comparator.comparing(Made::lastLoss, Comparator.nullsLast(Comparator.naturalOrder()));
            assertSorted(store, made, RunSort.byMetric("loss", false), byLoss.thenComparing(newestFirst));
            assertSorted(store, made, RunSort.byMetric("loss", true), Comparator.comparing(Made::lastLoss,
                    Comparator.nullsLast(Comparator.<Double>reverseOrder())).thenComparing(newestFirst));
            assertSorted(store, made, RunSort.byParameter("lr", false),
                    Comparator.comparingDouble(Made::lr).thenComparing(newestFirst));
            assertSorted(store, made, RunSort.byParameter("optimizer", true),
                    Comparator.comparing(Made::optimizer).reversed().thenComparing(newestFirst));
            assertSorted(store, made, RunSort.by(RunSort.Field.EXPERIMENT, false),
                    Comparator.comparing(Made::experiment).thenComparing(newestFirst));
            assertSorted(store, made, RunSort.by(RunSort.Field.STATUS, false),
                    Comparator.comparing((Made m) -> m.status().name()).thenComparing(newestFirst));
            assertSorted(store, made, RunSort.by(RunSort.Field.USER, true),
                    Comparator.comparing(Made::user).reversed().thenComparing(newestFirst));
            assertSorted(store, made, RunSort.by(RunSort.Field.CREATED, false), Comparator.comparingInt(Made::rank));
            assertSorted(store, made, RunSort.NEWEST_FIRST, newestFirst);
        }
    }

    @Test
    void durationAndStartSortPutRunsThatNeverStartedLast(@TempDir Path dir) throws Exception {
        try (TestDatabase db = Backend.EMBEDDED.create(dir); RunStore store = db.open()) {
            String process = store.registerProcess("lab-1", ProcessHandle.current().pid(), "server");
            String queued = store.create(Runs.oscillator()).id();
            String longer = store.create(Runs.oscillator()).id();
            String shorter = store.create(Runs.oscillator()).id();
            store.markRunning(longer, process);
            db.update("UPDATE runs SET started_at = started_at - INTERVAL '1' HOUR WHERE id = ?", longer);
            store.finish(longer, RunStatus.SUCCEEDED, null, Map.of());
            store.markRunning(shorter, process);
            store.finish(shorter, RunStatus.SUCCEEDED, null, Map.of());

            assertEquals(List.of(shorter, longer, queued), ids(store.list(RunQuery.all().sortedBy(
                    RunSort.by(RunSort.Field.DURATION, false)))));
            assertEquals(List.of(longer, shorter, queued), ids(store.list(RunQuery.all().sortedBy(
                    RunSort.by(RunSort.Field.DURATION, true)))));
            assertEquals(List.of(longer, shorter, queued), ids(store.list(RunQuery.all().sortedBy(
                    RunSort.by(RunSort.Field.STARTED, false)))));
        }
    }

    @OnEveryBackend
    void metricStatsOfAPageOfRunsComeInOneCall(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String a = store.create(Runs.oscillator()).id();
            String b = store.create(Runs.oscillator()).id();
            String none = store.create(Runs.oscillator()).id();
            store.appendMetrics(a, List.of(point("loss", 0, 1.0), point("loss", 1, 0.25), point("acc", 1, 0.5)));
            store.appendMetrics(b, List.of(point("loss", 0, 2.0)));

            Map<String, Map<String, MetricStats>> stats = store.metricStats(List.of(a, b, none, "20000101-000000-0000"));

            assertEquals(Map.of(a, store.metricStats(a), b, store.metricStats(b)), stats);
            assertEquals(new MetricStats("loss", 0.25, 1, 0.25, 1.0, 2), stats.get(a).get("loss"));
            assertEquals(List.of("acc", "loss"), List.copyOf(stats.get(a).keySet()));
            assertEquals(Map.of(), store.metricStats(List.of()));
        }
    }

    @Test
    void aggregatesKeptWhileAppendingAgreeWithThePoints(@TempDir Path dir) throws Exception {
        try (TestDatabase db = Backend.EMBEDDED.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            java.util.Random random = new java.util.Random(7);
            for (int batch = 0; batch < 30; batch++) {
                List<MetricPoint> points = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                    points.add(point(random.nextBoolean() ? "loss" : "energy", random.nextInt(50), random.nextGaussian()));
                }
                store.appendMetrics(id, points);
            }
            for (String key : List.of("loss", "energy")) {
                List<MetricPoint> all = store.metrics(id, key, Long.MIN_VALUE, 10_000);
                MetricPoint last = all.get(all.size() - 1); // highest step, of equals the last appended
                MetricStats expected = new MetricStats(key, last.value(), last.step(),
                        all.stream().mapToDouble(MetricPoint::value).min().orElseThrow(),
                        all.stream().mapToDouble(MetricPoint::value).max().orElseThrow(), all.size());
                assertEquals(expected, store.metricStats(id).get(key), key);
            }
        }
    }

    @OnEveryBackend
    void filterChoicesListWhatStoredRunsHave(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String osc = store.create(Runs.oscillator("baseline", "adam")).id();
            String pend = store.create(run("pendulum", Map.of("length", 1.5), "ada", "sweep")).id();
            store.appendMetrics(osc, List.of(point("loss", 0, 1)));
            store.appendMetrics(pend, List.of(point("energy", 0, 1), point("loss", 0, 2)));

            assertEquals(List.of("oscillator", "pendulum"), store.experimentIds());
            assertEquals(List.of("adam", "baseline", "sweep"), store.tags(null));
            assertEquals(List.of("sweep"), store.tags("pendulum"));
            assertEquals(List.of("energy", "loss"), store.metricKeysOf(null));
            assertEquals(List.of("loss"), store.metricKeysOf("oscillator"));
            assertEquals(List.of("activation", "epochs", "hidden", "learningRate", "length", "useBias"),
                    store.parameterNames(null));
            assertEquals(List.of("length"), store.parameterNames("pendulum"));
            assertEquals(List.of(), store.parameterNames("nosuch"));
        }
    }

    @Test
    void parametersOfEveryKindAreIndexedAsTextAndNumbers(@TempDir Path dir) throws Exception {
        try (TestDatabase db = Backend.EMBEDDED.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();

            assertEquals(1, store.count(RunQuery.all().withParameter("hidden", "[64,64]")));
            assertEquals(1, store.count(RunQuery.all().withParameter("useBias", "true")));
            assertEquals(1, store.count(RunQuery.all().withParameter("learningRate", "1e-3")));
            assertEquals(1, store.count(RunQuery.all().withParameter("activation", "tanh")));
            assertEquals(0, store.count(RunQuery.all().withParameter("activation", "relu")));
            assertEquals(0.001, ((Number) db.queryValue("SELECT num_value FROM run_parameters WHERE run_id = ? "
                    + "AND name = 'learningRate'", id)).doubleValue());
        }
    }

    @Test
    void badFiltersAndSortsAreRejectedWithTheirReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunQuery.all().withMetricRange("loss", 2.0, 1.0))
                .getMessage().contains("min 2.0 is greater than max 1.0"));
        assertThrows(IllegalArgumentException.class, () -> RunQuery.all().withParameter(" ", "1"));
        assertThrows(IllegalArgumentException.class, () -> RunQuery.all().withParameter("lr", null));
        assertThrows(IllegalArgumentException.class, () -> RunSort.byMetric(" ", true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunSort.parse("colour")).getMessage()
                .contains("metric:<key>"));
        assertThrows(IllegalArgumentException.class, () -> RunSort.parse("metric"));
        assertThrows(IllegalArgumentException.class, () -> RunSort.parse("created:x"));
    }

    @Test
    void sortsReadBackFromTheirTextForm() {
        for (RunSort sort : List.of(RunSort.NEWEST_FIRST, RunSort.by(RunSort.Field.DURATION, false),
                RunSort.byMetric("val/loss", true), RunSort.byParameter("lr", false))) {
            assertEquals(sort, RunSort.parse(sort.toString()));
        }
        assertEquals(RunSort.byMetric("loss", true), RunSort.parse("-metric:loss"));
        assertEquals(RunSort.byParameter("lr", false), RunSort.parse("param:lr"));
        assertEquals(RunSort.by(RunSort.Field.USER, false), RunSort.parse("User"));
    }

    @Test
    void theSixFieldConstructorStillMeansNewestFirstWithoutNewFilters() {
        RunQuery q = new RunQuery("oscillator", RunStatus.RUNNING, "t", "ada", 5, 10);
        assertEquals(RunSort.NEWEST_FIRST, q.sort());
        assertEquals(List.of(), q.parameterFilters());
        assertEquals(List.of(), q.metricRanges());
        assertEquals(null, q.withText("  ").text());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static List<Made> makeRuns(RunStore store) {
        String process = store.registerProcess("lab-1", ProcessHandle.current().pid(), "server");
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String experiment = i % 4 == 0 ? "pendulum" : "oscillator";
            long epochs = 100L * (1 + i % 3);
            double lr = 0.001 * (1 + i % 5);
            String optimizer = OPTIMIZERS[(i / 7) % OPTIMIZERS.length];
            String user = i % 2 == 0 ? "ada" : "emmy";
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("epochs", epochs);
            parameters.put("lr", lr);
            parameters.put("optimizer", optimizer);
            RunRecord run = store.create(run(experiment, parameters, user, "sweep-" + (epochs / 100)));
            Double lastLoss = null;
            if (i % 10 != 0) {
                // Some runs log out of step order; the last value is the one at the highest step.
                lastLoss = ((i * 37) % 101) / 100.0;
                store.appendMetrics(run.id(), List.of(point("loss", 5, lastLoss), point("loss", 2, 3.0)));
            }
            RunStatus status = RunStatus.QUEUED;
            if (i % 3 != 0) {
                store.markRunning(run.id(), process);
                status = i % 3 == 1 ? RunStatus.SUCCEEDED : RunStatus.FAILED;
                store.finish(run.id(), status, null, Map.of());
            }
            made.add(new Made(i, run.id(), experiment, epochs, lr, optimizer, lastLoss, status, user));
        }
        return made; // in creation order: the database clock gives each run a later created_at
    }

    private static void assertMatches(RunStore store, List<Made> made, RunQuery query, Predicate<Made> expected) {
        List<String> want = newestFirst(made).stream().filter(expected).map(Made::id).toList();
        assertEquals(want.size(), store.count(query), query.toString());
        assertEquals(want, ids(store.list(query.page(0, RUNS))), query.toString());
    }

    private static void assertSorted(RunStore store, List<Made> made, RunSort sort, Comparator<Made> order) {
        List<String> want = made.stream().sorted(order).map(Made::id).toList();
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < RUNS; offset += 40) {
            paged.addAll(ids(store.list(RunQuery.all().sortedBy(sort).page(offset, 40))));
        }
        assertEquals(want, paged, sort.toString());
    }

    private static List<Made> newestFirst(List<Made> oldestFirst) {
        List<Made> copy = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static NewRun run(String experiment, Map<String, Object> parameters, String user, String... tags) {
        return new NewRun(experiment, "org.physlab.test", "1.0.0", parameters, 1L, "cpu", "lab-1", user,
                List.of(tags), "");
    }

    static MetricPoint point(String key, long step, double value) {
        return new MetricPoint(key, step, value, 1_764_000_000_000L + step);
    }

    static List<String> ids(List<RunRecord> runs) {
        return runs.stream().map(RunRecord::id).toList();
    }
}
