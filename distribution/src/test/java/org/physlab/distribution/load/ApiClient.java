package org.physlab.distribution.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated user's HTTP client for the REST API (its own connection pool, as each browser has),
 * timing every request under an endpoint label and recording every answer that is not the expected
 * status as an error.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A request the server does not answer within this long counts as an error. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    /** A request that did not get its expected answer. */
    record Failure(String endpoint, String uri, int status, String detail) {
        @Override
        public String toString() {
            return endpoint + " " + uri + " -> " + (status < 0 ? "no answer" : Integer.toString(status)) + ": " + detail;
        }
    }

    /** What all clients of one load test share. */
    static final class Tally {
        final Latencies latencies = new Latencies();
        final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger deliberate = new AtomicInteger();
    }

    private final HttpClient http;
    private final String base;
    private final Tally tally;
    /** Whether latencies are recorded (the final checks are not part of the measured load). */
    private final boolean timed;

    ApiClient(String baseUrl, Tally tally, boolean timed) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        this.base = baseUrl;
        this.tally = tally;
        this.timed = timed;
    }

    /** GET expecting 200; null (and an error recorded) otherwise. */
    JsonNode get(String endpoint, String path) {
        return send(endpoint, HttpRequest.newBuilder(uri(path)).GET(), 200);
    }

    /** POST of a JSON body expecting {@code status}; the answer's JSON, or null (and an error recorded) otherwise. */
    JsonNode post(String endpoint, String path, Object body, int status) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(endpoint, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), status);
    }

    /**
     * Sends a request whose non-2xx answer is wanted (a deliberate error): counted apart, and an error only
     * if the status differs.
     */
    JsonNode deliberate(String endpoint, HttpRequest.Builder request, int status) {
        JsonNode answer = send(endpoint, request, status);
        if (answer != null) tally.deliberate.incrementAndGet();
        return answer;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    private JsonNode send(String endpoint, HttpRequest.Builder request, int expected) {
        HttpRequest r = request.timeout(REQUEST_TIMEOUT).build();
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            tally.failures.add(new Failure(endpoint, r.uri().toString(), -1, e.toString()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.failures.add(new Failure(endpoint, r.uri().toString(), -1, "interrupted"));
            return null;
        }
        long nanos = System.nanoTime() - t0;
        if (timed) tally.latencies.add(endpoint, nanos);
        if (response.statusCode() != expected) {
            String body = response.body();
            tally.failures.add(new Failure(endpoint, r.uri().toString(), response.statusCode(),
                    "expected " + expected + "; " + (body.length() > 300 ? body.substring(0, 300) + "…" : body)));
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            tally.failures.add(new Failure(endpoint, r.uri().toString(), response.statusCode(), "not JSON: " + e.getMessage()));
            return null;
        }
    }

    static List<Failure> snapshot(Tally tally) {
        return List.copyOf(tally.failures);
    }
}
