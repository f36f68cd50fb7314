package org.physlab.oscillator.duffing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.oscillator.ReferenceData;
import org.physlab.oscillator.resize.JaxResize;

class DuffingSolverTest {

    private static final JsonNode ANCHORS = ReferenceData.rk4Anchors();

    /** The reference is float64 numpy with the lecture's loop: agreement to rounding, far below the 1e-6 asked. */
    private static final double RELATIVE = 1e-9;

    private static FrequencySweep sweepOf(JsonNode params) {
        return new FrequencySweep(params.get("omega_start").asDouble(), params.get("omega_stop").asDouble(),
                params.get("t_end").asDouble(), params.get("nsteps").asInt());
    }

    private static DuffingParameters oscillatorOf(JsonNode params) {
        return new DuffingParameters(params.get("omega0").asDouble(), params.get("gamma").asDouble(),
                params.get("epsilon").asDouble(), params.get("force").asDouble());
    }

    @Test
    void theLectureDemoPeaksAt7point899AtSample298() {
        JsonNode demo = ANCHORS.get("demo_cell17");
        JsonNode params = demo.get("params");
        FrequencySweep sweep = sweepOf(params);
        assertEquals(200.0 / 399.0, sweep.dt(), 1e-15);
        double[] abs = new DuffingSolver(sweep).amplitudes(DuffingBatch.of(oscillatorOf(params)),
                params.get("z0").get(0).asDouble(), params.get("z0").get(1).asDouble());

        int peak = 0;
        for (int k = 1; k < abs.length; k++) if (abs[k] > abs[peak]) peak = k;
        assertEquals(demo.get("argmax_index").asInt(), peak);
        assertEquals(298, peak);
        assertEquals(1.975, sweep.frequencyAt(peak), 1e-3);
        assertEquals(demo.get("max_abs_z").asDouble(), abs[peak], RELATIVE * 8);
        assertEquals(7.899, abs[peak], 5e-4);
        assertEquals(demo.get("abs_z_first").asDouble(), abs[0], RELATIVE);
        assertEquals(demo.get("abs_z_last").asDouble(), abs[399], RELATIVE);
        double[] every50 = ReferenceData.doubles(demo.get("abs_z_every_50th"));
        for (int i = 0; i < every50.length; i++) {
            assertEquals(every50[i], abs[50 * i], RELATIVE * every50[i], "sample " + 50 * i);
        }
    }

    @Test
    void trainingCurvesResizedTo50BinsMatchTheReference() {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ANCHORS.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("train_curve")) continue;
            JsonNode params = e.getValue().get("params");
            FrequencySweep sweep = sweepOf(params);
            double[] abs = new DuffingSolver(sweep).amplitudes(DuffingBatch.of(oscillatorOf(params)), 0, 0);
            double[] resized = JaxResize.of(400, 50, JaxResize.Method.LINEAR).apply(abs);
            // the reference was rounded to 10 digits
            assertArrayEquals(ReferenceData.doubles(e.getValue().get("resized50_linear_antialias")), resized, 2e-10, e.getKey());
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void aFixedFrequencyDriveSettlesOnTheLorentzian() {
        // omegaStart = omegaStop: constant drive; after many relaxation times z is the linear steady state
        double[] detunings = {-3, -1, -0.5, -0.25, 0, 0.1, 0.25, 0.5, 2};
        List<DuffingParameters> oscillators = new ArrayList<>();
        for (double d : detunings) oscillators.add(new DuffingParameters(d, 0.5, 0.0, 0.3));
        FrequencySweep constant = new FrequencySweep(0, 0, 120, 2401);
        double[] abs = new DuffingSolver(constant).amplitudes(DuffingBatch.of(oscillators), 0, 0);
        for (int i = 0; i < detunings.length; i++) {
            double expected = LinearResponse.amplitude(detunings[i], 0.5, 0.3, 0.0);
            assertEquals(expected, abs[i * 2401 + 2400], 1e-9 * expected, "detuning " + detunings[i]);
        }
    }

