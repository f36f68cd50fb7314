package org.physlab.oscillator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCsvTest {

    @Test
    void inlineValuesAreOneCurve() {
        assertArrayEquals(new double[][] {{0.5, 0.75, 1.25}}, ResponseCsv.resolve("0.5, 0.75;1.25"));
        assertArrayEquals(new double[][] {{0.5, 0.75, 1.25}}, ResponseCsv.resolve("0.5 0.75 1.25"));
    }

    @Test
    void aColumnWithAHeaderIsOneCurveAndRowsAreCurves() {
        assertArrayEquals(new double[][] {{1, 2, 3}}, ResponseCsv.parse("# measured\nabs_z\n1\n2\n3\n"));
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, ResponseCsv.parse("1,2\r\n3,4\r\n"));
    }

    @Test
    void aFileIsReadWhenThePathIsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.csv");
        Files.writeString(file, "omega,abs_z\n");
        assertThrows(IllegalArgumentException.class, () -> ResponseCsv.resolve(file.toString()), "header only: no numbers");
        Files.writeString(file, "0.1,0.2,0.3\n");
        assertArrayEquals(new double[][] {{0.1, 0.2, 0.3}}, ResponseCsv.resolve(file.toString()));
    }

    @Test
    void notANumberIsRejectedNamingWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResponseCsv.resolve("0.1,0.2,NaN,0.4"));
        assertTrue(e.getMessage().contains("value 3 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResponseCsv.parse("1\n2\ninf\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResponseCsv.parse("1,2\n3,x\n"));
        assertTrue(e.getMessage().contains("'x' is not a number"), e.getMessage());
    }

    @Test
    void raggedRowsMissingFilesAndEmptyInputAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseCsv.parse("1,2,3\n4,5\n")).getMessage()
                .contains("row 2 has 2 values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseCsv.resolve("/no/such/curve.csv")).getMessage()
                .contains("neither a list of numbers nor a readable file"));
        assertThrows(IllegalArgumentException.class, () -> ResponseCsv.resolve("  "));
        assertEquals(1, ResponseCsv.resolve("7").length);
    }
}
