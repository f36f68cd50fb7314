package org.physlab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Access;
import org.physlab.server.auth.Authenticator;
import org.physlab.server.auth.Endpoint;
import org.physlab.store.ApiToken;
import org.physlab.store.IssuedToken;

/**
 * {@code /api/tokens}: every user lists, creates ({@code {"name": "laptop"}}) and revokes their own API
 * tokens; admins also those of others ({@code ?user=} to list, {@code "user"} to create). The token is in
 * the answer to its creation only. Creations and revocations go to the audit log.
 */
final class TokensServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    TokensServlet(Physlab lab, Authenticator auth) {
        super(lab, auth);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/tokens", Access.READ),
                Endpoint.post("/api/tokens", Access.READ),
                Endpoint.delete("/api/tokens/{token}", Access.READ));
    }

    static Map<String, Object> view(ApiToken t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", t.id());
        v.put("name", t.name());
        v.put("owner", t.owner());
        v.put("createdAt", t.createdAt());
        v.put("revokedAt", t.revokedAt());
        return v;
    }

    @Override
    protected void handle(ApiCall call) throws Exception {
        var users = auth.users();
        var caller = call.caller();
        switch (call.method()) {
            case "GET" -> {
                String user = call.query("user");
                String owner = caller.isAdmin() ? user : caller.name();
                if (!caller.isAdmin() && user != null && !user.equals(caller.name())) {
                    throw new ApiException(403, "only admins list other users' tokens");
                }
                call.json(users.tokens(owner).stream().map(TokensServlet::view).toList());
            }
            case "POST" -> {
                JsonNode body = call.jsonBody();
                JsonNode name = body.isObject() ? body.get("name") : null;
                if (name == null || !name.isTextual()) throw ApiException.badRequest("'name' (what the token is for) is required");
                JsonNode forUser = body.get("user");
                String owner = forUser == null || forUser.isNull() ? caller.name() : forUser.asText();
                if (!owner.equals(caller.name()) && !caller.isAdmin()) {
                    throw new ApiException(403, "only admins create tokens for other users");
                }
                IssuedToken issued;
                try {
                    issued = users.createToken(owner, name.asText());
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(e.getMessage());
                }
                audit(call, "token.create", owner, "token " + issued.token().id() + " '" + issued.token().name() + "'");
                Map<String, Object> answer = view(issued.token());
                answer.put("token", issued.secret());
                call.json(201, answer);
            }
            default -> {
                long id;
                try {
                    id = Long.parseLong(call.segments().get(0));
                } catch (NumberFormatException e) {
                    throw ApiException.notFound("no token '" + call.segments().get(0) + "'");
                }
                ApiToken token = users.token(id).orElseThrow(() -> ApiException.notFound("no token " + id));
                if (!token.owner().equals(caller.name()) && !caller.isAdmin()) {
                    throw new ApiException(403, "only admins revoke other users' tokens");
                }
                if (!users.revokeToken(id)) throw ApiException.conflict("token " + id + " was revoked already");
                audit(call, "token.revoke", token.owner(), "token " + id + " '" + token.name() + "'");
                call.noContent();
            }
        }
    }
}
