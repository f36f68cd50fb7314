package org.physlab.server.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.physlab.api.Parameter;

/**
 * A parameter of an experiment as clients see it (the plugin's extra check function stays inside).
 *
 * @param type         {@code int}, {@code double}, {@code boolean}, {@code enum}, {@code string},
 *                     {@code double_list} or {@code int_list}
 * @param defaultValue the default, or null when the parameter is required
 * @param min          inclusive lower bound of numbers and list elements, or null
 * @param max          inclusive upper bound, or null
 * @param minLength    least number of list elements or string characters (0: no minimum)
 * @param choices      the allowed values of an enum, else empty
 */
public record ParameterView(String name, String type, @JsonProperty("default") Object defaultValue, Double min,
                            Double max, int minLength, List<String> choices, String unit, String help,
                            String group, boolean required) {

    public static ParameterView of(Parameter p) {
        return new ParameterView(p.name(), p.type().name().toLowerCase(Locale.ROOT), p.defaultValue(), p.min(),
                p.max(), p.minLength(), p.choices(), p.unit(), p.help(), p.group(), p.required());
    }
}
