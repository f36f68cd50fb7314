package org.physlab.web.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Rows of a Vaadin {@code vaadin-grid}, found by the text in one of their cells. The grid renders its
 * cells in its shadow DOM and slots their content ({@code vaadin-grid-cell-content}) in from the light
 * DOM, so a row is reached from a cell's content through its slot.
 */
final class GridRows {
    /** arguments: grid, text; returns the cell contents of the row showing the text (null if none is rendered). */
    private static final String ROW_CELLS = """
            const grid = arguments[0], text = arguments[1];
            const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                .find(c => c.textContent.includes(text) && c.assignedSlot && c.assignedSlot.closest('tbody'));
            if (!cell) return null;
            const row = cell.assignedSlot.closest('tr');
            if (!row || row.hidden) return null;
            return [...row.querySelectorAll('slot')].flatMap(s => s.assignedElements());
            """;

    private GridRows() { }

    /** Whether the grid currently renders a row whose cells show {@code text}. */
    static boolean hasRow(Browser browser, WebElement grid, String text) {
        return browser.js(ROW_CELLS, grid, text) != null;
    }

    /** The selection checkbox of the row showing {@code text}, once it is rendered. */
    static WebElement checkbox(Browser browser, WebElement grid, String text) {
        return browser.await("a row showing '" + text + "' with a selection checkbox", d -> {
            Object cells = browser.js(ROW_CELLS, grid, text);
            if (!(cells instanceof List<?> list)) return null;
            for (Object c : list) {
                if (c instanceof WebElement cell) {
                    var boxes = cell.findElements(By.cssSelector("vaadin-checkbox"));
                    if (!boxes.isEmpty()) return boxes.get(0);
                }
            }
            return null;
        });
    }

    /** A cell of the row showing {@code text} that holds an element matching {@code selector} (e.g. a button). */
    static WebElement inRow(Browser browser, WebElement grid, String text, String selector) {
        return browser.await("a row showing '" + text + "' with " + selector, d -> {
            Object cells = browser.js(ROW_CELLS, grid, text);
            if (!(cells instanceof List<?> list)) return null;
            for (Object c : list) {
                if (c instanceof WebElement cell) {
                    var found = cell.findElements(By.cssSelector(selector));
                    if (!found.isEmpty()) return found.get(0);
                }
            }
            return null;
        });
    }
}
