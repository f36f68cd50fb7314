package org.physlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;
import org.physlab.store.Role;

/**
 * Behind a TLS-terminating reverse proxy on the same machine: with physlab.server.forwardedHeaders the proxy's
 * X-Forwarded-Proto makes the request secure, so the session cookie is marked Secure; without the setting the
 * header is ignored (a local user could otherwise claim any scheme or address).
 */
class ForwardedHeadersTest {

    @Test
    void theSessionCookieIsSecureOnlyWhenTheProxysHeadersAreTrusted(@TempDir Path home) throws Exception {
        assertTrue(sessionCookie(home.resolve("trusting"), true).contains("Secure"));
        assertFalse(sessionCookie(home.resolve("default"), false).contains("Secure"));
    }

    private static String sessionCookie(Path home, boolean trust) throws Exception {
        try (Physlab lab = Physlab.start(PhyslabConfig.load(home, Map.of("physlab.auth.enabled", "true", "physlab.auth.bcryptCost", "4",
                "physlab.server.forwardedHeaders", Boolean.toString(trust))), ProcessKind.SERVER);
             PhyslabServer server = new PhyslabServer(lab, "127.0.0.1", 0)) {
            server.start();
            assertEquals(trust, lab.config().forwardedHeaders());
            lab.store().users().add("ada", Role.ADMIN, "ada's password".toCharArray(), lab.config().auth().loginPolicy());
            HttpResponse<String> in = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/api/session"))
                    .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "192.0.2.7")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"ada\", \"password\": \"ada's password\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, in.statusCode(), in.body());
            return in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        }
    }
}
