package org.physlab.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

/**
 * A busy lab: every CPU slot is taken, one user has queued two more runs (one with priority 5) and
 * another user one; the Runs view shows each waiting run's place in the queue: the other user's run
 * first (fair share), then the first user's by priority.
 */
@BrowserTest
class RunQueueIT {

    @Test
    void waitingRunsShowTheirPlaceInTheQueueInTheRunsView(RunningLab lab, Browser browser) throws Exception {
        String tag = "queue-" + Long.toString(System.nanoTime(), 36);
        int slots = lab.lab().config().maxConcurrentRuns();
        List<String> all = new ArrayList<>();
        try {
            for (int i = 0; i < slots; i++) all.add(submit(lab, "ada", tag, 0));
            for (String id : all) awaitStatus(lab, id, RunStatus.RUNNING);
            String adaWaiting = submit(lab, "ada", tag, 0);
            String adaUrgent = submit(lab, "ada", tag, 5);
            String bobWaiting = submit(lab, "bob", tag, 0);
            all.addAll(List.of(adaWaiting, adaUrgent, bobWaiting));

            browser.open("runs?tag=" + tag);
            WebElement grid = browser.byId("runs-grid");
            assertEquals("#1", queueCell(browser, grid, bobWaiting).getText(), "bob's single run goes first");
            assertEquals("#2", queueCell(browser, grid, adaUrgent).getText(), "then ada's, her priority 5 first");
            assertEquals("#3", queueCell(browser, grid, adaWaiting).getText());
            assertTrue(queueCell(browser, grid, bobWaiting).getAttribute("title").contains("a CPU slot"));
            browser.screenshot("queued");
        } finally {
            for (String id : all) lab.lab().runs().cancel(id, "queue test done");
            for (String id : all) lab.awaitEnd(id);
        }
    }

    private static String submit(RunningLab lab, String user, String tag, int priority) {
        RunRecord run = lab.lab().runs().submit(new LaunchRequest(SleepExperiment.ID, Map.of("maxSeconds", 600), 1L,
                List.of(tag), "", user, null, priority));
        return run.id();
    }

    private static WebElement queueCell(Browser browser, WebElement grid, String runId) {
        return GridRows.inRow(browser, grid, runId, "[data-queue-position]");
    }

    private static void awaitStatus(RunningLab lab, String runId, RunStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + RunningLab.PATIENCE.toNanos();
        while (lab.run(runId).status() != status) {
            if (System.nanoTime() > deadline) throw new AssertionError("run " + runId + " never became " + status);
            Thread.sleep(50);
        }
    }
}
