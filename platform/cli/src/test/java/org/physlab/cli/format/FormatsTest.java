package org.physlab.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void numbersShowSixSignificantDigitsAtMost() {
        assertEquals("200", Formats.number(200.0));
        assertEquals("-3", Formats.number(-3.0));
        assertEquals("0.0123457", Formats.number(0.0123456789));
        assertEquals("3.14159", Formats.number(Math.PI));
        assertEquals("1234567", Formats.number(1234567.0));
        assertEquals("1.5e-07", Formats.number(1.5e-7));
        assertEquals("-2.34568e+09", Formats.number(-2345678901.5));
        assertEquals("NaN", Formats.number(Double.NaN));
    }

    @Test
    void valuesLookAsTheyAreTypedWithSet() {
        assertEquals("100,100", Formats.value(List.of(100L, 100L)));
        assertEquals("0.5,1.25", Formats.value(new double[] {0.5, 1.25}));
        assertEquals("3,4", Formats.value(new int[] {3, 4}));
        assertEquals("0.5", Formats.value(0.5));
        assertEquals("rk4", Formats.value("rk4"));
        assertEquals("true", Formats.value(true));
        assertEquals("", Formats.value(null));
    }

    @Test
    void durationsGrowCoarserWithLength() {
        assertEquals("0.42 s", Formats.duration(0.421));
        assertEquals("12.3 s", Formats.duration(12.34));
        assertEquals("3 min 05 s", Formats.duration(185));
        assertEquals("2 h 07 min", Formats.duration(2 * 3600 + 7 * 60 + 12));
    }

    @Test
    void messagesAreKeptOnOneLine() {
        assertEquals("a b c", Formats.oneLine("a\n  b\r\nc\n"));
    }
}
