package org.physlab.web.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}) and its driver ({@code /usr/bin/chromedriver}, package
 * {@code chromium-driver}), started headless the way the browser tests need it. Both paths are given
 * explicitly, so Selenium Manager never downloads a browser or a driver; other paths can be set with
 * the system properties {@code physlab.browser.chromium} and {@code physlab.browser.chromedriver}.
 */
final class Chromium implements AutoCloseable {
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    static {
        // Selenium looks for a DevTools (CDP) binding matching the browser and warns when there is none; the tests use none.
        Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
        Logger.getLogger("org.openqa.selenium.chromium").setLevel(Level.SEVERE);
    }

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new headless Chromium with a fresh profile (its own cookies, so its own Vaadin session: a separate user). */
    static Chromium start() {
        Path browser = executable("physlab.browser.chromium", "/usr/bin/chromium", "chromium");
        Path driverPath = executable("physlab.browser.chromedriver", "/usr/bin/chromedriver", "chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("physlab-chromium-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create a profile folder for Chromium", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                // Tabs in the background keep running their timers and push connection, as a user's visible tabs do.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", profile.resolve("downloads").toString()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverPath.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            fitViewport(driver);
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
        return new Chromium(driver, profile);
    }

    /** Ends the browser and its driver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            RunningLab.deleteQuietly(profile);
        }
    }

    /** Grows the window so that the page itself (not the window with its frame) is {@value #WIDTH}×{@value #HEIGHT}. */
    private static void fitViewport(ChromeDriver driver) {
        Dimension outer = driver.manage().window().getSize();
        @SuppressWarnings("unchecked")
        List<Number> inner = (List<Number>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        int width = outer.getWidth() + WIDTH - inner.get(0).intValue();
        int height = outer.getHeight() + HEIGHT - inner.get(1).intValue();
        if (width != outer.getWidth() || height != outer.getHeight()) driver.manage().window().setSize(new Dimension(width, height));
    }

    private static Path executable(String property, String fallback, String debianPackage) {
        Path path = Path.of(System.getProperty(property, fallback));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("The browser tests need Debian's headless Chromium, but " + path
                    + " is missing or not executable. Install it with 'apt-get install chromium chromium-driver'"
                    + " (package " + debianPackage + "), point -D" + property + "=... at another one, or leave the"
                    + " browser tests out with 'mvn verify -DskipBrowserTests'.");
        }
        return path;
    }
}
