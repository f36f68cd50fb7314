package org.physlab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;
import org.physlab.store.Role;
import org.physlab.store.UserAccount;

/**
 * {@code /api/users} (admins): list users, add one ({@code {"name", "role", "password"}}), change a role
 * ({@code PUT /api/users/{name}/role}), remove one. Every change goes to the audit log.
 */
final class UsersServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    UsersServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/users", Access.ADMIN),
                Endpoint.post("/api/users", Access.ADMIN),
                Endpoint.put("/api/users/{user}/role", Access.ADMIN),
                Endpoint.delete("/api/users/{user}", Access.ADMIN));
    }

    static Map<String, Object> view(UserAccount u) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", u.name());
        v.put("role", u.role().id());
        v.put("createdAt", u.createdAt());
        v.put("lockedUntil", u.lockedUntil());
        return v;
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        List<String> seg = call.segments();
        var users = auth.users();
        if (seg.isEmpty() && call.method().equals("GET")) {
            call.json(users.list().stream().map(UsersServlet::view).toList());
        } else if (seg.isEmpty()) {
            JsonNode body = call.jsonBody();
            String name = text(body, "name");
            Role role = role(body.has("role") ? text(body, "role") : "member");
            char[] password = text(body, "password").toCharArray();
            UserAccount added;
            try {
                added = users.add(name, role, password, auth.settings().loginPolicy());
            } catch (IllegalArgumentException e) {
                throw e.getMessage().contains("exists already") ? ApiException.conflict(e.getMessage())
                        : ApiException.badRequest(e.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
            audit(call, "user.add", added.name(), "role " + added.role());
            call.response().setHeader("Location", "/api/users/" + added.name());
            call.json(201, view(added));
        } else if (call.method().equals("PUT")) {
            String name = seg.get(0);
            JsonNode body = call.jsonBody();
            Role role = role(body.isObject() ? text(body, "role") : body.asText());
            UserAccount before = users.find(name).orElseThrow(() -> ApiException.notFound("no user '" + name + "'"));
            if (before.role() == Role.ADMIN && role != Role.ADMIN && users.adminCount() == 1) {
                throw ApiException.conflict(name + " is the only admin; make another user admin first");
            }
            if (!users.setRole(name, role)) throw ApiException.notFound("no user '" + name + "'");
            audit(call, "user.role", name, "role " + role);
            call.json(view(users.find(name).orElseThrow()));
        } else {
            String name = seg.get(0);
            if (name.equals(call.caller().name())) {
                throw ApiException.conflict("an admin cannot remove themselves; another admin can");
            }
            if (!users.remove(name)) throw ApiException.notFound("no user '" + name + "'");
            audit(call, "user.remove", name, null);
            call.noContent();
        }
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.isObject() ? body.get(field) : null;
        if (v == null || !v.isTextual()) throw ApiException.badRequest("'" + field + "' (a string) is required");
        return v.asText();
    }
}
