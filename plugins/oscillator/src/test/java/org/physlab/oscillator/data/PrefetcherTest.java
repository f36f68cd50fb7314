package org.physlab.oscillator.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrefetcherTest {

    private static List<Long> drain(int depth) {
        SplittableRandom random = new SplittableRandom(11);
        List<Long> out = new ArrayList<>();
        try (Prefetcher<Long> p = new Prefetcher<>(20, depth, "test-prefetch", i -> random.nextLong() + i)) {
            while (p.hasNext()) out.add(p.next());
        }
        return out;
    }

    @Test
    void itemsComeInOrderAndEqualThoseMadeInline() {
        List<Long> inline = drain(0);
        assertEquals(20, inline.size());
        assertEquals(inline, drain(1));
        assertEquals(inline, drain(3));
    }

    @Test
    void aProducerFailureReachesTheConsumer() {
        try (Prefetcher<Integer> p = new Prefetcher<>(5, 2, "test-prefetch", i -> {
            if (i == 2) throw new IllegalStateException("simulation " + i + " failed");
            return i;
        })) {
            assertEquals(0, p.next());
            assertEquals(1, p.next());
            assertEquals("simulation 2 failed", assertThrows(IllegalStateException.class, p::next).getMessage());
        }
    }

    @Test
    void nextAfterTheLastItemIsAnError() {
        try (Prefetcher<Integer> p = new Prefetcher<>(1, 1, "test-prefetch", i -> i)) {
            p.next();
            assertFalse(p.hasNext());
            assertThrows(java.util.NoSuchElementException.class, p::next);
        }
    }
}
