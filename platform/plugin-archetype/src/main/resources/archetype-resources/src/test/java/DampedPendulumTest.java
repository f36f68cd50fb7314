package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.RunCancelledException;
import org.physlab.api.Summary;
import org.physlab.testkit.InMemoryRunContext;

class DampedPendulumTest {

    private final DampedPendulum pendulum = new DampedPendulum();

    @Test
    void describesItselfWithAValidIdAndDefaultsForEveryParameter() {
        ExperimentDescriptor descriptor = pendulum.descriptor();
        assertEquals("${pluginNamespace}.period", descriptor.id());
        assertEquals(List.of("length", "damping", "initialAngle", "steps", "dt"),
                List.copyOf(descriptor.parameters().defaults().keySet()));
    }

    @Test
    void smallUndampedSwingsKeepTheTextbookPeriod() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(pendulum,
                Map.of("length", "2.0", "damping", "0", "initialAngle", "2", "steps", "4000", "dt", "0.002"), 42L);

        Summary summary = run.execute();

        double textbook = 2 * Math.PI * Math.sqrt(2.0 / 9.80665);                 // T₀ = 2π√(L/g)
        assertEquals(textbook, summary.metrics().get("period"), 1e-3 * textbook);
        assertEquals(exactPeriod(2.0, 2), summary.metrics().get("period"), 1e-5 * textbook);
        assertEquals(1.0, summary.metrics().get("energyRetained"), 1e-6, "no damping, no loss");
    }

    @Test
    void wideSwingsTakeLongerThanTheSmallAnglePeriod() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(pendulum,
                Map.of("damping", "0", "initialAngle", "60", "steps", "3000", "dt", "0.005"), 42L);

        Summary summary = run.execute();

        assertEquals(1.073182, summary.metrics().get("periodRatio"), 1e-5);      // 2·K(sin²30°)/π
        assertEquals(exactPeriod(1.0, 60), summary.metrics().get("period"), 1e-5);
    }

    @Test
    void dampingDrainsEnergyStepByStepAndEverythingIsReported() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(pendulum, Map.of("steps", "1000"), 42L);

        Summary summary = run.execute();

        double retained = summary.metrics().get("energyRetained");
        assertTrue(retained > 0 && retained < 1, "damping 0.1/s loses some energy in 5 s, got " + retained);
        double[] energy = run.metrics("energy");
        assertEquals(1000, energy.length, "one energy point per step");
        for (int i = 1; i < energy.length; i++) {
            assertTrue(energy[i] <= energy[i - 1] + 1e-12, "energy rose at step " + (i + 1));
        }
        assertEquals(1.0, run.lastProgress().fraction());
        Artifact.LineChart chart = run.artifact("trajectory", Artifact.LineChart.class);
        assertEquals(List.of("RK4", "small-angle theory"), chart.series().stream().map(Artifact.Series::name).toList());
        assertTrue(run.logLines().stream().anyMatch(line -> line.contains("Period")), "logs the period: " + run.logLines());
    }

    @Test
    void anOverdampedPendulumHasNoPeriodButStillASummary() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(pendulum, Map.of("damping", "20", "steps", "400"), 42L);

        Summary summary = run.execute();

        assertFalse(summary.metrics().containsKey("period"));
        assertEquals(0.0, summary.metrics().get("swings"));
        assertTrue(run.logLines().stream().anyMatch(line -> line.startsWith("WARN")), "warns: " + run.logLines());
    }

    @Test
    void aCancelledRunStopsBeforeTheNextStep() {
        InMemoryRunContext run = InMemoryRunContext.of(pendulum, Map.of(), 42L);
        run.cancel("user pressed Cancel");

        RunCancelledException e = assertThrows(RunCancelledException.class, run::execute);
        assertEquals("user pressed Cancel", e.getMessage());
        assertEquals(0, run.metrics("angle").length);
    }

    @Test
    void rejectsATimeStepTooCoarseForTheSwing() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(pendulum, Map.of("length", "0.01", "dt", "0.01"), 42L));

        FieldError error = e.errors().get(0);
        assertEquals("dt", error.parameter());
        assertTrue(error.message().startsWith("must be at most"), error.message());
    }

    /**
     * The exact period of an undamped pendulum released at rest from {@code degrees}:
     * T = T₀ / AGM(1, cos(θ₀/2)), AGM the arithmetic-geometric mean (the complete elliptic integral).
     */
    private static double exactPeriod(double length, double degrees) {
        double a = 1;
        double b = Math.cos(Math.toRadians(degrees) / 2);
        while (Math.abs(a - b) > 1e-15) {
            double mean = (a + b) / 2;
            b = Math.sqrt(a * b);
            a = mean;
        }
        return DampedPendulum.smallAnglePeriod(length) / a;
    }
}
