package org.physlab.oscillator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The lecture's reference values (see src/test/resources/org/physlab/oscillator/reference/README.md). */
public final class ReferenceData {
    private ReferenceData() { }

    public static JsonNode rk4Anchors() {
        return read("duffing_rk4_anchors.json");
    }

    public static JsonNode resizeAnchors() {
        return read("jax_resize_400to50_anchors.json");
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    private static JsonNode read(String name) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("reference/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource reference/" + name);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
