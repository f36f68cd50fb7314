package org.physlab.api;

/** A metric became NaN or infinite; the run fails with this message. */
public class NonFiniteMetricException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final long step;

    public NonFiniteMetricException(String key, long step, double value) {
        super((step < 0 ? "summary metric '" + key + "' is " : "metric '" + key + "' became ") + value
                + (step < 0 ? "" : " at step " + step));
        this.key = key;
        this.step = step;
    }

    public String key() {
        return key;
    }

    public long step() {
        return step;
    }
}
