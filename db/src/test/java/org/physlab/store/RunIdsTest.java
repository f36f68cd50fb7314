package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Run ids: UTC creation time to the second, then four random hex digits. */
class RunIdsTest {

    @Test
    void anIdIsTheUtcTimeAndFourHexDigits() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T14:55:01.987Z"), ZoneOffset.ofHours(9));
        RunIds ids = new RunIds(clock, new Random(7));

        String id = ids.get();

        assertTrue(id.startsWith("20261123-145501-"), id);
        assertTrue(RunIds.FORMAT.matcher(id).matches(), id);
    }

    @Test
    void idsOfOneSecondDifferInTheirSuffix() {
        RunIds ids = new RunIds(Clock.fixed(Instant.parse("2026-11-23T14:55:01Z"), ZoneOffset.UTC), new Random(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(ids.get());
        }
        assertTrue(seen.size() >= 49, "50 draws from 65,536 suffixes rarely collide: " + seen.size());
    }

    @Test
    void idsSortByCreationTime() {
        String earlier = new RunIds(Clock.fixed(Instant.parse("2026-11-23T09:59:59Z"), ZoneOffset.UTC), new Random(1)).get();
        String later = new RunIds(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), new Random(2)).get();
        assertEquals(-1, Integer.signum(earlier.compareTo(later)));
    }
}
