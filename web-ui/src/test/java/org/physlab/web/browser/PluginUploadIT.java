package org.physlab.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.nan.NanExperiment;

/**
 * An administrator uploads a plugin jar on the Plugins page; a scientist who has the Experiments page
 * open (another browser, another session) sees its experiment appear, and vanish again when the jar is
 * removed from the plugins folder, without reloading.
 */
@BrowserTest
class PluginUploadIT {
    private static final String CARD = ".experiment-card[data-experiment-id='" + NanExperiment.ID + "']";

    @Test
    void anUploadedPluginsExperimentsAppearOnAnOpenExperimentsPage(RunningLab lab, Browser admin, Browser scientist,
                                                                   @TempDir Path tmp) {
        Path jar = TestBundles.plugin(tmp, "testkit.uploaded", "2.0.0", NanExperiment.class);

        scientist.open("");
        scientist.css(".experiment-card");                                     // the page shows the installed ones
        assertTrue(scientist.all(null, CARD).isEmpty(), "not installed yet");
        scientist.js("window.__physlabNotReloaded = true");

        admin.open("plugins");
        admin.byId("plugins-grid");
        admin.screenshot("before-upload");
        fileInput(admin).sendKeys(jar.toString());

        Path landed = lab.pluginsFolder().resolve(jar.getFileName());
        admin.await("the jar to land in " + lab.pluginsFolder(), d -> Files.isRegularFile(landed));
        WebElement grid = admin.byId("plugins-grid");
        admin.await("the plugins grid to list testkit.uploaded", d -> GridRows.hasRow(admin, grid, "testkit.uploaded"));
        admin.screenshot("uploaded");

        // The page may redraw the cards more than once while the plugin starts: look until it settles.
        scientist.await("the uploaded plugin's card with its title", d -> scientist.css(CARD).getText().contains("Diverging loss"));
        assertEquals(Boolean.TRUE, scientist.js("return window.__physlabNotReloaded === true"), "no reload happened");
        scientist.screenshot("appeared");

        try {
            Files.delete(landed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        scientist.await("the card to vanish once the plugin is gone", d -> scientist.all(null, CARD).isEmpty());
        assertEquals(Boolean.TRUE, scientist.js("return window.__physlabNotReloaded === true"), "no reload happened");
        scientist.screenshot("vanished");
    }

    /**
     * The file input of the {@code plugin-upload} component. {@code vaadin-upload} keeps a hidden
     * {@code <input type="file">} in its shadow DOM; Chromium's driver accepts file paths on hidden file
     * inputs, which is what a user's file chooser ends in.
     */
    static WebElement fileInput(Browser browser) {
        WebElement upload = browser.byId("plugin-upload");
        return browser.await("the file input of plugin-upload", d -> (WebElement) browser.js("""
                const upload = arguments[0];
                return upload.querySelector('input[type=file]')
                    || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));
                """, upload));
    }
}
