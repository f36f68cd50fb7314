package org.physlab.vertexmesh.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HalfEdgeMeshTest {
    private static final HalfEdgeMesh DISK = new MeshSource.TutorialDisk().load().topology();

    @Test
    void theTutorialDiskHasTheReferenceCountsAndIsADisk() {
        assertEquals(131, DISK.vertexCount());
        assertEquals(708, DISK.halfEdgeCount());
        assertEquals(224, DISK.faceCount());
        assertEquals(354, DISK.edgeCount());
        assertEquals(1, DISK.eulerCharacteristic());
        assertEquals(36, DISK.boundaryHalfEdgeCount());
        assertEquals(1, DISK.boundaryLoopCount());
        assertEquals("HalfEdgeMesh(N_V=131, N_HE=708, N_F=224)", DISK.toString());
        long boundaryVertices = IntStream.range(0, 131).filter(DISK::isBoundaryVertex).count();
        assertEquals(36, boundaryVertices);
    }

    @Test
    void arraysReproduceTheReferenceFingerprint() {
        // spec §3.2: sums and first entries of triangulax's arrays for the disk
        int[] face = DISK.faceArray();
        int[] incident = IntStream.range(0, 131).map(DISK::vertexHalfEdge).toArray();
        int[] faceIncident = IntStream.range(0, 224).map(DISK::faceHalfEdge).toArray();
        int[] twin = IntStream.range(0, 708).map(DISK::twin).toArray();
        assertFingerprint(DISK.originArray(), 44654, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2);
        assertFingerprint(DISK.destinationArray(), 44654, 1, 10, 11, 122, 2, 11, 12, 122, 123, 3, 12, 13);
        assertFingerprint(twin, 250278, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363, 364, 365);
        assertFingerprint(DISK.nextArray(), 250278, 5, 48, 401, 361, 10, 356, 404, 346, 366, 15, 360, 407);
        assertFingerprint(DISK.prevArray(), 250278, 356, 357, 355, 354, 360, 0, 359, 362, 358, 365, 4, 364);
        assertFingerprint(face, 74892, 46, -1, 180, 45, 43, 46, 44, 47, 48, 121, 43, 35);
        assertFingerprint(incident, 27168, 0, 4, 9, 14, 20, 25, 30, 35, 39, 43, 47, 50);
        assertFingerprint(faceIncident, 36871, 147, 38, 115, 143, 37, 72, 331, 26, 112, 20, 24, 66);
        long inFirstHalf = IntStream.range(0, 354).filter(DISK::isBoundary).count();
        assertEquals(16, inFirstHalf, "boundary half-edges among the first E");
    }

    private static void assertFingerprint(int[] a, long sum, int... first) {
        assertEquals(sum, Arrays.stream(a).asLongStream().sum());
        assertArrayEquals(first, Arrays.copyOf(a, first.length));
    }

    @Test
    void facesReadBackAsCyclicRotationsOfTheInput() {
        // the file's first face is 46 58 45 (1-based) = (45, 57, 44); triangulax reads back (44, 45, 57)
        assertArrayEquals(new int[] {44, 45, 57}, Arrays.copyOf(DISK.faces(), 3));
    }

    @Test
    void vertexDegreesMatchTheReferenceHistogram() {
        int[] histogram = new int[10];
        for (int v = 0; v < 131; v++) histogram[DISK.outgoingHalfEdges(v).length]++;
        assertArrayEquals(new int[] {0, 0, 0, 8, 24, 21, 63, 15, 0, 0}, histogram);
    }

    @Test
    void walkingRoundAVertexGoesCounterClockwise() {
        Mesh disk = new MeshSource.TutorialDisk().load();
        int[] out = DISK.outgoingHalfEdges(1);
        double[] degrees = Arrays.stream(out).mapToDouble(h -> {
            int q = DISK.destination(h);
            return Math.toDegrees(Math.atan2(disk.y(q) - disk.y(1), disk.x(q) - disk.x(1)));
        }).toArray();
        assertArrayEquals(new double[] {72, 138, -135, -86, -24, 19}, degrees, 0.5);
    }

    @Test
    void boundaryLoopRunsClockwiseAroundCounterClockwiseFaces() {
        Mesh disk = new MeshSource.TutorialDisk().load();
        double twiceArea = 0;
        for (int h = 0; h < 708; h++) {
            if (!DISK.isBoundary(h)) continue;
            int p = DISK.origin(h), q = DISK.destination(h);
            twiceArea += disk.x(p) * disk.y(q) - disk.x(q) * disk.y(p);
            assertEquals(q, DISK.origin(DISK.next(h)));
            assertTrue(DISK.isBoundary(DISK.next(h)));
            assertTrue(DISK.isBoundaryEdge(DISK.twin(h)));
        }
        assertEquals(-3.1176449033915, twiceArea / 2, 1e-9);
    }

    @Test
    void aSingleTriangleIsItsOwnBoundary() {
        HalfEdgeMesh t = HalfEdgeMesh.fromTriangles(3, new int[] {0, 1, 2});
        assertEquals(6, t.halfEdgeCount());
        assertEquals(3, t.boundaryHalfEdgeCount());
        assertEquals(1, t.eulerCharacteristic());
        assertFalse(t.isBoundary(t.faceHalfEdge(0)));
    }

    @Test
    void aClosedTetrahedronSurfaceHasEulerCharacteristicTwo() {
        HalfEdgeMesh t = HalfEdgeMesh.fromTriangles(4, new int[] {0, 2, 1, 0, 1, 3, 1, 2, 3, 0, 3, 2});
        assertEquals(12, t.halfEdgeCount());
        assertEquals(0, t.boundaryHalfEdgeCount());
        assertEquals(2, t.eulerCharacteristic());
    }

    @Test
    void repeatedVertexIsRejectedNamingTheFace() {
        InvalidMeshException e = assertThrows(InvalidMeshException.class,
                () -> HalfEdgeMesh.fromTriangles(4, new int[] {0, 1, 2, 1, 3, 3}));
        assertTrue(e.getMessage().contains("face 1 (1,3,3) is degenerate"), e.getMessage());
        assertEquals(1, e.face());
    }

    @Test
    void neighbourWithOppositeOrientationIsRejectedNamingBothFacesAndTheEdge() {
        InvalidMeshException e = assertThrows(InvalidMeshException.class,
                () -> HalfEdgeMesh.fromTriangles(4, new int[] {0, 1, 2, 1, 2, 3}));
        assertTrue(e.getMessage().contains("face 1 (1,2,3)"), e.getMessage());
        assertTrue(e.getMessage().contains("face 0 (0,1,2) uses the same directed edge 1→2"), e.getMessage());
        assertTrue(e.getMessage().contains("opposite orientations"), e.getMessage());
    }

    @Test
    void edgeWithThreeFacesIsRejectedAsNonManifold() {
        InvalidMeshException e = assertThrows(InvalidMeshException.class,
                () -> HalfEdgeMesh.fromTriangles(5, new int[] {0, 1, 2, 1, 0, 3, 0, 1, 4}));
        assertTrue(e.getMessage().contains("more than two faces share the edge {0,1}"), e.getMessage());
        assertEquals(2, e.face());
    }

    @Test
    void bowTieVertexIsRejectedAsNonManifold() {
        InvalidMeshException e = assertThrows(InvalidMeshException.class,
                () -> HalfEdgeMesh.fromTriangles(5, new int[] {0, 1, 2, 0, 3, 4}));
        assertTrue(e.getMessage().contains("vertex 0 is non-manifold"), e.getMessage());
    }

    @Test
    void unusedVertexAndOutOfRangeIndexAreRejected() {
        assertTrue(assertThrows(InvalidMeshException.class, () -> HalfEdgeMesh.fromTriangles(4, new int[] {0, 1, 2}))
                .getMessage().contains("vertex 3 belongs to no face"));
        assertTrue(assertThrows(InvalidMeshException.class, () -> HalfEdgeMesh.fromTriangles(3, new int[] {0, 1, 5}))
                .getMessage().contains("refers to vertex 5, which does not exist"));
        assertThrows(InvalidMeshException.class, () -> HalfEdgeMesh.fromTriangles(3, new int[] {0, 1}));
    }
}
