package org.physlab.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestHeaderTest {

    @Test
    void parsesClausesWithQuotedValuesAndDirectives() {
        List<ManifestHeader.Clause> clauses = ManifestHeader.parse(
                "org.slf4j;uses:=\"org.slf4j.event,org.slf4j.spi\";version=\"2.0.16\",org.nd4j.linalg.factory,"
                        + "a.b;c.d;version:Version=1.2;resolution:=optional");

        assertEquals(3, clauses.size());
        assertEquals(List.of("org.slf4j"), clauses.get(0).names());
        assertEquals("2.0.16", clauses.get(0).attribute("version"));
        assertEquals("org.slf4j.event,org.slf4j.spi", clauses.get(0).directive("uses"));
        assertEquals(new ManifestHeader.Clause(List.of("org.nd4j.linalg.factory"), Map.of(), Map.of()), clauses.get(1));
        assertEquals(List.of("a.b", "c.d"), clauses.get(2).names());
        assertEquals("1.2", clauses.get(2).attribute("version"));
        assertEquals("optional", clauses.get(2).directive("resolution"));
    }

    @Test
    void anAbsentHeaderHasNoClauses() {
        assertEquals(List.of(), ManifestHeader.parse(null));
        assertEquals(List.of(), ManifestHeader.parse("  "));
    }

    @Test
    void keepsARangeWhole() {
        ManifestHeader.Clause clause = ManifestHeader.parse("org.physlab.api;version=\"[1.1,2)\"").get(0);
        assertEquals("[1.1,2)", clause.attribute("version"));
    }
}
