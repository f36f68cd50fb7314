package org.physlab.vertexmesh.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshSource;
import org.physlab.vertexmesh.mesh.ObjFormat;

class GeometryTest {
    /** The 3-4-5 right triangle (right angle at vertex 0) as an OBJ text. */
    private static Mesh rightTriangle() throws IOException {
        return ObjFormat.read(new StringReader("v 0 0 0\nv 4 0 0\nv 0 3 0\nf 1 2 3\n"));
    }

    @Test
    void lengthsAreaPerimeterAndAnglesOfAThreeFourFiveTriangle() throws IOException {
        Mesh m = rightTriangle();
        double[] len = Geometry.halfEdgeLengths(m);
        // edges sorted (0,1), (0,2), (1,2), then their reverses
        assertArrayEquals(new double[] {4, 3, 5, 4, 3, 5}, len, 1e-15);
        assertArrayEquals(new double[] {6}, Geometry.signedAreas(m), 1e-15);
        assertArrayEquals(new double[] {12}, Geometry.perimeters(m), 1e-15);
        double[] angle = Geometry.oppositeAngles(m);
        // the face uses 0→1 (h0), 1→2 (h2), 2→0 (h4); the reverses are boundary half-edges
        assertEquals(Math.atan2(3, 4) + Math.atan2(4, 3), angle[0] + angle[4], 1e-15);
        assertEquals(Math.PI / 2, angle[2], 1e-15);
        assertEquals(Math.atan2(4, 3), angle[0], 1e-15); // at vertex 2, between the sides of length 3 and 5
        assertEquals(0, angle[3]);
        double[] cot = Geometry.oppositeCotangents(m);
        assertEquals(0.75, cot[0], 1e-15);
        assertEquals(0, cot[2], 1e-15);
    }

    @Test
    void circumcentreOfARightTriangleIsTheHypotenuseMidpoint() throws IOException {
        assertArrayEquals(new double[] {2, 1.5}, Geometry.circumcentres(rightTriangle()), 1e-15);
    }

    @Test
    void cotanLaplacianRowsSumToZeroAndItsDirichletEnergyIsTheArea() {
        Mesh disk = new MeshSource.TutorialDisk().load();
        int n = disk.topology().vertexCount();
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        for (double r : Geometry.cotanLaplacian(disk, ones)) assertEquals(0, r, 1e-15);
        double[] x = IntStream.range(0, n).mapToDouble(disk::x).toArray(), y = IntStream.range(0, n).mapToDouble(disk::y).toArray();
        double xLx = dot(x, Geometry.cotanLaplacian(disk, x)), yLy = dot(y, Geometry.cotanLaplacian(disk, y));
        assertEquals(1.55882245, -0.25 * (xLx + yLy), 1e-8);
    }

    @Test
    void voronoiCellsOfTheDiskMatchTheVertexModelTutorial() {
        Mesh disk = new MeshSource.TutorialDisk().load();
        double[] area = Geometry.voronoiAreas(disk), perimeter = Geometry.voronoiPerimeters(disk);
        assertEquals(3.11764490, Arrays.stream(area).sum(), 1e-8);
        int[] interior = IntStream.range(0, 131).filter(v -> !disk.topology().isBoundaryVertex(v)).toArray();
        assertEquals(95, interior.length);
        double meanArea = Arrays.stream(interior).mapToDouble(v -> area[v]).average().orElseThrow();
        double meanPerimeter = Arrays.stream(interior).mapToDouble(v -> perimeter[v]).average().orElseThrow();
        assertEquals(0.02756258, meanArea, 1e-8);
        assertEquals(0.63463959, meanPerimeter, 1e-8);
        assertEquals(3.82267399, meanPerimeter / Math.sqrt(meanArea), 1e-7);
    }

    @Test
    void diskHalfEdgeLengthsMatchTheReference() {
        double[] len = Geometry.halfEdgeLengths(new MeshSource.TutorialDisk().load());
        assertEquals(708, len.length);
        assertEquals(0.18296366, Arrays.stream(len).average().orElseThrow(), 1e-8);
        assertEquals(0.10804172, Arrays.stream(len).min().orElseThrow(), 1e-8);
        assertEquals(0.28756669, Arrays.stream(len).max().orElseThrow(), 1e-8);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
