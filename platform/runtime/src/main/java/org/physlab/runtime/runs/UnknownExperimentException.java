package org.physlab.runtime.runs;

/** No installed plugin offers an experiment of this id. */
public class UnknownExperimentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String experimentId;

    public UnknownExperimentException(String experimentId, java.util.Collection<String> known) {
        super("unknown experiment '" + experimentId + "'" + (known.isEmpty() ? " (no plugin is installed)"
                : "; installed: " + String.join(", ", known)));
        this.experimentId = experimentId;
    }

    public String experimentId() {
        return experimentId;
    }
}
