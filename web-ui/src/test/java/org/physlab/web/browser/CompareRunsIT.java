package org.physlab.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.testkit.experiments.count.CountExperiment;

/** Two runs side by side: select them in the runs grid, compare, and see what differs. */
@BrowserTest
class CompareRunsIT {

    @Test
    void twoRunsSelectedInTheGridAreOverlaidWithTheirDifferencesMarked(RunningLab lab, Browser browser) throws Exception {
        String tag = "compare-" + Long.toString(System.nanoTime(), 36);
        RunRecord shorter = lab.launch(CountExperiment.ID, Map.of("steps", 10), 1L, tag);
        RunRecord longer = lab.launch(CountExperiment.ID, Map.of("steps", 20), 2L, tag);
        assertEquals(RunStatus.SUCCEEDED, lab.awaitEnd(shorter.id()).status());
        assertEquals(RunStatus.SUCCEEDED, lab.awaitEnd(longer.id()).status());

        browser.open("runs?tag=" + tag);
        WebElement grid = browser.byId("runs-grid");
        for (RunRecord run : List.of(shorter, longer)) {
            browser.click(GridRows.checkbox(browser, grid, run.id()));
        }
        browser.screenshot("selected");
        browser.click("compare-button");

        String runs = browser.awaitRoute("compare\\?runs=(.+)");
        assertTrue(runs.contains(shorter.id()) && runs.contains(longer.id()), runs);
        browser.byId("compare-chart");
        browser.await("both runs drawn in the comparison chart", d -> Long.valueOf(2).equals(browser.js("""
                const chart = document.querySelector('#compare-chart .physlab-chart');
                return chart && chart.__plot ? chart.__plot.series.filter((s, i) => i > 0 && s.label !== 'y = x').length : 0;
                """)));

        WebElement parameters = browser.byId("compare-parameters");
        List<String> differs = browser.await("a parameter row marked 'differs'", d -> {
            List<String> rows = differingRows(browser, parameters);
            return rows.isEmpty() ? null : rows;
        });
        assertTrue(differs.stream().anyMatch(r -> r.contains("steps")), "steps differ (10 against 20): " + differs);
        assertFalse(differs.stream().anyMatch(r -> r.contains("delayMillis")), "delayMillis is the same in both: " + differs);
        browser.byId("compare-final-metrics");
        browser.screenshot("compared");
    }

    /**
     * The text of every row marked {@code differs}: elements with that class, or rows of a
     * {@code vaadin-grid} whose cells carry it as a part name (where Vaadin 24's class name generators put it).
     */
    @SuppressWarnings("unchecked")
    static List<String> differingRows(Browser browser, WebElement table) {
        Object texts = browser.js("""
                const root = arguments[0];
                const texts = [...root.querySelectorAll('.differs')].map(e => e.textContent);
                const grids = [root, ...root.querySelectorAll('vaadin-grid')].filter(g => g.localName === 'vaadin-grid' && g.shadowRoot);
                grids.forEach(g => g.shadowRoot.querySelectorAll('tbody tr').forEach(tr => {
                  if (tr.hidden) return;
                  const marked = tr.matches('.differs, [part~="differs"]') || tr.querySelector('.differs, [part~="differs"]');
                  if (marked) texts.push([...tr.querySelectorAll('slot')].flatMap(s => s.assignedElements()).map(c => c.textContent).join(' | '));
                }));
                return texts;
                """, table);
        return texts instanceof List<?> list ? (List<String>) list : List.of();
    }

}
