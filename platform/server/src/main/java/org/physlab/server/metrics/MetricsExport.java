package org.physlab.server.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import org.physlab.server.json.Json;
import org.physlab.server.json.RunView;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;

/**
 * Writes every metric point of a run, reading the store page by page (CSV holds one page in memory at
 * a time, JSON one series). Shared by {@code physlab export} and {@code GET /api/runs/{id}/export}.
 *
 * <ul>
 * <li>CSV: a header {@code run,key,step,value,time} and one row per point, keys in sorted order,
 *     steps ascending; {@code time} is the ISO-8601 instant the value was logged.</li>
 * <li>JSON: {@code {"run": {…the run…}, "metrics": {"loss": {"steps": […], "values": […],
 *     "timesMillis": […]}, …}}}.</li>
 * </ul>
 */
public final class MetricsExport {
    /** The CSV header line. */
    public static final String CSV_HEADER = "run,key,step,value,time";

    private MetricsExport() { }

    /** The formats known, as typed by users. */
    public enum Format {
        CSV("text/csv; charset=utf-8", "csv"), JSON("application/json", "json");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** A file name for the export of a run, e.g. {@code run-1a2b3c4d-metrics.csv}. */
        public String fileName(String runId) {
            return "run-" + runId + "-metrics." + extension;
        }

        /** Parses {@code csv} or {@code json}, ignoring case. */
        public static Format parse(String text) {
            if (text != null) {
                for (Format f : values()) if (f.name().equalsIgnoreCase(text.trim())) return f;
            }
            throw new IllegalArgumentException("format must be csv or json, got '" + text + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static void writeCsv(RunStore store, RunRecord run, Writer out) {
        try {
            out.write(CSV_HEADER);
            out.write('\n');
            String runCell = csvCell(run.id());
            for (String key : store.metricKeys(run.id())) {
                String keyCell = csvCell(key);
                MetricReader.forEach(store, run.id(), key, Long.MIN_VALUE, p -> {
                    try {
                        out.write(runCell + ',' + keyCell + ',' + p.step() + ',' + p.value() + ','
                                + Instant.ofEpochMilli(p.timeMillis()) + '\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeJson(RunStore store, RunRecord run, OutputStream out) {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeFieldName("run");
            Json.mapper().writeValue(g, RunView.of(run));
            g.writeObjectFieldStart("metrics");
            for (String key : store.metricKeys(run.id())) {
                var points = MetricReader.readAll(store, run.id(), key, Long.MIN_VALUE);
                g.writeObjectFieldStart(key);
                g.writeArrayFieldStart("steps");
                for (var p : points) g.writeNumber(p.step());
                g.writeEndArray();
                g.writeArrayFieldStart("values");
                for (var p : points) g.writeNumber(p.value());
                g.writeEndArray();
                g.writeArrayFieldStart("timesMillis");
                for (var p : points) g.writeNumber(p.timeMillis());
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Format format, RunStore store, RunRecord run, OutputStream out) {
        if (format == Format.JSON) {
            writeJson(store, run, out);
        } else {
            Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            writeCsv(store, run, new java.io.BufferedWriter(w, 1 << 16));
        }
    }

    /** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180). */
    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
