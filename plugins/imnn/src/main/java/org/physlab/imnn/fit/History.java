package org.physlab.imnn.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The statistics of every iteration of every fit so far (repeated fits append), training and — where a
 * validation set exists — validation, and the best det F reached (spec §5). Training rows belong to the
 * weights before that iteration's update, validation rows to the weights after it.
 */
public final class History {
    private final List<IterationStatistics> training = new ArrayList<>();
    private final List<IterationStatistics> validation = new ArrayList<>();
    private double maxDetF;

    void add(IterationStatistics train, IterationStatistics val) {
        training.add(train);
        if (val != null) validation.add(val);
    }

    void maxDetF(double value) { maxDetF = value; }

    /** The best early-stopping det F so far (0 before any fit). */
    public double maxDetF() { return maxDetF; }

    public int size() { return training.size(); }

    public List<IterationStatistics> training() { return Collections.unmodifiableList(training); }

    /** Empty without a validation set. */
    public List<IterationStatistics> validation() { return Collections.unmodifiableList(validation); }

    /** One column of the training rows, e.g. {@code training(IterationStatistics::detF)}. */
    public double[] training(ToDoubleFunction<IterationStatistics> column) {
        return training.stream().mapToDouble(column).toArray();
    }

    public double[] validation(ToDoubleFunction<IterationStatistics> column) {
        return validation.stream().mapToDouble(column).toArray();
    }
}
