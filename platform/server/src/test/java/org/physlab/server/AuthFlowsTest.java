package org.physlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;
import org.physlab.server.json.Json;
import org.physlab.store.AuditEntry;
import org.physlab.store.Role;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

/**
 * Logins over HTTP with {@code physlab.auth.enabled=true}: passwords, sessions, API tokens from creation
 * to revocation, lock-out after wrong passwords, run ownership and the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthFlowsTest {
    @TempDir
    static Path home;
    Physlab lab;
    PhyslabServer server;

    @BeforeAll
    void start() throws Exception {
        TestBundles.plugin(home.resolve("plugins"), "testkit.demo", "1.0.0", CountExperiment.class);
        lab = Physlab.start(PhyslabConfig.load(home, Map.of("physlab.auth.enabled", "true", "physlab.auth.bcryptCost", "4",
                "physlab.auth.maxFailedLogins", "3", "physlab.auth.sessionTimeoutMinutes", "7")), ProcessKind.SERVER);
        server = new PhyslabServer(lab, "127.0.0.1", 0);
        server.start();
        var policy = lab.config().auth().loginPolicy();
        lab.store().users().add("ada", Role.ADMIN, "ada's password".toCharArray(), policy);
        lab.store().users().add("mia", Role.MEMBER, "mia's password".toCharArray(), policy);
        lab.store().users().add("vic", Role.VIEWER, "vic's password".toCharArray(), policy);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (lab != null) lab.close();
    }

    /** A client of its own, keeping its cookies like a browser. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    HttpResponse<String> send(HttpClient client, String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    static String login(String name, String password) {
        return "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}";
    }

    @Test
    void aPasswordLoginStartsASessionThatReadsButMayNotChangeAndEndsAtLogout() throws Exception {
        HttpClient browser = browser();
        assertEquals(401, send(browser, "GET", "/api/runs", null, null).statusCode());
        HttpResponse<String> in = send(browser, "POST", "/api/session", null, login("mia", "mia's password"));
        assertEquals(200, in.statusCode(), in.body());
        assertEquals("mia", json(in).get("name").asText());
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);

        HttpResponse<String> me = send(browser, "GET", "/api/session", null, null);
        assertEquals(200, me.statusCode());
        assertEquals("member", json(me).get("role").asText());
        assertTrue(json(me).get("authenticated").asBoolean());
        assertEquals(200, send(browser, "GET", "/api/runs", null, null).statusCode());
        HttpResponse<String> change = send(browser, "POST", "/api/runs", null, "{\"experiment\": \"testkit.count\"}");
        assertEquals(403, change.statusCode(), "a cookie alone cannot change anything: no cross-site request can forge a change");
        assertTrue(change.body().contains("send an API token"), change.body());

        assertEquals(204, send(browser, "DELETE", "/api/session", null, null).statusCode());
        assertEquals(401, send(browser, "GET", "/api/runs", null, null).statusCode(), "logged out");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheThirdInARowLocksTheAccountUntilAnAdminResetsIt() throws Exception {
        lab.store().users().add("leo", Role.VIEWER, "leo's password".toCharArray(), lab.config().auth().loginPolicy());
        HttpClient browser = browser();
        HttpResponse<String> wrong = send(browser, "POST", "/api/session", null, login("leo", "guess 1"));
        assertEquals(401, wrong.statusCode());
        assertEquals("wrong name or password", json(wrong).get("error").asText());
        HttpResponse<String> unknown = send(browser, "POST", "/api/session", null, login("nobody", "guess 1"));
        assertEquals(wrong.body(), unknown.body(), "an unknown name reads exactly like a wrong password");
        assertEquals(401, send(browser, "POST", "/api/session", null, login("leo", "guess 2")).statusCode());
        HttpResponse<String> locked = send(browser, "POST", "/api/session", null, login("leo", "guess 3"));
        assertEquals(429, locked.statusCode());
        assertTrue(json(locked).get("error").asText().contains("locked until"), locked.body());
        assertEquals(429, send(browser, "POST", "/api/session", null, login("leo", "leo's password")).statusCode(),
                "locked even for the right password");
        assertEquals("login.locked", lab.store().users().auditLog(50).stream().filter(e -> "leo".equals(e.target()))
                .findFirst().orElseThrow().action());

        lab.store().users().setPassword("leo", "leo's new password".toCharArray(), lab.config().auth().loginPolicy());
        assertEquals(200, send(browser, "POST", "/api/session", null, login("leo", "leo's new password")).statusCode());
    }

    @Test
    void aTokenIsCreatedUsedAndOnceRevokedRefused() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String adminToken = lab.store().users().createToken("ada", "setup").secret();
        HttpResponse<String> created = send(client, "POST", "/api/tokens", adminToken, "{\"name\": \"mia's laptop\", \"user\": \"mia\"}");
        assertEquals(201, created.statusCode(), created.body());
        String token = json(created).get("token").asText();
        long id = json(created).get("id").asLong();
        assertEquals("mia", json(created).get("owner").asText());

        HttpResponse<String> launched = send(client, "POST", "/api/runs", token,
                "{\"experiment\": \"testkit.count\", \"parameters\": {\"steps\": 2}}");
        assertEquals(201, launched.statusCode(), launched.body());
        assertEquals("mia", json(launched).get("user").asText(), "the run is owned by the token's user");
        HttpResponse<String> asSomeoneElse = send(client, "POST", "/api/runs", token,
                "{\"experiment\": \"testkit.count\", \"user\": \"ada\"}");
        assertEquals(403, asSomeoneElse.statusCode());
        assertTrue(asSomeoneElse.body().contains("owned by the logged-in user"), asSomeoneElse.body());

        HttpResponse<String> listed = send(client, "GET", "/api/tokens", token, null);
        assertEquals(200, listed.statusCode());
        assertEquals(1, json(listed).size(), "mia sees her own tokens only");
        assertFalse(listed.body().contains(token), "a listing never shows a token");

        assertEquals(204, send(client, "DELETE", "/api/tokens/" + id, token, null).statusCode());
        HttpResponse<String> refused = send(client, "GET", "/api/runs", token, null);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("unknown or revoked"), refused.body());

        List<String> actions = lab.store().users().auditLog(20).stream().map(AuditEntry::action).toList();
        assertTrue(actions.contains("token.create") && actions.contains("token.revoke"), actions.toString());
    }

    @Test
    void adminActionsGoToTheAuditLogWithTheAdminAsActor() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String adminToken = lab.store().users().createToken("ada", "admin work").secret();
        assertEquals(201, send(client, "POST", "/api/users", adminToken,
                "{\"name\": \"zoe\", \"role\": \"viewer\", \"password\": \"zoe's password\"}").statusCode());
        assertEquals(200, send(client, "PUT", "/api/users/zoe/role", adminToken, "{\"role\": \"member\"}").statusCode());
        HttpResponse<String> lastAdmin = send(client, "PUT", "/api/users/ada/role", adminToken, "{\"role\": \"member\"}");
        assertEquals(409, lastAdmin.statusCode(), "the only admin cannot step down");
        assertTrue(lastAdmin.body().contains("only admin"), lastAdmin.body());
        HttpResponse<String> self = send(client, "DELETE", "/api/users/ada", adminToken, null);
        assertEquals(409, self.statusCode(), "an admin cannot lock everyone out by removing themselves");
        assertEquals(204, send(client, "DELETE", "/api/users/zoe", adminToken, null).statusCode());

        HttpResponse<String> audit = send(client, "GET", "/api/audit?limit=5", adminToken, null);
        assertEquals(200, audit.statusCode());
        JsonNode log = json(audit);
        assertEquals("user.remove", log.get(0).get("action").asText());
        assertEquals("ada", log.get(0).get("actor").asText());
        assertEquals("zoe", log.get(0).get("target").asText());
        assertEquals("user.role", log.get(1).get("action").asText());
        assertEquals("user.add", log.get(2).get("action").asText());
    }

    @Test
    void aJarCopiedIntoThePluginsFolderIsAuditedWithTheFilesOwner() throws Exception {
        Path jar = TestBundles.plugin(home.resolve("plugins"), "testkit.dropped", "1.0.0", SleepExperiment.class);
        String owner = java.nio.file.Files.getOwner(jar).getName();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        AuditEntry entry = null;
        while (entry == null && System.nanoTime() < deadline) {
            entry = lab.store().users().auditLog(50).stream().filter(e -> "testkit.dropped".equals(e.target())).findFirst().orElse(null);
            if (entry == null) Thread.sleep(100);
        }
        assertTrue(entry != null, "no audit entry for the dropped jar: " + lab.store().users().auditLog(50));
        assertEquals("plugin.install", entry.action());
        assertEquals("plugins folder (file owner " + owner + ")", entry.actor());
        assertTrue(entry.detail().contains(jar.getFileName().toString()) && entry.detail().contains("ACTIVE"), entry.detail());
    }

    @Test
    void withoutTheWebUiNothingOutsideTheApiIsServedToAnonymousVisitors() throws Exception {
        HttpResponse<String> index = send(HttpClient.newHttpClient(), "GET", "/", null, null);
        assertFalse(server.servesWebUi());
        assertEquals(404, index.statusCode(), "the plain index page, which lists experiments, is left out with logins");
        assertFalse(index.body().contains("testkit.count"), index.body());
    }

    @Test
    void theSessionIdleTimeoutIsTheConfiguredOne() throws Exception {
        HttpClient browser = browser();
        assertEquals(200, send(browser, "POST", "/api/session", null, login("vic", "vic's password")).statusCode());
        var sessions = server.context().getSessionHandler();
        assertEquals(7 * 60, sessions.getMaxInactiveInterval());
    }
}
