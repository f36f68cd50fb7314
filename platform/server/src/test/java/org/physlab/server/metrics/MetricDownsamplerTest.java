package org.physlab.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.physlab.store.MetricPoint;

class MetricDownsamplerTest {

    private static List<MetricPoint> series(int n, java.util.function.LongToDoubleFunction f) {
        List<MetricPoint> points = new ArrayList<>(n);
        for (long s = 0; s < n; s++) points.add(new MetricPoint("loss", s, f.applyAsDouble(s), 1000 + s));
        return points;
    }

    @Test
    void aShortSeriesIsReturnedAsItIs() {
        List<MetricPoint> points = series(10, s -> s * 0.5);
        assertSame(points, MetricDownsampler.downsample(points, 10));
    }

    @Test
    void aLongSeriesShrinksToAtMostMaxPointsKeepingFirstLastAndOrder() {
        List<MetricPoint> points = series(100_000, s -> Math.exp(-s / 20_000.0) + 0.01 * Math.sin(s));
        List<MetricPoint> thin = MetricDownsampler.downsample(points, 500);
        assertTrue(thin.size() <= 500 && thin.size() >= 400, "size " + thin.size());
        assertEquals(0, thin.get(0).step());
        assertEquals(99_999, thin.get(thin.size() - 1).step());
        for (int i = 1; i < thin.size(); i++) assertTrue(thin.get(i).step() > thin.get(i - 1).step());
    }

    @Test
    void spikesSurviveBecauseEachBucketKeepsItsExtremes() {
        List<MetricPoint> points = series(100_000, s -> s == 53_217 ? 42.0 : s == 71_003 ? -7.0 : 1.0);
        List<MetricPoint> thin = MetricDownsampler.downsample(points, 200);
        assertTrue(thin.stream().anyMatch(p -> p.step() == 53_217 && p.value() == 42.0));
        assertTrue(thin.stream().anyMatch(p -> p.step() == 71_003 && p.value() == -7.0));
        double max = thin.stream().mapToDouble(MetricPoint::value).max().orElseThrow();
        double min = thin.stream().mapToDouble(MetricPoint::value).min().orElseThrow();
        assertEquals(42.0, max);
        assertEquals(-7.0, min);
    }

    @Test
    void twoPointsMeansFirstAndLast() {
        List<MetricPoint> thin = MetricDownsampler.downsample(series(1000, s -> s), 2);
        assertEquals(List.of(0L, 999L), thin.stream().map(MetricPoint::step).toList());
    }

    @Test
    void fewerThanTwoPointsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MetricDownsampler.downsample(series(10, s -> s), 1));
    }
}
