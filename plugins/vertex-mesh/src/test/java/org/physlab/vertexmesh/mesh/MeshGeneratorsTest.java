package org.physlab.vertexmesh.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeshGeneratorsTest {

    @Test
    void diskHasRingCountsAndIsAPositivelyOrientedDisk() {
        Mesh disk = MeshGenerators.disk(2.0, 5);
        HalfEdgeMesh t = disk.topology();
        assertEquals(1 + 3 * 5 * 6, t.vertexCount());
        assertEquals(6 * 25, t.faceCount());
        assertEquals(1, t.eulerCharacteristic());
        assertEquals(30, t.boundaryHalfEdgeCount());
        assertEquals(1, t.boundaryLoopCount());
        disk.requirePositivelyOriented();
        double area = 0;
        for (int f = 0; f < t.faceCount(); f++) area += disk.signedArea(f);
        // the inscribed 30-gon of radius 2
        assertEquals(0.5 * 30 * 4 * Math.sin(2 * Math.PI / 30), area, 1e-12);
    }

    @Test
    void hexPatchIsEquilateral() {
        Mesh hex = MeshGenerators.hexPatch(3, 0.25);
        HalfEdgeMesh t = hex.topology();
        assertEquals(37, t.vertexCount());
        assertEquals(54, t.faceCount());
        assertEquals(1, t.eulerCharacteristic());
        assertEquals(18, t.boundaryHalfEdgeCount());
        for (int h = 0; h < t.halfEdgeCount(); h++) {
            double dx = hex.x(t.origin(h)) - hex.x(t.destination(h)), dy = hex.y(t.origin(h)) - hex.y(t.destination(h));
            assertEquals(0.25, Math.hypot(dx, dy), 1e-15);
        }
        for (int f = 0; f < t.faceCount(); f++) assertEquals(Math.sqrt(3) / 4 * 0.0625, hex.signedArea(f), 1e-15);
    }

    @Test
    void noisyCopiesAreReproducibleFromTheSeedAndZeroNoiseCopiesExactly() {
        Mesh disk = MeshGenerators.disk(1, 3);
        Mesh a = MeshGenerators.noisy(disk, new SplittableRandom(1), 0.02);
        Mesh b = MeshGenerators.noisy(disk, new SplittableRandom(1), 0.02);
        Mesh c = MeshGenerators.noisy(disk, new SplittableRandom(2), 0.02);
        assertArrayEquals(a.vertices(), b.vertices());
        assertNotEquals(a.vertices()[0], c.vertices()[0]);
        assertArrayEquals(disk.vertices(), MeshGenerators.noisy(disk, new SplittableRandom(3), 0).vertices());
        double sum2 = 0;
        for (int i = 0; i < disk.vertices().length; i++) sum2 += Math.pow(a.vertices()[i] - disk.vertices()[i], 2);
        assertEquals(0.02, Math.sqrt(sum2 / disk.vertices().length), 0.006);
    }

    @Test
    void badGeneratorArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MeshGenerators.disk(0, 3));
        assertThrows(IllegalArgumentException.class, () -> MeshGenerators.hexPatch(0, 1));
        assertThrows(IllegalArgumentException.class, () -> MeshGenerators.noisy(MeshGenerators.disk(1, 1), new SplittableRandom(), -1));
    }
}
