package org.physlab.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser tab on the web UI, for a browser test: open a route, wait until Vaadin is idle, find
 * elements by the ids of the web UI contract, type into Vaadin fields, click, and save a screenshot of
 * each step as {@code target/screenshots/<test>-<nn>-<step>.png}.
 *
 * <pre>{@code
 * browser.open("launch/testkit.count");
 * browser.type("param-steps", "30");
 * browser.click("launch-submit");
 * String runId = browser.awaitRoute("runs/([^/?#]+)");
 * browser.awaitText("run-status", "SUCCEEDED");
 * browser.screenshot("finished");
 * }</pre>
 *
 * <p>Every wait is for a condition, with a generous {@link #PATIENCE}; nothing asserts how long a
 * step took. Tabs opened with {@link #openTab()} share the browser (and its Vaadin session).
 */
public final class Browser {
    /** How long any condition is waited for (a busy two-core machine runs several builds at once). */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * True when every Flow client on the page has answered its last request. Vaadin keeps its clients
     * in {@code window.Vaadin.Flow.clients}; each says {@code isActive()} while a round trip is pending.
     */
    private static final String VAADIN_IDLE = """
            if (document.readyState !== 'complete') return false;
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) return false;
            let seen = 0;
            for (const key of Object.keys(flow.clients)) {
              const client = flow.clients[key];
              if (client && typeof client.isActive === 'function') {
                seen++;
                if (client.isActive()) return false;
              }
            }
            return seen > 0;
            """;

    private final ChromeDriver driver;
    private final String window;
    private final URI root;
    private final Screenshots screenshots;

    Browser(ChromeDriver driver, URI root, Screenshots screenshots) {
        this(driver, driver.getWindowHandle(), root, screenshots);
    }

    private Browser(ChromeDriver driver, String window, URI root, Screenshots screenshots) {
        this.driver = driver;
        this.window = window;
        this.root = root;
        this.screenshots = screenshots;
    }

    /** A second tab of the same browser (same cookies, so the same Vaadin session, as a user's tabs). */
    public Browser openTab() {
        focus();
        driver.switchTo().newWindow(WindowType.TAB);
        return new Browser(driver, driver.getWindowHandle(), root, screenshots.tab(2));
    }

    /** The underlying driver, focused on this tab, for what the helpers here do not cover. */
    public WebDriver driver() {
        focus();
        return driver;
    }

    /** Opens a route of the web UI, e.g. {@code ""}, {@code "runs?status=FAILED"}, and waits until Vaadin is idle. */
    public Browser open(String route) {
        focus();
        driver.get(root.resolve(route).toString());
        awaitVaadin();
        return this;
    }

    /** The path and query after the web UI's root, e.g. {@code runs/0b1c…}. */
    public String route() {
        focus();
        String url = driver.getCurrentUrl();
        String base = root.toString();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Waits until Vaadin has no request in flight, and fails at once if Vaadin reports an internal error. */
    public Browser awaitVaadin() {
        await("Vaadin to be idle on " + driver.getCurrentUrl(), d -> {
            failOnSystemError();
            return Boolean.TRUE.equals(js(VAADIN_IDLE)) ? Boolean.TRUE : null;
        });
        return this;
    }

    /** The element with this id (of the web UI contract), once it is on the page. */
    public WebElement byId(String id) {
        return await("an element with id '" + id + "'", d -> first(d, By.id(id)));
    }

    /** The first element matching a CSS selector, once it is on the page. */
    public WebElement css(String selector) {
        return await("an element matching '" + selector + "'", d -> first(d, By.cssSelector(selector)));
    }

    /** Every element currently matching a CSS selector, inside {@code within} or the whole page. */
    public List<WebElement> all(SearchContext within, String selector) {
        focus();
        return (within == null ? driver : within).findElements(By.cssSelector(selector));
    }

    /** Whether an element with this id is on the page and shown. */
    public boolean isShown(String id) {
        focus();
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /**
     * The native input of a Vaadin field with this id: text, number, integer, password, combo box and
     * date fields keep it in their light DOM as {@code <input slot="input">}, text areas as
     * {@code <textarea slot="textarea">}.
     */
    public WebElement input(String id) {
        return await("the input of the field '" + id + "'", d -> first(d,
                By.cssSelector("[id='" + id + "'] > input[slot='input'], [id='" + id + "'] > textarea[slot='textarea']")));
    }

    /** Replaces the text of a Vaadin field and leaves it (Tab), so the value reaches the server. */
    public Browser type(String id, String text) {
        WebElement input = input(id);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        awaitVaadin();
        return this;
    }

    /** Clicks the element with this id (e.g. a {@code vaadin-button}) and waits until Vaadin is idle. */
    public Browser click(String id) {
        WebElement element = await("'" + id + "' to be shown and enabled", d -> {
            WebElement e = first(d, By.id(id));
            return e != null && e.isDisplayed() && isEnabled(e) ? e : null;
        });
        element.click();
        awaitVaadin();
        return this;
    }

    /** Clicks an element and waits until Vaadin is idle. */
    public Browser click(WebElement element) {
        focus();
        element.click();
        awaitVaadin();
        return this;
    }

    /** The visible text of the element with this id. */
    public String text(String id) {
        return byId(id).getText();
    }

    /** Waits until the text of the element with this id contains {@code expected}, and returns the whole text. */
    public String awaitText(String id, String expected) {
        return await("'" + id + "' to show \"" + expected + "\"", d -> {
            WebElement e = first(d, By.id(id));
            String text = e == null ? null : e.getText();
            return text != null && text.contains(expected) ? text : null;
        });
    }

    /** Waits until the route (after the root) matches the regular expression, and returns its first group (or the route). */
    public String awaitRoute(String regex) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        return await("the address to match " + regex, d -> {
            java.util.regex.Matcher m = pattern.matcher(route());
            if (!m.matches()) return null;
            return m.groupCount() > 0 ? m.group(1) : m.group();
        });
    }

    /** Whether a Vaadin component is enabled (Vaadin marks disabled ones with the {@code disabled} attribute). */
    public static boolean isEnabled(WebElement element) {
        return element.isEnabled() && element.getDomAttribute("disabled") == null;
    }

    /** Runs JavaScript in this tab; {@code arguments[i]} are the args. */
    public Object js(String script, Object... args) {
        focus();
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Waits until {@code condition} returns something other than null or false, and returns it.
     * On timeout, a screenshot {@code …-timeout.png} is saved and the failure says what was awaited.
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        focus();
        try {
            // Vaadin re-renders components on pushes: an element found a moment ago may be replaced.
            return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            screenshot("timeout");
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + " on " + route()
                    + "; see " + screenshots.last(), e);
        }
    }

    /** Saves a screenshot of this tab as {@code target/screenshots/<test>-<nn>-<step>.png} and returns the file. */
    public Path screenshot(String step) {
        focus();
        Path file = screenshots.next(step);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + file, e);
        }
        return file;
    }

    private void focus() {
        if (!window.equals(driver.getWindowHandle())) driver.switchTo().window(window);
    }

    private void failOnSystemError() {
        List<WebElement> errors = driver.findElements(By.cssSelector(".v-system-error"));
        if (!errors.isEmpty() && errors.get(0).isDisplayed()) {
            screenshot("system-error");
            throw new AssertionError("Vaadin reported an internal error on " + route() + ": " + errors.get(0).getText());
        }
    }

    private static WebElement first(SearchContext context, By by) {
        List<WebElement> found = context.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }
}
