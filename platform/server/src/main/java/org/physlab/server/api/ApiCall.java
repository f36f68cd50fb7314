package org.physlab.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.physlab.server.json.Json;

/**
 * One request to the API and its response: the path below the servlet split into segments, typed
 * query parameters with clear errors, the JSON body, and JSON answers.
 */
public final class ApiCall {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final List<String> segments;
    private org.physlab.server.auth.Caller caller;

    ApiCall(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
        String info = request.getPathInfo();
        List<String> parts = new ArrayList<>();
        if (info != null) {
            for (String s : info.split("/")) if (!s.isEmpty()) parts.add(s);
        }
        this.segments = List.copyOf(parts);
    }

    /** Who makes the request (set before the handler runs; null only on the public login endpoint). */
    public org.physlab.server.auth.Caller caller() {
        return caller;
    }

    void caller(org.physlab.server.auth.Caller caller) {
        this.caller = caller;
    }

    /** The whole decoded path below the context split into segments, e.g. {@code [api, runs, abc, metrics]}. */
    List<String> fullSegments() {
        List<String> parts = new ArrayList<>();
        String whole = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        for (String s : whole.split("/")) if (!s.isEmpty()) parts.add(s);
        return parts;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    public String method() {
        return request.getMethod();
    }

    /** The request path, e.g. {@code /api/runs/abc/metrics}. */
    public String path() {
        return request.getRequestURI();
    }

    /** The decoded path segments below the servlet's mapping, e.g. {@code [abc, metrics]} under {@code /api/runs/*}. */
    public List<String> segments() {
        return segments;
    }

    /** Segments from {@code from} on, joined with '/' (metric keys may contain slashes). */
    public String rest(int from) {
        return String.join("/", segments.subList(from, segments.size()));
    }

    /** Throws 405 unless the method is one of {@code allowed}. */
    public void allow(String... allowed) {
        if (!Arrays.asList(allowed).contains(method())) {
            throw new MethodNotAllowedException(method(), path(), Arrays.asList(allowed));
        }
    }

    /** A query parameter, or null when absent or blank. */
    public String query(String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public long queryLong(String name, long dflt) {
        String v = query(name);
        if (v == null) return dflt;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be a whole number, got '" + v + "'");
        }
    }

    /** An int query parameter within [min, max]. */
    public int queryInt(String name, int dflt, int min, int max) {
        long v = queryLong(name, dflt);
        if (v < min || v > max) {
            throw ApiException.badRequest("query parameter '" + name + "' must be between " + min + " and " + max
                    + ", got " + v);
        }
        return (int) v;
    }

    public boolean queryFlag(String name) {
        String v = query(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    /** The largest JSON body accepted. */
    static final int MAX_JSON_BYTES = 8 * 1024 * 1024;

    /** The body parsed as JSON; 400 when it is missing or malformed, 413 when larger than 8 MiB. */
    public JsonNode jsonBody() throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
        if (body.length > MAX_JSON_BYTES) throw new ApiException(413, "the JSON body is larger than 8 MiB");
        if (body.length == 0) throw ApiException.badRequest("the request needs a JSON body");
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Answers {@code status} with {@code value} as JSON. */
    public void json(int status, Object value) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        Json.mapper().writeValue(out, value);
    }

    public void json(Object value) throws IOException {
        json(200, value);
    }

    /** Answers 204 No Content. */
    public void noContent() {
        response.setStatus(204);
    }
}
