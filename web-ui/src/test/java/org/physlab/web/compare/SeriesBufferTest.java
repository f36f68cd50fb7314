package org.physlab.web.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.physlab.store.MetricPoint;
import org.physlab.web.charts.ChartSeries;

class SeriesBufferTest {

    private static List<MetricPoint> points(long from, long to, double value) {
        List<MetricPoint> list = new ArrayList<>();
        for (long s = from; s <= to; s++) list.add(new MetricPoint("loss", s, value, 0));
        return list;
    }

    @Test
    void growsPageByPageAndRemembersTheLastStep() {
        SeriesBuffer buffer = new SeriesBuffer();
        assertEquals(Long.MIN_VALUE, buffer.lastStep());
        buffer.append(points(1, 60_000, 1.0));
        buffer.append(points(60_001, 100_000, 0.5));

        assertEquals(100_000, buffer.size());
        assertEquals(100_000, buffer.lastStep());
        ChartSeries s = buffer.toSeries("run a", "#1f77b4");
        assertEquals(100_000, s.size());
        assertEquals("#1f77b4", s.color());
        assertEquals(0.5, s.y()[99_999]);
    }

    @Test
    void pointsAlreadyReadAreNotAddedTwice() {
        SeriesBuffer buffer = new SeriesBuffer();
        buffer.append(points(1, 3, 1.0));
        buffer.append(points(2, 4, 2.0));
        assertArrayEquals(new double[] {1, 2, 3, 4}, buffer.toSeries("a", null).x());
        assertArrayEquals(new double[] {1, 1, 1, 2}, buffer.toSeries("a", null).y());
    }

    @Test
    void knowsWhetherALogAxisCanShowEveryValue() {
        SeriesBuffer buffer = new SeriesBuffer();
        assertFalse(buffer.allPositive());
        buffer.append(points(1, 3, 0.1));
        assertTrue(buffer.allPositive());
        buffer.append(List.of(new MetricPoint("loss", 4, 0.0, 0)));
        assertFalse(buffer.allPositive());
    }
}
