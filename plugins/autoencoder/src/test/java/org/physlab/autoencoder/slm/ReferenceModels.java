package org.physlab.autoencoder.slm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** The published models of the reference data, read straight from the test resources. */
final class ReferenceModels {

    record Named(String name, int symmetryOrder, LineBundleSum model) { }

    private ReferenceModels() { }

    /** The two slide models on CICY 5302 (stored h11 x 5, the talk's orientation). */
    static List<Named> slideModels5302() {
        List<Named> out = new ArrayList<>();
        for (JsonNode m : read("/slm/cicy5302_slide_models.json").get("models")) {
            out.add(new Named(m.get("name").asText(), m.get("Gamma_order").intValue(),
                    LineBundleSum.fromKahlerRows(matrix(m.get("V_rows_kahler_cols_linebundles")))));
        }
        return out;
    }

    /** The 33 models gymCICY's agent found on CICY 6777 with |Gamma| = 2 (stored 5 x h11, row = line bundle). */
    static List<LineBundleSum> gymCicy6777() {
        List<LineBundleSum> out = new ArrayList<>();
        try (InputStream in = ReferenceModels.class.getResourceAsStream("/slm/gymCICY_6777_G2_rl_found_models.jsonl");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            ObjectMapper json = new ObjectMapper();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) out.add(LineBundleSum.of(matrix(json.readTree(line).get("V"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static JsonNode read(String resource) {
        try (InputStream in = ReferenceModels.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[][] matrix(JsonNode node) {
        int[][] m = new int[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new int[node.get(i).size()];
            for (int j = 0; j < m[i].length; j++) m[i][j] = node.get(i).get(j).intValue();
        }
        return m;
    }
}
