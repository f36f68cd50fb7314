package org.physlab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON text kept in {@code runs.parameters_json} and {@code runs.summary_json}. Maps keep their
 * order both ways; whole numbers read back as {@link Long}, others as {@link Double}, arrays as lists.
 */
final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<LinkedHashMap<String, Object>> PARAMETERS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, Double>> SUMMARY = new TypeReference<>() { };

    private JsonColumns() { }

    static String parameters(Map<String, Object> parameters) {
        try {
            return MAPPER.writeValueAsString(parameters == null ? Map.of() : parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the run's parameters cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> parameters(String json) {
        return read(json, PARAMETERS, "parameters");
    }

    /** The summary as JSON; every value must be finite (JSON has no NaN or infinity). */
    static String summary(Map<String, Double> summary) {
        if (summary == null) {
            return "{}";
        }
        for (Map.Entry<String, Double> e : summary.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("summary value of '" + e.getKey() + "' must be a finite number, was "
                        + e.getValue());
            }
        }
        try {
            return MAPPER.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the run's summary cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Double> summary(String json) {
        return read(json, SUMMARY, "summary");
    }

    private static <T> T read(String json, TypeReference<T> type, String what) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("the stored " + what + " JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
