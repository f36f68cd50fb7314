package org.physlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.server.api.RestApi;
import org.physlab.server.auth.Endpoint;
import org.physlab.store.LoginPolicy;
import org.physlab.store.Role;
import org.physlab.store.RunRecord;
import org.physlab.store.UserDirectory;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.fail.FailExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

/**
 * Who may call what, with logins on: every REST endpoint, as read from the server's routing, called by
 * each kind of caller (nobody, a viewer, the member who owns the runs, another member, an admin) with
 * API tokens, and the status checked against the table below. An endpoint added to the server without a
 * row here fails {@link #theTableCoversEveryEndpointOfTheRouting()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest {
    /** The callers of the table; MEMBER owns every run and token the requests name. */
    enum Who { ANONYMOUS, VIEWER, MEMBER, OTHER_MEMBER, ADMIN }

    /** 2xx expected, or a refusal. */
    enum Expect { OK, UNAUTHORIZED, FORBIDDEN }

    private static final Expect O = Expect.OK;
    private static final Expect U = Expect.UNAUTHORIZED;
    private static final Expect F = Expect.FORBIDDEN;
    private static final String PASSWORD = "a long password";

    @TempDir
    static Path home;
    Physlab lab;
    PhyslabServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final Map<Who, String> tokens = new EnumMap<>(Who.class);
    final AtomicInteger fresh = new AtomicInteger();
    String finishedRun;
    Path extraPlugin;

    /** One row: the request to make (built afresh for each caller, so each allowed call has its own target). */
    record Row(String endpoint, Function<Who, HttpRequest.Builder> request, List<Expect> expected) { }

    final Map<String, Row> table = new LinkedHashMap<>();

    private void row(String endpoint, Function<Who, HttpRequest.Builder> request, Expect... byWho) {
        table.put(endpoint, new Row(endpoint, request, List.of(byWho)));
    }

    @BeforeAll
    void start() throws Exception {
        TestBundles.plugin(home.resolve("plugins"), "testkit.demo", "1.0.0", CountExperiment.class, SleepExperiment.class);
        extraPlugin = TestBundles.plugin(Files.createDirectories(home.resolve("jars")), "testkit.extra", "1.0.0",
                FailExperiment.class);
        lab = Physlab.start(PhyslabConfig.load(home, Map.of("physlab.auth.enabled", "true", "physlab.auth.bcryptCost", "4",
                "physlab.runs.cpuSlots", "2")), ProcessKind.SERVER);
        server = new PhyslabServer(lab, "127.0.0.1", 0);
        server.start();
        UserDirectory users = lab.store().users();
        LoginPolicy policy = lab.config().auth().loginPolicy();
        Map<Who, Role> roles = Map.of(Who.VIEWER, Role.VIEWER, Who.MEMBER, Role.MEMBER, Who.OTHER_MEMBER, Role.MEMBER,
                Who.ADMIN, Role.ADMIN);
        for (var e : roles.entrySet()) {
            String name = e.getKey().name().toLowerCase().replace('_', '-');
            users.add(name, e.getValue(), PASSWORD.toCharArray(), policy);
            tokens.put(e.getKey(), users.createToken(name, "test").secret());
        }
        RunRecord done = lab.runs().submit(LaunchRequest.of(CountExperiment.ID, Map.of("steps", 3), 1L).byUser("member"));
        lab.runs().await(done.id(), Duration.ofSeconds(60));
        finishedRun = done.id();
        defineTable();
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (lab != null) lab.close();
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60));
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /** A run of the member that is still executing (for cancel). */
    private String activeRunOfMember() {
        return lab.runs().submit(LaunchRequest.of("testkit.sleep", Map.of(), 1L).byUser("member")).id();
    }

    /** An ended run of the member (for delete). */
    private String endedRunOfMember() throws Exception {
        RunRecord r = lab.runs().submit(LaunchRequest.of(CountExperiment.ID, Map.of("steps", 1), 1L).byUser("member"));
        lab.runs().await(r.id(), Duration.ofSeconds(60));
        return r.id();
    }

    private String newUser() {
        String name = "user" + fresh.incrementAndGet();
        lab.store().users().add(name, Role.VIEWER, PASSWORD.toCharArray(), lab.config().auth().loginPolicy());
        return name;
    }

    private long tokenOfMember() {
        return lab.store().users().createToken("member", "t" + fresh.incrementAndGet()).token().id();
    }

    private static <T> T unchecked(java.util.concurrent.Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void defineTable() {
        String run = finishedRun;
        //                                                                      ANONYMOUS VIEWER MEMBER OTHER ADMIN
        row("GET /api/health", w -> at("/api/health").GET(), U, O, O, O, O);
        row("GET /api/backend", w -> at("/api/backend").GET(), U, O, O, O, O);
        row("GET /api/openapi.yaml", w -> at("/api/openapi.yaml").GET(), U, O, O, O, O);
        row("GET /api/queue", w -> at("/api/queue").GET(), U, O, O, O, O);
        row("GET /api/plugins", w -> at("/api/plugins").GET(), U, O, O, O, O);
        row("GET /api/plugins/{plugin}", w -> at("/api/plugins/testkit.demo").GET(), U, O, O, O, O);
        row("POST /api/plugins", w -> at("/api/plugins?fileName=extra.jar").header("Content-Type", "application/java-archive")
                .POST(unchecked(() -> HttpRequest.BodyPublishers.ofFile(extraPlugin))), U, F, F, F, O);
        row("DELETE /api/plugins/{plugin}", w -> {
            if (w == Who.ADMIN && lab.plugins().plugins().stream().noneMatch(p -> p.id().equals("testkit.extra"))) {
                unchecked(() -> lab.plugins().deploy(extraPlugin, "extra.jar"));
            }
            return at("/api/plugins/testkit.extra").DELETE();
        }, U, F, F, F, O);
        row("GET /api/experiments", w -> at("/api/experiments").GET(), U, O, O, O, O);
        row("GET /api/experiments/{experiment}", w -> at("/api/experiments/testkit.count").GET(), U, O, O, O, O);
        row("GET /api/runs", w -> at("/api/runs").GET(), U, O, O, O, O);
        row("POST /api/runs", w -> at("/api/runs").header("Content-Type", "application/json")
                .POST(json("{\"experiment\": \"testkit.count\", \"parameters\": {\"steps\": 1}}")), U, F, O, O, O);
        row("GET /api/runs/{run}", w -> at("/api/runs/" + run).GET(), U, O, O, O, O);
        row("DELETE /api/runs/{run}", w -> at("/api/runs/" + unchecked(this::endedRunOfMember)).DELETE(), U, F, O, F, O);
        row("POST /api/runs/{run}/cancel", w -> at("/api/runs/" + activeRunOfMember() + "/cancel")
                .POST(HttpRequest.BodyPublishers.noBody()), U, F, O, F, O);
        row("PUT /api/runs/{run}/tags", w -> at("/api/runs/" + run + "/tags").PUT(json("[\"t\"]")), U, F, O, O, O);
        row("PUT /api/runs/{run}/notes", w -> at("/api/runs/" + run + "/notes").PUT(json("{\"notes\": \"n\"}")), U, F, O, O, O);
        row("GET /api/runs/{run}/metrics", w -> at("/api/runs/" + run + "/metrics").GET(), U, O, O, O, O);
        row("GET /api/runs/{run}/metrics/{key+}", w -> at("/api/runs/" + run + "/metrics/value").GET(), U, O, O, O, O);
        row("GET /api/runs/{run}/logs", w -> at("/api/runs/" + run + "/logs").GET(), U, O, O, O, O);
        row("GET /api/runs/{run}/artifacts", w -> at("/api/runs/" + run + "/artifacts").GET(), U, O, O, O, O);
        row("GET /api/runs/{run}/artifacts/{name}", w -> at("/api/runs/" + run + "/artifacts/count-line").GET(), U, O, O, O, O);
        row("GET /api/runs/{run}/export", w -> at("/api/runs/" + run + "/export").GET(), U, O, O, O, O);
        row("GET /api/session", w -> at("/api/session").GET(), U, O, O, O, O);
        row("POST /api/session", w -> at("/api/session").header("Content-Type", "application/json")
                .POST(json("{\"name\": \"viewer\", \"password\": \"" + PASSWORD + "\"}")), O, O, O, O, O);
        row("DELETE /api/session", w -> at("/api/session").DELETE(), O, O, O, O, O);
        row("GET /api/users", w -> at("/api/users").GET(), U, F, F, F, O);
        row("POST /api/users", w -> at("/api/users").POST(json("{\"name\": \"new" + fresh.incrementAndGet()
                + "\", \"role\": \"viewer\", \"password\": \"" + PASSWORD + "\"}")), U, F, F, F, O);
        row("PUT /api/users/{user}/role", w -> at("/api/users/" + newUser() + "/role").PUT(json("{\"role\": \"member\"}")),
                U, F, F, F, O);
        row("DELETE /api/users/{user}", w -> at("/api/users/" + newUser()).DELETE(), U, F, F, F, O);
        row("GET /api/tokens", w -> at("/api/tokens").GET(), U, O, O, O, O);
        row("POST /api/tokens", w -> at("/api/tokens").POST(json("{\"name\": \"cli\"}")), U, O, O, O, O);
        row("DELETE /api/tokens/{token}", w -> at("/api/tokens/" + tokenOfMember()).DELETE(), U, F, O, F, O);
        row("GET /api/audit", w -> at("/api/audit").GET(), U, F, F, F, O);
    }

    @Test
    void theTableCoversEveryEndpointOfTheRouting() {
        TreeSet<String> routed = new TreeSet<>();
        for (Endpoint e : RestApi.endpoints(server.context())) routed.add(e.toString());
        assertEquals(routed, new TreeSet<>(table.keySet()),
                "every endpoint needs a row in this table saying who may call it, and every row an endpoint");
    }

    @Test
    void everyEndpointOfTheRoutingIsDescribedInTheOpenApiFile() throws Exception {
        String yaml;
        try (var in = AccessRulesTest.class.getResourceAsStream("/org/physlab/server/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        TreeSet<String> documented = new TreeSet<>();
        String path = null;
        for (String line : yaml.lines().toList()) {
            var p = java.util.regex.Pattern.compile("^  (/api/\\S*):$").matcher(line);
            var m = java.util.regex.Pattern.compile("^    (get|post|put|delete):$").matcher(line);
            if (p.matches()) path = p.group(1);
            else if (m.matches() && path != null) documented.add(m.group(1).toUpperCase() + " " + path.replaceAll("\\{[^}]*}", "{}"));
            else if (!line.startsWith(" ")) path = null;
        }
        TreeSet<String> routed = new TreeSet<>();
        for (Endpoint e : RestApi.endpoints(server.context())) routed.add(e.method() + " " + e.path().replaceAll("\\{[^}]*}", "{}"));
        assertEquals(routed, documented, "docs/openapi.yaml describes exactly the endpoints the server routes");
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : table.values()) {
            for (Who who : Who.values()) {
                HttpRequest.Builder request = row.request().apply(who);
                if (who != Who.ANONYMOUS) request.header("Authorization", "Bearer " + tokens.get(who));
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Expect expected = row.expected().get(who.ordinal());
                int status = answer.statusCode();
                boolean ok = switch (expected) {
                    case OK -> status >= 200 && status < 300;
                    case UNAUTHORIZED -> status == 401;
                    case FORBIDDEN -> status == 403;
                };
                if (!ok) wrong.add(row.endpoint() + " as " + who + ": expected " + expected + ", got " + status + " " + answer.body());
            }
        }
        cancelLeftovers();
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anUnknownOrRevokedTokenIsRefusedAndAMissingOneAsksForALogin() throws Exception {
        HttpResponse<String> none = http.send(at("/api/runs").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"physlab\"", none.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(none.body().contains("Authorization: Bearer TOKEN"), none.body());
        HttpResponse<String> bad = http.send(at("/api/runs").header("Authorization", "Bearer plt_nonsense").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bad.statusCode());
        assertTrue(bad.body().contains("unknown or revoked"), bad.body());
        HttpResponse<String> unknownPath = http.send(at("/api/nothing/here").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unknownPath.statusCode(), "nobody learns which paths exist without logging in");
    }

    private void cancelLeftovers() {
        for (RunRecord r : lab.store().list(org.physlab.store.RunQuery.all().page(0, 1000))) {
            if (!r.status().terminal()) lab.runs().cancel(r.id(), "test over");
        }
    }

}
