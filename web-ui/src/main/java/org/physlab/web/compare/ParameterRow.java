package org.physlab.web.compare;

import java.util.List;

/**
 * One row of the comparison's parameter table.
 *
 * @param name       the parameter name, or a provenance label such as "seed"
 * @param values     one display value per compared run, in run order; null where the run has no such parameter
 * @param differs    whether the runs do not all have the same value (a missing value counts as a value of its own)
 * @param provenance true for the rows that describe how a run was made (experiment, plugin version, seed,
 *                   backend) rather than a parameter of the experiment
 */
public record ParameterRow(String name, List<String> values, boolean differs, boolean provenance) {
    public ParameterRow {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
