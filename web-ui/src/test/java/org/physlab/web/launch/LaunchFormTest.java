package org.physlab.web.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.FieldError;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.web.launch.LaunchForm.Widget;

class LaunchFormTest {

    /** A schema with one parameter of every type, like a plugin would declare. */
    private final ParameterSchema schema = ParameterSchema.builder()
            .group("Training")
            .add(Parameter.integer("batches").defaultValue(100).range(1, 10_000).help("number of Adam steps"))
            .add(Parameter.real("learningRate").defaultValue(1e-3).min(0).unit("1/step"))
            .add(Parameter.bool("shuffle").defaultValue(true))
            .add(Parameter.choice("engine", "java", "dl4j"))
            .group("Data")
            .add(Parameter.text("label").defaultValue("baseline"))
            .add(Parameter.reals("gamma").defaultValue("0.5,1.5").minLength(1).min(0))
            .add(Parameter.integers("hidden").defaultValue("100, 50").minLength(1).min(1))
            .add(Parameter.text("modelRun").required().minLength(1))
            .add(Parameter.integer("population").defaultValue(10).max(1e12))
            .build();

    @Test
    void eachTypeGetsItsWidget() {
        assertEquals(Widget.INTEGER, widget("batches"));
        assertEquals(Widget.NUMBER, widget("learningRate"));
        assertEquals(Widget.CHECKBOX, widget("shuffle"));
        assertEquals(Widget.CHOICE, widget("engine"));
        assertEquals(Widget.TEXT, widget("label"));
        assertEquals(Widget.LIST, widget("gamma"));
        assertEquals(Widget.LIST, widget("hidden"));
        assertEquals(Widget.TEXT, widget("population"), "a range beyond int needs a text field");
    }

    @Test
    void defaultsFillTheFieldsInTheWidgetsTypes() {
        Map<String, Object> d = LaunchForm.defaults(schema);
        assertEquals(100, d.get("batches"));
        assertEquals(1e-3, d.get("learningRate"));
        assertEquals(true, d.get("shuffle"));
        assertEquals("java", d.get("engine"));
        assertEquals("baseline", d.get("label"));
        assertEquals("0.5, 1.5", d.get("gamma"));
        assertEquals("100, 50", d.get("hidden"));
        assertNull(d.get("modelRun"), "a required parameter starts empty");
        assertEquals("10", d.get("population"));
    }

    @Test
    void untouchedDefaultsPlusTheRequiredValueValidate() {
        Map<String, Object> fields = new LinkedHashMap<>(LaunchForm.defaults(schema));
        fields.put("modelRun", "abc123");
        LaunchForm.Collected c = LaunchForm.collect(schema, fields);
        assertEquals(List.of(), c.problems());
        Parameters p = schema.validate(c.raw());
        assertEquals(100, p.getInt("batches"));
        assertEquals(1e-3, p.getDouble("learningRate"));
        assertTrue(p.getBoolean("shuffle"));
        assertEquals("abc123", p.getString("modelRun"));
    }

    @Test
    void typedValuesBecomeRawValuesTheSchemaParses() {
        Map<String, Object> fields = new LinkedHashMap<>(LaunchForm.defaults(schema));
        fields.put("batches", 500);
        fields.put("shuffle", false);
        fields.put("gamma", " 0.1 , 0.2,0.3 ");
        fields.put("label", "  spaced  ");
        fields.put("modelRun", "r1");
        LaunchForm.Collected c = LaunchForm.collect(schema, fields);
        assertEquals(500L, c.raw().get("batches"));
        assertEquals(false, c.raw().get("shuffle"));
        assertEquals("0.1 , 0.2,0.3", c.raw().get("gamma"));
        assertEquals("  spaced  ", c.raw().get("label"), "text is sent exactly as typed");
        Parameters p = schema.validate(c.raw());
        assertEquals(3, p.getDoubles("gamma").length);
    }

