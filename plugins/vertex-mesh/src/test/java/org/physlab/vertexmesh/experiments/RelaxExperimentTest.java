package org.physlab.vertexmesh.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Summary;
import org.physlab.testkit.InMemoryRunContext;
import org.physlab.vertexmesh.dynamics.RelaxationDivergedException;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.ObjFormat;

class RelaxExperimentTest {

    @Test
    void defaultsRelaxTheTutorialDiskToTheReferenceState() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new RelaxExperiment()).build();
        Summary s = run.execute();
        // spec §6.1: 19,999 GD steps of 0.02 at ℓ₀ = 0.5
        assertEquals(1.1654633810, s.metrics().get("initialEnergy"), 1e-10);
        assertEquals(1.0503695975e-2, s.metrics().get("finalEnergy"), 1e-11);
        assertEquals(0.49827074, s.metrics().get("meanEdgeLength"), 1e-8);
        assertEquals(0.398577, s.metrics().get("minEdgeLength"), 1e-6);
        assertEquals(0.647052, s.metrics().get("maxEdgeLength"), 1e-6);
        assertEquals(0, s.metrics().get("flippedFaces"));
        assertEquals(1, run.lastProgress().fraction(), 1e-12);

        double[] energy = run.metrics("energy");
        assertEquals(201, energy.length, "step 0, every 100th step, and the last");
        for (int i = 1; i < energy.length; i++) assertTrue(energy[i] <= energy[i - 1]);

        Artifact.TriangleMesh mesh = run.artifact("mesh", Artifact.TriangleMesh.class);
        assertEquals(2, mesh.layers().size());
        assertEquals(224, mesh.layers().get(1).faceValues().length);
        // before: faces far smaller than a₀ at ℓ₀ = 0.5; after: near 1 on average
        double before = Arrays.stream(mesh.layers().get(0).faceValues()).average().orElseThrow();
        double after = Arrays.stream(mesh.layers().get(1).faceValues()).average().orElseThrow();
        assertEquals(3.1176449033915 / 224 / (Math.sqrt(3) / 16), before, 1e-9);
        assertEquals(1, after, 0.1);

        Artifact.LineChart histogram = run.artifact("edge-lengths", Artifact.LineChart.class);
        for (Artifact.Series series : histogram.series()) assertEquals(354, Arrays.stream(series.y()).sum());

        Artifact.FileArtifact obj = run.artifact("final-mesh.obj", Artifact.FileArtifact.class);
        Mesh relaxed = ObjFormat.read(new StringReader(new String(obj.content(), StandardCharsets.UTF_8)));
        assertEquals(131, relaxed.topology().vertexCount());
        assertEquals(mesh.layers().get(1).vertices()[0][0], relaxed.x(0));
        assertTrue(run.artifact("energy", Artifact.LineChart.class).logY());
    }

    @Test
    void noiseComesFromTheSeed() throws Exception {
        Map<String, Object> p = Map.of("noise", "0.02", "steps", "300", "solver", "rk4");
        double a = InMemoryRunContext.of(new RelaxExperiment(), p, 5).execute().metrics().get("initialEnergy");
        double b = InMemoryRunContext.of(new RelaxExperiment(), p, 5).execute().metrics().get("initialEnergy");
        double c = InMemoryRunContext.of(new RelaxExperiment(), p, 6).execute().metrics().get("initialEnergy");
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(1.1654633810, a, 0.05);
    }

    @Test
    void generatorsAndAdaptiveTsit5Work() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new RelaxExperiment(),
                Map.of("mesh", "hex:rings=3,a=0.3", "ell0", "0.3", "solver", "tsit5-adaptive", "steps", "100", "stepSize", "0.1"), 1);
        Summary s = run.execute();
        // The adaptive controller bounds each step's local error (atol 1e-9), not the global drift: with
        // steps grown to the whole interval, rounding-level forces move the patch by up to ~1e-7, and E is
        // quadratic in that displacement.
        assertEquals(0, s.metrics().get("finalEnergy"), 1e-12, "an equilateral patch at its rest length stays put (up to the tolerance)");
        assertEquals(37, s.metrics().get("vertices"));
        assertEquals(10, s.metrics().get("time"), 1e-12);
        InMemoryRunContext shrink = InMemoryRunContext.of(new RelaxExperiment(),
                Map.of("mesh", "disk:r=1,n=4", "ell0", "0.2", "solver", "tsit5", "steps", "400", "stepSize", "0.05"), 1);
        Summary t = shrink.execute();
        assertTrue(t.metrics().get("finalEnergy") < 0.5 * t.metrics().get("initialEnergy"), t.toString());
    }

    @Test
    void badParametersAreRejectedBeforeTheRun() {
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(Map.of("ell0", "0"), Map.of("ell0", "-1"),
                Map.of("mesh", "circle"), Map.of("mesh", "disk:n=0"), Map.of("solver", "leapfrog"), Map.of("stepSize", "0"))) {
            assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.of(new RelaxExperiment(), bad, 1), bad.toString());
        }
    }

    @Test
    void aBlowUpFailsTheRunNamingTheStep() {
        InMemoryRunContext run = InMemoryRunContext.of(new RelaxExperiment(), Map.of("ell0", "0.2", "stepSize", "50"), 1);
        RelaxationDivergedException e = assertThrows(RelaxationDivergedException.class, run::execute);
        assertTrue(e.getMessage().contains("blew up at step " + e.step()), e.getMessage());
    }
}
