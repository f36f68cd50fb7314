package org.physlab.vertexmesh.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshGenerators;
import org.physlab.vertexmesh.mesh.MeshSource;

class MetaLossTest {

    @Test
    void theMeanEdgeLengthAndTheLossOfTheTutorialDisk() {
        Mesh disk = new MeshSource.TutorialDisk().load();
        MetaLoss loss = new MetaLoss(disk.topology(), 0.4);
        assertEquals(0.18296366, loss.meanEdgeLength(disk.vertices()), 1e-8);
        // a mesh scaled so that every edge is the target has zero loss; the disk is far from 0.4
        assertTrue(loss.value(disk.vertices()) > 0.2);
        double[] scaled = disk.verticesCopy();
        for (int i = 0; i < scaled.length; i++) scaled[i] *= 2;
        assertEquals(new MetaLoss(disk.topology(), 0.2).value(disk.vertices()),
                new MetaLoss(disk.topology(), 0.4).value(scaled), 1e-15, "the loss depends on ℓ/m only");
    }

    @Test
    void itsGradientIsTheDerivativeOfItsValue() {
        Mesh mesh = MeshGenerators.noisy(MeshGenerators.hexPatch(2, 0.3), new SplittableRandom(1), 0.03);
        MetaLoss loss = new MetaLoss(mesh.topology(), 0.4);
        double[] v = mesh.vertices();
        double[] g = new double[v.length];
        double value = loss.valueAndGradient(v, g);
        assertEquals(loss.value(v), value, 0);
        double[] fd = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double[] e = new double[v.length];
            e[i] = 1;
            fd[i] = Differences.fivePoint(h -> loss.value(Differences.shifted(v, e, h)), 0, 1e-3);
        }
        assertTrue(Differences.relativeError(g, fd) < 1e-9, "vs finite differences: " + Differences.relativeError(g, fd));
    }

    @Test
    void theTargetMustBePositive() {
        Mesh disk = MeshGenerators.disk(1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MetaLoss(disk.topology(), 0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }
}
