package org.physlab.oscillator.nets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.physlab.oscillator.duffing.FrequencySweep;

/**
 * What a trained network needs to be used again: what its input is and how it was made from a
 * response (sweep, initial amplitude, resize method, bins, forces…), written as sorted
 * {@code key=value} lines next to the weights.
 */
public final class ModelCard {
    /** Identifies the file format; bumped when keys change incompatibly. */
    public static final String FORMAT = "physlab.oscillator.model/1";

    /** The network reads one resized response curve. */
    public static final String KIND_CURVE = "curve";
    /** The network reads a force-sweep image. */
    public static final String KIND_IMAGE = "image";

    private final Map<String, String> values;

    private ModelCard(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Builder builder(String kind) {
        return new Builder().put("format", FORMAT).put("kind", kind);
    }

    /** Parses the text written by {@link #toText()}. */
    public static ModelCard parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        ModelCard card = new ModelCard(m);
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("not an oscillator model card (format '" + m.get("format") + "', expected " + FORMAT + ")");
        }
        return card;
    }

    /** Sorted {@code key=value} lines. */
    public String toText() {
        StringBuilder b = new StringBuilder("# Physlab oscillator model\n");
        values.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
        return b.toString();
    }

    public String kind() {
        return string("kind");
    }

    public Map<String, String> values() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("model card lacks '" + key + "'");
        return v;
    }

    public double number(String key) {
        try {
            return Double.parseDouble(string(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model card entry '" + key + "' is not a number: " + values.get(key));
        }
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model card entry '" + key + "' is not an integer: " + values.get(key));
        }
    }

    public int[] integers(String key) {
        String s = string(key).trim();
        if (s.isEmpty()) return new int[0];
        return Arrays.stream(s.split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
    }

    /** The frequency sweep the network's training curves were simulated with (see {@link Builder#sweep}). */
    public FrequencySweep sweep() {
        return new FrequencySweep(number("sweep.omegaStart"), number("sweep.omegaStop"), number("sweep.tEnd"),
                integer("sweep.steps"));
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects the entries of a card. */
    public static final class Builder {
        private final Map<String, String> values = new TreeMap<>();

        public Builder put(String key, String value) {
            values.put(key, value);
            return this;
        }

        public Builder put(String key, double value) {
            return put(key, Double.toString(value));
        }

        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        public Builder put(String key, int[] value) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < value.length; i++) b.append(i == 0 ? "" : ",").append(value[i]);
            return put(key, b.toString());
        }

        /** Records the simulated sweep, so that {@link ModelCard#sweep()} can repeat it for a measured curve. */
        public Builder sweep(FrequencySweep sweep) {
            return put("sweep.omegaStart", sweep.omegaStart())
                    .put("sweep.omegaStop", sweep.omegaStop())
                    .put("sweep.tEnd", sweep.tEnd())
                    .put("sweep.steps", sweep.steps());
        }

        public ModelCard build() {
            return new ModelCard(values);
        }
    }
}
