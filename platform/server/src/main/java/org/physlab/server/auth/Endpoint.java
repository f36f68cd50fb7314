package org.physlab.server.auth;

import java.util.List;
import java.util.Objects;

/**
 * One endpoint of the REST API: a method, a path template and the {@link Access} it needs. Templates are
 * absolute paths whose segments are literal, {@code {name}} (one segment) or, last, {@code {name+}} (one or
 * more segments, for metric keys with slashes): {@code /api/runs/{run}/metrics/{key+}}.
 */
public record Endpoint(String method, String path, Access access) {
    private static final String[] NONE = new String[0];

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("an endpoint path starts with /: " + path);
    }

    public static Endpoint get(String path, Access access) {
        return new Endpoint("GET", path, access);
    }

    public static Endpoint post(String path, Access access) {
        return new Endpoint("POST", path, access);
    }

    public static Endpoint put(String path, Access access) {
        return new Endpoint("PUT", path, access);
    }

    public static Endpoint delete(String path, Access access) {
        return new Endpoint("DELETE", path, access);
    }

    /** Whether the path template matches {@code segments} (the request path split at '/', decoded, without empties). */
    public boolean matchesPath(List<String> segments) {
        String[] template = segments(path);
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("+}")) return i == template.length - 1 && segments.size() > i;
            if (i >= segments.size()) return false;
            if (!t.startsWith("{") && !t.equals(segments.get(i))) return false;
        }
        return template.length == segments.size();
    }

    private static String[] segments(String path) {
        String trimmed = path.substring(1);
        return trimmed.isEmpty() ? NONE : trimmed.split("/");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
