package org.physlab.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.physlab.store.Role;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.testkit.experiments.count.CountExperiment;

/**
 * A lab server with logins ({@code physlab.auth.enabled=true}): every page sends a visitor to the login
 * form; a wrong password is refused; the member logs in, lands where they were going, launches a run that
 * is recorded as theirs, deletes it, does not see the admin's controls, and logs out, after which the
 * pages are closed to them again. An admin manages users and API tokens on the admin page. Its own lab (the shared one of the other browser tests has no logins).
 */
@Tag("browser")
class LoginIT {

    @Test
    void aMemberLogsInLaunchesARunOwnedByThemAndLogsOut() throws Exception {
        try (RunningLab lab = RunningLab.start(Map.of("physlab.auth.enabled", "true", "physlab.auth.bcryptCost", "4"));
             Chromium chromium = Chromium.start()) {
            var policy = lab.lab().config().auth().loginPolicy();
            lab.lab().store().users().add("mia", Role.MEMBER, "mia's password".toCharArray(), policy);
            Browser browser = new Browser(chromium.driver, lab.uri(), Screenshots.of("LoginIT-member"));

            browser.open("runs");
            browser.awaitRoute("login");
            browser.byId("login-form");
            browser.screenshot("login-page");

            logIn(browser, "mia", "not her password");
            browser.await("the login form to say the password was wrong",
                    d -> Boolean.TRUE.equals(browser.js("return document.getElementById('login-form').error")));
            assertEquals("login", browser.route(), "still on the login page");
            browser.screenshot("wrong-password");

            logIn(browser, "mia", "mia's password");
            browser.awaitRoute("runs");
            assertEquals("mia · member", browser.text("current-user"));
            assertFalse(browser.all(null, "vaadin-side-nav-item[path='admin']").stream().anyMatch(WebElement::isDisplayed),
                    "no admin page for a member");
            browser.screenshot("logged-in");

            browser.open("launch/" + CountExperiment.ID);
            browser.type("param-steps", "20");
            browser.click("launch-submit");
            String runId = browser.awaitRoute(LaunchRunIT.RUN_ROUTE);
            RunRecord run = lab.run(runId);
            assertEquals("mia", run.user(), "the run is owned by the logged-in user");
            browser.awaitText("run-status", "SUCCEEDED");
            assertEquals(RunStatus.SUCCEEDED, lab.awaitEnd(runId).status());
            browser.screenshot("launched");

            // A member deletes their own ended run.
            browser.click("run-delete");
            browser.click(browser.<WebElement>await("the dialog's Delete button", d -> d.findElements(
                    org.openqa.selenium.By.cssSelector("vaadin-button[slot='confirm-button']")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null)));
            browser.awaitRoute("runs");
            assertTrue(lab.lab().store().find(runId).isEmpty(), "the run is deleted");

            browser.open("plugins");
            browser.byId("plugins-admins-only");
            assertFalse(browser.isShown("plugin-upload"), "only admins may install plugins");
            browser.open("admin");
            browser.await("the admin page to send a member to the experiments", d -> browser.route().isEmpty());

            browser.click("logout");
            browser.awaitRoute("login");
            browser.screenshot("logged-out");
            browser.open("runs/" + runId);
            browser.awaitRoute("login");
        }
    }

    @Test
    void anAdminAddsAUserAndCreatesAndRevokesTheirApiTokenOnTheAdminPage() throws Exception {
        try (RunningLab lab = RunningLab.start(Map.of("physlab.auth.enabled", "true", "physlab.auth.bcryptCost", "4"));
             Chromium chromium = Chromium.start()) {
            var policy = lab.lab().config().auth().loginPolicy();
            lab.lab().store().users().add("ada", Role.ADMIN, "ada's password".toCharArray(), policy);
            Browser browser = new Browser(chromium.driver, lab.uri(), Screenshots.of("LoginIT-admin"));
            browser.open("admin");
            browser.awaitRoute("login");
            logIn(browser, "ada", "ada's password");
            browser.awaitRoute("admin");

            browser.type("new-user-name", "vic").type("new-user-password", "vic's password");
            browser.click("add-user");
            browser.await("vic in the users grid", d -> lab.lab().store().users().find("vic").isPresent());
            assertEquals(Role.MEMBER, lab.lab().store().users().find("vic").orElseThrow().role(), "member is the default role");

            browser.click("new-token-owner");
            browser.click(browser.<WebElement>await("vic in the owner list", d -> d.findElements(
                    org.openqa.selenium.By.xpath("//vaadin-select-item[normalize-space(.)='vic']")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null)));
            browser.type("new-token-name", "vic's script");
            browser.click("create-token");
            String token = browser.await("the new token shown once",
                    d -> (String) browser.js("const f = document.getElementById('new-token-secret'); return f ? f.value : null;"));
            browser.screenshot("token-created");
            assertEquals(200, status(lab, token), "the token works over REST");
            var created = lab.lab().store().users().tokens(null).get(0);
            assertEquals("vic", created.owner());

            browser.js("document.getElementById('new-token-dialog').opened = false;");
            browser.awaitVaadin();
            browser.click(browser.css("vaadin-button.revoke-token[data-token-id='" + created.id() + "']"));
            browser.await("the token to be revoked", d -> lab.lab().store().users().token(created.id()).orElseThrow().revoked());
            assertEquals(401, status(lab, token), "a revoked token is refused");
            var actions = lab.lab().store().users().auditLog(10).stream().map(org.physlab.store.AuditEntry::action).toList();
            assertEquals(java.util.List.of("token.revoke", "token.create", "user.add"), actions);
            browser.screenshot("token-revoked");
        }
    }

    private static int status(RunningLab lab, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(lab.uri().resolve("api/session"))
                .header("Authorization", "Bearer " + token).GET().build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Types a name and password into Vaadin's login form (its fields live in its shadow root) and presses Enter. */
    private static void logIn(Browser browser, String name, String password) {
        WebElement user = field(browser, "vaadinLoginUsername");
        user.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        user.sendKeys(name);
        WebElement pass = field(browser, "vaadinLoginPassword");
        pass.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        pass.sendKeys(password, Keys.ENTER);
        browser.awaitVaadin();
    }

    private static WebElement field(Browser browser, String id) {
        return browser.await("the login form's " + id, d -> (WebElement) browser.js("""
                const form = document.getElementById('login-form');
                if (!form) return null;
                const field = form.querySelector('#' + arguments[0])
                    || (form.shadowRoot && form.shadowRoot.querySelector('#' + arguments[0]));
                return field ? field.inputElement : null;
                """, id));
    }
}