    @Test
    void badListTextIsLeftForTheSchemaToReject() {
        Map<String, Object> fields = new LinkedHashMap<>(LaunchForm.defaults(schema));
        fields.put("hidden", "100, x");
        fields.put("gamma", "");
        fields.put("modelRun", "r1");
        LaunchForm.Collected c = LaunchForm.collect(schema, fields);
        assertEquals(List.of(), c.problems());
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> schema.validate(c.raw()));
        assertEquals(List.of("gamma", "hidden"), e.errors().stream().map(FieldError::parameter).toList());
    }

    @Test
    void anEmptiedNumberFieldIsAProblemNotASilentDefault() {
        Map<String, Object> fields = new LinkedHashMap<>(LaunchForm.defaults(schema));
        fields.put("batches", null);
        fields.put("engine", null);
        LaunchForm.Collected c = LaunchForm.collect(schema, fields);
        assertEquals(List.of(FieldError.of("batches", "needs a value (the default is 100)"),
                FieldError.of("engine", "needs a value (the default is java)")), c.problems());
        assertTrue(!c.raw().containsKey("batches") && !c.raw().containsKey("modelRun"),
                "empty fields are not sent; the required one is then reported by the schema");
    }

    @Test
    void mergeKeepsOneErrorPerFieldInSchemaOrder() {
        List<FieldError> local = List.of(FieldError.of("seed", "must be a whole number"), FieldError.of("gamma", "needs a value"));
        List<FieldError> schemaErrors = List.of(FieldError.of("batches", "must be at most 10000, got 20000"),
                FieldError.of("gamma", "expected a number, got ''"), FieldError.of("modelRun", "is required"));
        List<FieldError> merged = LaunchForm.merge(schema, local, schemaErrors);
        assertEquals(List.of("batches", "gamma", "modelRun", "seed"), merged.stream().map(FieldError::parameter).toList());
        assertEquals("needs a value", merged.get(1).message());
    }

    @Test
    void aStoredRunPrefillsTheFields() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("batches", 2000L);
        stored.put("learningRate", 0.01);
        stored.put("gamma", List.of(0.25, 1.0));
        stored.put("hidden", List.of(64L, 64L));
        stored.put("shuffle", false);
        stored.put("modelRun", "r9");
        stored.put("oldKnob", 3L);
        LaunchForm.Prefill p = LaunchForm.fromRun(schema, stored);
        assertEquals(2000, p.fieldValues().get("batches"));
        assertEquals(0.01, p.fieldValues().get("learningRate"));
        assertEquals("0.25, 1", p.fieldValues().get("gamma"));
        assertEquals("64, 64", p.fieldValues().get("hidden"));
        assertEquals(false, p.fieldValues().get("shuffle"));
        assertEquals(List.of("oldKnob"), p.dropped());
        assertEquals(List.of("engine", "label", "population"), p.defaulted());
        Parameters again = schema.validate(LaunchForm.collect(schema, p.fieldValues()).raw());
        assertEquals(2000, again.getInt("batches"));
        assertEquals(0.25, again.getDoubles("gamma")[0]);
    }

    @Test
    void seedIsBlankForRandomOrAWholeNumber() {
        assertNull(LaunchForm.parseSeed("  "));
        assertEquals(42L, LaunchForm.parseSeed(" 42 "));
        assertEquals(Long.MIN_VALUE, LaunchForm.parseSeed(Long.toString(Long.MIN_VALUE)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaunchForm.parseSeed("4.2"));
        assertTrue(e.getMessage().contains("got '4.2'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchForm.parseSeed("99999999999999999999"));
    }

    @Test
    void tagsAreCommaSeparatedTrimmedAndUnique() {
        assertEquals(List.of("baseline", "sweep 3"), LaunchForm.parseTags(" baseline, sweep 3,,baseline , "));
        assertEquals(List.of(), LaunchForm.parseTags(""));
        assertEquals("a, b", LaunchForm.tagsText(List.of("a", "b")));
    }

    @Test
    void helperTextShowsRangeAndHelp() {
        assertEquals("1 … 10000 · number of Adam steps", LaunchForm.helperText(schema.parameter("batches").orElseThrow()));
        assertEquals("≥ 0", LaunchForm.helperText(schema.parameter("learningRate").orElseThrow()));
        assertEquals("at least 1 value, each ≥ 1, comma-separated whole numbers",
                LaunchForm.helperText(schema.parameter("hidden").orElseThrow()));
        assertEquals("required", LaunchForm.helperText(schema.parameter("modelRun").orElseThrow()));
    }

    @Test
    void numbersReadAsTyped() {
        assertEquals("100", LaunchForm.number(100.0));
        assertEquals("0.001", LaunchForm.number(1e-3));
        assertEquals("1.0E-7", LaunchForm.number(1e-7));
        assertEquals("-2.5", LaunchForm.number(-2.5));
        assertEquals("7", LaunchForm.number(7L));
    }

    private Widget widget(String name) {
        return LaunchForm.widgetFor(schema.parameter(name).orElseThrow());
    }
}
