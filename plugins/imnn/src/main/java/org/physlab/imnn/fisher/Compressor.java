package org.physlab.imnn.fisher;

/** Maps one simulation (or observed data set) to its summaries, e.g. a trained IMNN. */
@FunctionalInterface
public interface Compressor {
    /** The summaries of {@code data}. */
    double[] summaries(double[] data);
}
