package org.physlab.web.compare;

import java.util.Arrays;
import java.util.List;
import org.physlab.store.MetricPoint;
import org.physlab.web.charts.ChartSeries;

/**
 * The points of one run's metric read so far, grown as new points arrive (a live run): steps and
 * values in primitive arrays, so 100,000 points cost under 2 MB and no boxing.
 */
final class SeriesBuffer {
    private double[] x = new double[256];
    private double[] y = new double[256];
    private int size;
    private long lastStep = Long.MIN_VALUE;

    /** Appends points read after {@link #lastStep()} (ordered by step); points at or before it are skipped. */
    void append(List<MetricPoint> points) {
        for (MetricPoint p : points) {
            if (p.step() <= lastStep) continue;
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
            }
            x[size] = p.step();
            y[size] = p.value();
            size++;
            lastStep = p.step();
        }
    }

    /** The highest step read, or {@link Long#MIN_VALUE} before any point: read on with {@code metrics(run, key, lastStep(), n)}. */
    long lastStep() {
        return lastStep;
    }

    int size() {
        return size;
    }

    /** Whether every value read is a positive number (a log axis can show them all). */
    boolean allPositive() {
        for (int i = 0; i < size; i++) if (!(y[i] > 0)) return false;
        return size > 0;
    }

    ChartSeries toSeries(String label, String color) {
        return new ChartSeries(label, color, Arrays.copyOf(x, size), Arrays.copyOf(y, size), false);
    }
}
