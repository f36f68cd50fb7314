package org.physlab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.server.json.Json;

/**
 * Reads the body of {@code POST /api/runs}:
 * {@code {"experiment": "…", "parameters": {…}, "seed": 42, "tags": […], "notes": "…", "timeLimitSeconds": 60,
 * "priority": 0, "user": "ada"}}. Only {@code experiment} is required. {@code user} names the run's owner
 * for fair-share scheduling while the server has no logins (the default is the server's {@code physlab.user});
 * with logins the owner is the caller, and the servlet refuses a {@code user} naming anyone else. A seed may also be a string of digits, for clients whose
 * numbers lose precision beyond 2^53.
 */
final class LaunchBody {
    private static final Set<String> FIELDS = Set.of("experiment", "parameters", "seed", "tags", "notes",
            "timeLimitSeconds", "priority", "user");

    private LaunchBody() { }

    /** @throws ApiException (400) naming the field that is wrong */
    static LaunchRequest parse(JsonNode body, String user) {
        if (!body.isObject()) throw ApiException.badRequest("the body must be a JSON object");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("unknown field '" + f + "'; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        JsonNode exp = body.get("experiment");
        if (exp == null || !exp.isTextual() || exp.asText().isBlank()) {
            throw ApiException.badRequest("'experiment' (the experiment id, a string) is required");
        }
        String owner = text(body.get("user"), "user").trim();
        return new LaunchRequest(exp.asText().trim(), parameters(body.get("parameters")), seed(body.get("seed")),
                tags(body.get("tags")), text(body.get("notes"), "notes"), owner.isEmpty() ? user : owner,
                timeLimit(body.get("timeLimitSeconds")), priority(body.get("priority")));
    }

    private static int priority(JsonNode node) {
        if (node == null || node.isNull()) return 0;
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.badRequest("'priority' must be a whole number (higher runs first among your queued runs), got "
                    + node);
        }
        return node.asInt();
    }

    private static Map<String, Object> parameters(JsonNode node) {
        if (node == null || node.isNull()) return Map.of();
        if (!node.isObject()) throw ApiException.badRequest("'parameters' must be an object of name: value");
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class)));
        return out;
    }

    private static Long seed(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isIntegralNumber() && node.canConvertToLong()) return node.asLong();
        if (node.isTextual()) {
            try {
                return new BigInteger(node.asText().trim()).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                // fall through
            }
        }
        throw ApiException.badRequest("'seed' must be a whole number in the 64-bit range, got " + node);
    }

    static List<String> tags(JsonNode node) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw ApiException.badRequest("'tags' must be an array of strings");
        List<String> tags = new ArrayList<>();
        for (JsonNode t : node) {
            if (!t.isTextual() || t.asText().isBlank()) {
                throw ApiException.badRequest("every tag must be a non-empty string, got " + t);
            }
            String tag = t.asText().trim();
            if (!tags.contains(tag)) tags.add(tag);
        }
        return tags;
    }

    static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) return "";
        if (!node.isTextual()) throw ApiException.badRequest("'" + field + "' must be a string");
        return node.asText();
    }

    private static Duration timeLimit(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (!node.isNumber() || !(node.asDouble() > 0) || !Double.isFinite(node.asDouble())) {
            throw ApiException.badRequest("'timeLimitSeconds' must be a positive number, got " + node);
        }
        return Duration.ofMillis(Math.max(1, Math.round(node.asDouble() * 1000)));
    }
}
