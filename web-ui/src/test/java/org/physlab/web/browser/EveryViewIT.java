package org.physlab.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.fail.FailExperiment;

/**
 * A screenshot of every view at 1280×800, with data in it (a finished run with every kind of artifact,
 * a failed run), for a person to look at; each must open without a Vaadin error, inside the main
 * layout, with its page title.
 */
@BrowserTest
class EveryViewIT {

    @Test
    void everyViewOpensInTheMainLayout(RunningLab lab, Browser browser) throws Exception {
        RunRecord counted = lab.launch(CountExperiment.ID, Map.of("steps", 50), 3L, "screenshots");
        RunRecord failed = lab.launch(FailExperiment.ID, Map.of("failAtStep", 3), 4L, "screenshots");
        assertEquals(RunStatus.SUCCEEDED, lab.awaitEnd(counted.id()).status());
        assertEquals(RunStatus.FAILED, lab.awaitEnd(failed.id()).status());

        Map<String, String> views = new java.util.LinkedHashMap<>();
        views.put("experiments", "");
        views.put("launch", "launch/" + CountExperiment.ID);
        views.put("runs", "runs");
        views.put("run", "runs/" + counted.id());
        views.put("failed-run", "runs/" + failed.id());
        views.put("compare", "compare?runs=" + counted.id() + "," + failed.id());
        views.put("plugins", "plugins");
        for (var view : views.entrySet()) {
            browser.open(view.getValue());
            browser.byId("main-nav");
            String title = browser.driver().getTitle();
            assertTrue(title.contains("Physlab"), view.getKey() + " has a page title: " + title);
            browser.screenshot(view.getKey());
        }
    }
}
