package org.physlab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Caller;
import org.physlab.server.auth.Endpoint;
import org.physlab.store.LoginResult;

/**
 * {@code /api/session}: who is calling ({@code GET}), a password login that starts a browser session
 * ({@code POST {"name": …, "password": …}}, JSON only, so no cross-site form can post it) and logging out
 * ({@code DELETE}). A session reads through the REST API; changes need an API token.
 */
final class SessionServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    SessionServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/session", Access.READ),
                Endpoint.post("/api/session", Access.PUBLIC),
                Endpoint.delete("/api/session", Access.PUBLIC));
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        switch (call.method()) {
            case "GET" -> call.json(view(call.caller()));
            case "POST" -> logIn(call);
            default -> {
                HttpSession session = call.request().getSession(false);
                if (session != null) session.invalidate();
                call.noContent();
            }
        }
    }

    static Map<String, Object> view(Caller caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", caller.name());
        body.put("role", caller.role().id());
        body.put("authenticated", caller.authenticated());
        return body;
    }

    private void logIn(ApiCall call) throws Exception {
        if (!auth.enabled()) throw ApiException.conflict("logins are off on this server (physlab.auth.enabled=false)");
        String type = call.request().getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send the login as JSON: {\"name\": \"…\", \"password\": \"…\"}");
        }
        JsonNode body = call.jsonBody();
        JsonNode name = body.get("name");
        JsonNode password = body.get("password");
        if (name == null || !name.isTextual() || password == null || !password.isTextual()) {
            throw ApiException.badRequest("send {\"name\": \"…\", \"password\": \"…\"}");
        }
        char[] secret = password.asText().toCharArray();
        LoginResult result;
        try {
            result = auth.checkPassword(name.asText(), secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        switch (result.outcome()) {
            case OK -> {
                Authenticator.logIn(call.request(), result.user(), auth.settings());
                call.json(view(new Caller(result.user().name(), result.user().role(), true)));
            }
            case LOCKED -> throw new ApiException(429, "too many wrong passwords: the account is locked until "
                    + result.lockedUntil() + " (an admin can unlock it with physlab users set-password)");
            default -> throw new ApiException(401, "wrong name or password");
        }
    }
}