    @Test
    void aSlowWeakSweepFollowsTheLorentzianWithin1e3() {
        // low-force limit: F = 0.01, epsilon 0.03 (shift eps|z|^2 ~ 1e-5 << gamma/2 = 0.5). The sweep lags
        // the steady state by a relative ~ rate * |d ln|z|/d omega| / (gamma/2) <= rate / (gamma/2)^2, so
        // the sweep must be slow: rate 8/64000 = 1.25e-4 gives ~5e-4 (8/16000 still gave 1.3e-3).
        DuffingParameters weak = new DuffingParameters(0.0, 1.0, 0.03, 0.01);
        FrequencySweep slow = new FrequencySweep(-4, 4, 64000, 128001);
        double[] abs = new DuffingSolver(slow).amplitudes(DuffingBatch.of(weak), 0, 0);
        double[] lorentzian = LinearResponse.alongSweep(weak, slow);
        double worst = 0;
        // skip the switch-on transient (z0 = 0 decays like exp(-gamma t / 2); t > 40 is e^-20)
        for (int k = (int) (40 / slow.dt()); k < abs.length; k++) {
            worst = Math.max(worst, Math.abs(abs[k] / lorentzian[k] - 1));
        }
        assertTrue(worst < 1e-3, "largest relative deviation from the Lorentzian: " + worst);
    }

    @Test
    void theLectureSweepIsTooFastToFollowTheLorentzian() {
        // the same check fails at the lecture's sweep rate: the response lags and rings (why the lecture's curves look as they do)
        DuffingParameters weak = new DuffingParameters(0.0, 0.5, 0.0, 0.01);
        double[] abs = new DuffingSolver(FrequencySweep.LECTURE).amplitudes(DuffingBatch.of(weak), 0, 0);
        double[] lorentzian = LinearResponse.alongSweep(weak, FrequencySweep.LECTURE);
        double worst = 0;
        for (int k = 100; k < abs.length; k++) worst = Math.max(worst, Math.abs(abs[k] / lorentzian[k] - 1));
        assertTrue(worst > 0.05, "deviation " + worst);
    }

    @Test
    void aBatchGivesTheSameCurvesAsOneAtATimeWhateverTheThreadCount() {
        SplittableRandom random = new SplittableRandom(3);
        List<DuffingParameters> oscillators = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            oscillators.add(new DuffingParameters(random.nextDouble(-1, 1), random.nextDouble(0.5, 1.5), random.nextDouble(0, 0.15), 1.0));
        }
        DuffingBatch batch = DuffingBatch.of(oscillators);
        double[] single = new DuffingSolver(FrequencySweep.LECTURE).amplitudes(batch, 0, 0.01);
        double[] threaded;
        try (DuffingSolver solver = new DuffingSolver(FrequencySweep.LECTURE, 3)) {
            threaded = solver.amplitudes(batch, 0, 0.01);
        }
        assertArrayEquals(single, threaded, 0.0);
        double[] seventh = new DuffingSolver(FrequencySweep.LECTURE).amplitudes(DuffingBatch.of(oscillators.get(7)), 0, 0.01);
        assertArrayEquals(seventh, java.util.Arrays.copyOfRange(single, 7 * 400, 8 * 400), 0.0);
    }

    @Test
    void trajectoriesKeepThePhase() {
        DuffingSolver.Trajectories t = new DuffingSolver(FrequencySweep.LECTURE)
                .trajectories(DuffingBatch.of(new DuffingParameters(0, 0.5, 0.03, 2)), 0, 0.01);
        for (int k = 0; k < 400; k++) {
            assertEquals(t.abs()[k], Math.hypot(t.re()[k], t.im()[k]), 1e-12);
        }
    }

    @Test
    void aBlowUpIsReportedWithTheOscillatorAndAHint() {
        // a huge nonlinearity with the coarse lecture step makes RK4 explode
        DuffingBatch batch = DuffingBatch.of(List.of(new DuffingParameters(0, 0.5, 0.03, 1), new DuffingParameters(0, 0.01, 500, 50)));
        DuffingSolver.DivergenceException e = assertThrows(DuffingSolver.DivergenceException.class,
                () -> new DuffingSolver(FrequencySweep.LECTURE).amplitudes(batch, 0, 0));
        assertTrue(e.getMessage().contains("epsilon=500"), e.getMessage());
        assertTrue(e.getMessage().contains("more steps"), e.getMessage());
    }

    @Test
    void rejectsUnphysicalParameters() {
        assertThrows(IllegalArgumentException.class, () -> new DuffingParameters(0, -0.1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DuffingParameters(Double.NaN, 0.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new FrequencySweep(-4, 4, 200, 1));
        assertThrows(IllegalArgumentException.class, () -> new FrequencySweep(-4, 4, 0, 400));
    }
}
