package org.physlab.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSchemaTest {

    /** A schema like the oscillator's: numbers with ranges, an enum, lists, a cross-field check. */
    private final ParameterSchema schema = ParameterSchema.builder()
            .group("Physics")
            .add(Parameter.real("gamma").defaultValue(0.5).min(0).unit("1/s").help("damping rate"))
            .add(Parameter.real("omegaStart").defaultValue(-4.0))
            .add(Parameter.real("omegaStop").defaultValue(4.0))
            .group("Training")
            .add(Parameter.integer("bins").defaultValue(50).min(2).help("points per resized curve"))
            .add(Parameter.integers("hidden").defaultValue("100").minLength(1).min(1))
            .add(Parameter.reals("forces").defaultValue(List.of(0.1, 2.0)))
            .add(Parameter.choice("solver", "euler", "rk4", "tsit5").defaultValue("rk4"))
            .add(Parameter.bool("dropout").defaultValue(false))
            .add(Parameter.text("label").defaultValue(""))
            .constraint(p -> p.getDouble("omegaStop") > p.getDouble("omegaStart") ? null
                    : FieldError.of("omegaStop", "must be above omegaStart (" + p.getDouble("omegaStart") + ")"))
            .build();

    @Test
    void defaultsFillEveryUnsetParameter() {
        Parameters p = schema.validate(Map.of());
        assertEquals(0.5, p.getDouble("gamma"));
        assertEquals(50, p.getInt("bins"));
        assertArrayEquals(new int[] {100}, p.getInts("hidden"));
        assertArrayEquals(new double[] {0.1, 2.0}, p.getDoubles("forces"));
        assertEquals("rk4", p.getString("solver"));
        assertFalse(p.getBoolean("dropout"));
        assertEquals(List.of("gamma", "omegaStart", "omegaStop", "bins", "hidden", "forces", "solver", "dropout", "label"),
                List.copyOf(p.asMap().keySet()), "values keep schema order");
    }

    @Test
    void parsesTextAsTypedOnACommandLine() {
        Parameters p = schema.validate(Map.of("gamma", "1.5", "bins", "1e2", "hidden", "[100, 50]",
                "forces", "0.1,0.5 , 1", "solver", "tsit5", "dropout", "yes"));
        assertEquals(1.5, p.getDouble("gamma"));
        assertEquals(100, p.getInt("bins"));
        assertArrayEquals(new int[] {100, 50}, p.getInts("hidden"));
        assertArrayEquals(new double[] {0.1, 0.5, 1}, p.getDoubles("forces"));
        assertTrue(p.getBoolean("dropout"));
    }

    @Test
    void acceptsJsonValues() {
        Parameters p = schema.validate(Map.of("gamma", 2, "bins", 64L, "hidden", List.of(32, 32), "dropout", true));
        assertEquals(2.0, p.getDouble("gamma"));
        assertEquals(64, p.getInt("bins"));
        assertArrayEquals(new int[] {32, 32}, p.getInts("hidden"));
    }

    @Test
    void reportsEveryFieldErrorAtOnce() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("gamma", "-0.1");
        bad.put("bins", "1");
        bad.put("hidden", "100,0");
        bad.put("forces", "0.1,abc");
        bad.put("solver", "leapfrog");
        bad.put("dropout", "maybe");
        bad.put("omega", "3");
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> schema.validate(bad));
        Map<String, String> byName = new LinkedHashMap<>();
        e.errors().forEach(f -> byName.put(f.parameter(), f.message()));
        assertEquals("must be at least 0, got -0.1", byName.get("gamma"));
        assertEquals("must be at least 2, got 1", byName.get("bins"));
        assertEquals("element 2 must be at least 1, got 0", byName.get("hidden"));
        assertEquals("element 2: expected a number, got 'abc'", byName.get("forces"));
        assertEquals("must be one of euler, rk4, tsit5, got 'leapfrog'", byName.get("solver"));
        assertEquals("expected true or false, got 'maybe'", byName.get("dropout"));
        assertTrue(byName.get("omega").startsWith("unknown parameter; known: gamma, omegaStart"), byName.get("omega"));
        assertEquals(7, e.errors().size());
        assertTrue(e.getMessage().contains("bins: must be at least 2, got 1"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteNumbersAndEmptyLists() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> schema.validate(Map.of("gamma", "NaN", "hidden", "[]", "omegaStart", Double.POSITIVE_INFINITY)));
        assertEquals(3, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().contains("gamma: must be a finite number"), e.getMessage());
        assertTrue(e.getMessage().contains("hidden: needs at least 1 element, got 0"), e.getMessage());
    }

    @Test
    void crossFieldConstraintsRunOnceFieldsAreValid() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> schema.validate(Map.of("omegaStart", "4", "omegaStop", "-4")));
        assertEquals(List.of(FieldError.of("omegaStop", "must be above omegaStart (4.0)")), e.errors());
    }

    @Test
    void requiredParametersMustBeGiven() {
        ParameterSchema s = ParameterSchema.builder().add(Parameter.text("mesh").required().minLength(1)).build();
        assertEquals(List.of(FieldError.of("mesh", "is required")),
                assertThrows(InvalidParametersException.class, () -> s.validate(Map.of())).errors());
        assertEquals(List.of(FieldError.of("mesh", "must not be empty")),
                assertThrows(InvalidParametersException.class, () -> s.validate(Map.of("mesh", ""))).errors());
        assertEquals("disk:r=1,n=8", s.validate(Map.of("mesh", "disk:r=1,n=8")).getString("mesh"));
    }

    @Test
    void customChecksAndGroups() {
        ParameterSchema s = ParameterSchema.builder()
                .group("Moduli")
                .add(Parameter.text("psi").defaultValue("0").check(v -> ((String) v).contains("nan") ? "must be finite" : null))
                .add(Parameter.integer("degree").defaultValue(3).range(1, 8).group("Basis"))
                .build();
        assertEquals("Moduli", s.parameter("psi").orElseThrow().group());
        assertEquals("Basis", s.parameter("degree").orElseThrow().group());
        assertEquals("psi: must be finite", assertThrows(InvalidParametersException.class,
                () -> s.validate(Map.of("psi", "nan+1i"))).getMessage());
        assertEquals("degree: must be at most 8, got 9", assertThrows(InvalidParametersException.class,
                () -> s.validate(Map.of("degree", 9))).getMessage());
    }

    @Test
    void aBadDefaultIsAProgrammingErrorCaughtAtDefinition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.integer("steps").defaultValue("many").build());
        assertEquals("default of 'steps': expected an integer, got 'many'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterSchema.builder()
                .add(Parameter.real("x")).add(Parameter.real("x")));
    }

    @Test
    void enumsMapToJavaEnums() {
        enum Solver { EULER, RK4, TSIT5 }
        Parameters p = schema.validate(Map.of("solver", "tsit5"));
        assertEquals(Solver.TSIT5, p.getEnum("solver", Solver.class));
    }
}
