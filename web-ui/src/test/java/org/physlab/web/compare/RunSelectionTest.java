package org.physlab.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSelectionTest {

    @Test
    void readsCommaSeparatedIdsDroppingBlanksAndRepeats() {
        assertEquals(List.of("a1", "b2", "c3"), RunSelection.parse(" a1, b2,,a1 ,c3,").ids());
    }

    @Test
    void noQueryIsAnEmptySelection() {
        assertTrue(RunSelection.parse((String) null).isEmpty());
        assertTrue(RunSelection.parse("  ").isEmpty());
        assertTrue(RunSelection.parse(",,").isEmpty());
    }

    @Test
    void repeatedQueryParametersAreJoined() {
        assertEquals(List.of("a", "b", "c"), RunSelection.parse(List.of("a,b", "c", "a")).ids());
    }

    @Test
    void addingAndRemovingKeepsTheOrderAndWritesTheQueryBack() {
        RunSelection s = RunSelection.parse("a,b");
        assertEquals("a,b,c", s.with("c").toQuery());
        assertEquals("a,b", s.with("a").toQuery());
        assertEquals("b,c", s.with("c").without("a").toQuery());
        assertEquals("a,b", s.without("zz").toQuery());
        assertEquals("", s.without("a").without("b").toQuery());
    }
}
