package org.physlab.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAlignAndNumbersMayAlignRight() {
        TextTable t = new TextTable("KEY", "VALUE").alignRight(1);
        t.row("loss", "0.5");
        t.row("validationMse", "12.25");
        t.row("note", null);
        assertEquals("""
                KEY            VALUE
                loss             0.5
                validationMse  12.25
                note
                """, t.render());
    }

    @Test
    void aBlankHeaderIsLeftOutAndCellsStayOnOneLine() {
        TextTable t = new TextTable("", "");
        t.row("error", "line one\nline two");
        assertEquals("error  line one line two\n", t.render());
    }

    @Test
    void tooManyCellsIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A").row("x", "y"));
    }
}
