package org.physlab.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.physlab.store.RunQuery;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

/**
 * A physicist's first minutes: launch a run from the generated form, land on its page, watch its
 * progress bar and metric chart move while it executes, cancel one that would run for an hour, and
 * get every field error at once for bad input.
 */
@BrowserTest
class LaunchRunIT {
    /** The address of a run page; the group is the run id (e.g. 20250301-120000-1a2b). */
    static final String RUN_ROUTE = "runs/([^/?#]+)";

    @Test
    void launchingFromTheFormQueuesTheRunAndOpensItsPage(RunningLab lab, Browser browser) throws Exception {
        browser.open("launch/" + CountExperiment.ID);
        assertEquals("5", browser.input("param-steps").getDomProperty("value"), "the form starts from the schema's defaults");
        browser.screenshot("form");

        browser.type("param-steps", "30").type("launch-seed", "42").type("launch-tags", "browser, form");
        browser.click("launch-submit");
        String runId = browser.awaitRoute(RUN_ROUTE);

        RunRecord stored = lab.run(runId);
        assertEquals(CountExperiment.ID, stored.experimentId());
        assertEquals(30, ((Number) stored.parameters().get("steps")).intValue());
        assertEquals(42L, stored.seed());
        assertEquals(java.util.List.of("browser", "form"), stored.tags());
        assertFalse(browser.text("run-title").isBlank());

        browser.awaitText("run-status", "SUCCEEDED");
        assertEquals(RunStatus.SUCCEEDED, lab.awaitEnd(runId).status());
        browser.screenshot("succeeded");
    }

    @Test
    void progressAndMetricChartsUpdateWhileTheRunExecutes(RunningLab lab, Browser browser) throws Exception {
        // 200 steps with a 50 ms pause: about ten seconds of steady progress.
        RunRecord run = lab.launch(CountExperiment.ID, Map.of("steps", 200, "delayMillis", 50), 1L, "live");
        browser.open("runs/" + run.id());
        browser.awaitText("run-status", "RUNNING");

        double firstProgress = browser.await("progress above zero", d -> {
            double p = progress(browser);
            return p > 0 ? p : null;
        });
        int firstPoints = browser.await("the 'square' chart to show points", d -> {
            int n = chartPoints(browser, "square");
            return n > 0 ? n : null;
        });
        browser.screenshot("running");

        browser.await("the progress bar to move on from " + firstProgress, d -> progress(browser) > firstProgress);
        browser.await("the 'square' chart to grow beyond " + firstPoints + " points without a reload",
                d -> chartPoints(browser, "square") > firstPoints);
        assertTrue(browser.text("run-progress-message").contains("step "), browser.text("run-progress-message"));

        assertEquals(RunStatus.SUCCEEDED, lab.awaitEnd(run.id()).status());
        browser.awaitText("run-status", "SUCCEEDED");
        browser.await("all 200 points of 'square'", d -> chartPoints(browser, "square") == 200);
        browser.await("a full progress bar", d -> progress(browser) >= 1.0);
        browser.screenshot("finished");
    }

    @Test
    void cancellingARunningRunRecordsItCancelled(RunningLab lab, Browser browser) throws Exception {
        browser.open("launch/" + SleepExperiment.ID);
        browser.click("launch-submit");
        String runId = browser.awaitRoute(RUN_ROUTE);
        browser.awaitText("run-status", "RUNNING");
        browser.screenshot("running");

        browser.click("run-cancel");
        browser.awaitText("run-status", "CANCELLED");
        assertEquals(RunStatus.CANCELLED, lab.awaitEnd(runId).status());
        browser.await("the cancel button to be gone or disabled once the run ended",
                d -> !browser.isShown("run-cancel") || !Browser.isEnabled(browser.byId("run-cancel")));
        browser.screenshot("cancelled");
    }

    @Test
    void badInputListsEveryFieldErrorAndLaunchesNothing(RunningLab lab, Browser browser) {
        long before = lab.lab().store().count(RunQuery.all().withExperiment(CountExperiment.ID));
        browser.open("launch/" + CountExperiment.ID);
        browser.type("param-steps", "0").type("param-delayMillis", "-5");
        browser.click("launch-submit");

        String errors = browser.awaitText("launch-errors", "steps: ");
        assertTrue(errors.contains("delayMillis: "), "every failing field is listed, not just the first: " + errors);
        for (String field : new String[] {"param-steps", "param-delayMillis"}) {
            WebElement element = browser.byId(field);
            assertNotNull(element.getDomAttribute("invalid"), field + " is marked invalid");
            String message = String.valueOf(browser.js("return arguments[0].errorMessage", element));
            assertFalse(message.isBlank() || message.equals("null"), field + " shows its error message");
        }
        assertTrue(browser.route().startsWith("launch/" + CountExperiment.ID), "stays on the form: " + browser.route());
        assertEquals(before, lab.lab().store().count(RunQuery.all().withExperiment(CountExperiment.ID)), "nothing is stored");
        browser.screenshot("errors");
    }

    /** The value of the run page's progress bar (0 to 1). */
    static double progress(Browser browser) {
        Object value = browser.js("return arguments[0].value", browser.byId("run-progress"));
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    /** How many x values the uPlot chart of a metric draws (0 before it is drawn). */
    static int chartPoints(Browser browser, String metric) {
        Object n = browser.js("""
                const chart = document.querySelector("#run-metrics .metric-chart[data-metric='" + arguments[0] + "'] .physlab-chart");
                return chart && chart.__plot ? chart.__plot.data[0].length : 0;
                """, metric);
        return n instanceof Number number ? number.intValue() : 0;
    }
}
