package org.physlab.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricsExportTest {

    @Test
    void plainCellsStayPlainAndOthersAreQuotedAsRfc4180Says() {
        assertEquals("loss", MetricsExport.csvCell("loss"));
        assertEquals("\"a,b\"", MetricsExport.csvCell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", MetricsExport.csvCell("say \"hi\""));
        assertEquals("\"two\nlines\"", MetricsExport.csvCell("two\nlines"));
    }

    @Test
    void formatsAreParsedIgnoringCaseAndUnknownOnesNamed() {
        assertEquals(MetricsExport.Format.CSV, MetricsExport.Format.parse("CSV"));
        assertEquals(MetricsExport.Format.JSON, MetricsExport.Format.parse(" json "));
        var e = assertThrows(IllegalArgumentException.class, () -> MetricsExport.Format.parse("xml"));
        assertEquals("format must be csv or json, got 'xml'", e.getMessage());
        assertEquals("run-abc-metrics.csv", MetricsExport.Format.CSV.fileName("abc"));
    }
}
