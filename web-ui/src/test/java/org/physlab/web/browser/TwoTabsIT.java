package org.physlab.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.physlab.testkit.experiments.count.CountExperiment;

/** The same user with two tabs open: a run launched in one appears in the other's runs grid by itself. */
@BrowserTest
class TwoTabsIT {

    @Test
    void aRunLaunchedInOneTabShowsUpInTheOthersRunsGrid(RunningLab lab, Browser browser) throws Exception {
        Browser runsTab = browser.open("runs");
        WebElement grid = runsTab.byId("runs-grid");
        runsTab.js("window.__physlabNotReloaded = true");

        Browser launchTab = browser.openTab().open("launch/" + CountExperiment.ID);
        launchTab.type("param-steps", "3").type("launch-tags", "two-tabs");
        launchTab.click("launch-submit");
        String runId = launchTab.awaitRoute(LaunchRunIT.RUN_ROUTE);
        launchTab.screenshot("launched");

        runsTab.await("the other tab's grid to show run " + runId, d -> GridRows.hasRow(runsTab, grid, runId));
        assertEquals(Boolean.TRUE, runsTab.js("return window.__physlabNotReloaded === true"), "no reload happened");
        runsTab.screenshot("appeared");
        lab.awaitEnd(runId);
    }
}
