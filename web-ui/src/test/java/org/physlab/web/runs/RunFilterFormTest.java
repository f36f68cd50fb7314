package org.physlab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.store.RunQuery;
import org.physlab.store.RunSort;
import org.physlab.store.RunStatus;

/** The Runs view's filter bar as a query: what users type, and what they get told when it cannot be read. */
class RunFilterFormTest {

    @Test
    void everyFilterBecomesPartOfTheQuery() {
        RunFilterForm form = new RunFilterForm().experiment("oscillator.response").status(RunStatus.SUCCEEDED)
                .tag("sweep").parameters("epochs=200").metric("loss", null, 0.01).text("  osc ");

        RunQuery query = form.toQuery(RunSort.byMetric("loss", false), 50);

        assertEquals("oscillator.response", query.experimentId());
        assertEquals(RunStatus.SUCCEEDED, query.status());
        assertEquals("sweep", query.tag());
        assertEquals(List.of(new RunQuery.ParameterFilter("epochs", "200")), query.parameterFilters());
        assertEquals(List.of(new RunQuery.MetricRange("loss", null, 0.01)), query.metricRanges());
        assertEquals("osc", query.text());
        assertEquals(RunSort.byMetric("loss", false), query.sort());
        assertEquals(50, query.limit());
        assertEquals(Map.of(), form.problems());
    }

    @Test
    void severalParametersAreSeparatedBySemicolonsOrCommasOutsideBrackets() {
        assertEquals(List.of(new RunQuery.ParameterFilter("epochs", "200"), new RunQuery.ParameterFilter("hidden", "[64,64]"),
                        new RunQuery.ParameterFilter("activation", "tanh")),
                RunFilterForm.parseParameters(" epochs = 200, hidden=[64,64]; activation=tanh ;"));
        assertEquals(List.of(), RunFilterForm.parseParameters("  "));
        assertEquals(List.of(new RunQuery.ParameterFilter("expr", "a=b")), RunFilterForm.parseParameters("expr=a=b"));
    }

    @Test
    void aParameterFilterThatIsNotNameEqualsValueSaysSoAndIsLeftOut() {
        for (String bad : List.of("epochs", "=200", "epochs=", "lr=0.1, epochs")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFilterForm.parseParameters(bad));
            assertTrue(e.getMessage().contains("is not name=value"), e.getMessage());
        }
        RunFilterForm form = new RunFilterForm().tag("keep").parameters("epochs 200");
        RunQuery query = form.toQuery(RunSort.NEWEST_FIRST, 50);
        assertEquals(List.of(), query.parameterFilters());
        assertEquals("keep", query.tag(), "the other filters still apply");
        assertEquals("'epochs 200' is not name=value (e.g. epochs=200)", form.problems().get(RunFilterForm.PARAMETER));

        form.parameters("epochs=200").toQuery(RunSort.NEWEST_FIRST, 50);
        assertNull(form.problems().get(RunFilterForm.PARAMETER), "fixed text clears the problem");
    }

    @Test
    void aMetricRangeNeedsItsMetricAndOrderedBounds() {
        RunFilterForm noKey = new RunFilterForm().metric(null, 0.1, null);
        assertEquals(List.of(), noKey.toQuery(RunSort.NEWEST_FIRST, 50).metricRanges());
        assertEquals("choose the metric the range is for", noKey.problems().get(RunFilterForm.METRIC_RANGE));

        RunFilterForm reversed = new RunFilterForm().metric("loss", 2.0, 1.0);
        assertEquals(List.of(), reversed.toQuery(RunSort.NEWEST_FIRST, 50).metricRanges());
        assertEquals("min must not be greater than max", reversed.problems().get(RunFilterForm.METRIC_RANGE));

        RunFilterForm keyOnly = new RunFilterForm().metric("loss", null, null);
        assertEquals(List.of(), keyOnly.toQuery(RunSort.NEWEST_FIRST, 50).metricRanges(),
                "choosing a metric alone picks the headline column, it does not filter");
    }

    @Test
    void linksPresetExperimentStatusAndTagAndAreWrittenBack() {
        RunFilterForm form = new RunFilterForm().fromLink(Map.of("experiment", List.of("oscillator.response"),
                "status", List.of("failed"), "tag", List.of("paper")));
        assertEquals("oscillator.response", form.experimentId());
        assertEquals(RunStatus.FAILED, form.status());
        assertEquals("paper", form.tag());
        assertEquals(Map.of("experiment", "oscillator.response", "status", "FAILED", "tag", "paper"), form.toLink());

        RunFilterForm bad = new RunFilterForm().fromLink(Map.of("status", List.of("happy")));
        assertNull(bad.status());
        assertTrue(bad.problems().get(RunFilterForm.STATUS).contains("unknown status 'happy'"));
        assertEquals(Map.of(), new RunFilterForm().fromLink(Map.of()).toLink());
    }
}
