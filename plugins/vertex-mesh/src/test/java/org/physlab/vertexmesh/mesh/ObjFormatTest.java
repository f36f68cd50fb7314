package org.physlab.vertexmesh.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjFormatTest {
    /** Two CCW triangles forming the unit square, written the way Blender writes them. */
    private static final String BLENDER_SQUARE = """
            # Blender 4.4.3
            mtllib square.mtl
            o Square
            v 0 0 0
            v 1 0 0
            v 1 1 0
            v 0 1 0
            vt 0 0
            vt 1 0
            vt 1 1
            vn 0 0 1
            g patch
            usemtl Material
            s 0
            f 1/1/1 2/2/1 3/3/1
            f 1//1 3//1 -1
            """;

    @Test
    void theBundledDiskIsByteIdenticalToTriangulaxsTutorialMesh() throws Exception {
        try (InputStream in = MeshSource.class.getResourceAsStream(MeshSource.TutorialDisk.RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            assertEquals(6523, bytes.length);
            assertEquals(MeshSource.TutorialDisk.SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void theDiskReadsWithTheReferenceGeometry() {
        Mesh disk = new MeshSource.TutorialDisk().load();
        assertEquals(0.653095, disk.x(0));
        assertEquals(-0.749993, disk.y(0));
        assertEquals(0.752472, disk.x(130));
        assertEquals(0.655971, disk.y(130));
        double sx = 0, sy = 0, area = 0, minArea = Double.MAX_VALUE;
        for (int v = 0; v < 131; v++) {
            sx += disk.x(v);
            sy += disk.y(v);
        }
        for (int f = 0; f < 224; f++) {
            area += disk.signedArea(f);
            minArea = Math.min(minArea, disk.signedArea(f));
        }
        assertEquals(3.373605, sx, 1e-9);
        assertEquals(2.808281, sy, 1e-9);
        assertEquals(3.1176449033915, area, 1e-12);
        assertEquals(0.00614969, minArea, 1e-8);
    }

    @Test
    void blenderExtrasAreSkippedAndSubIndicesAndRelativeIndicesUnderstood() throws IOException {
        Mesh square = ObjFormat.read(new StringReader(BLENDER_SQUARE));
        assertEquals(4, square.topology().vertexCount());
        assertEquals(2, square.topology().faceCount());
        assertEquals(10, square.topology().halfEdgeCount());
        assertEquals(1, square.topology().eulerCharacteristic());
        assertEquals(0.5, square.signedArea(0), 1e-15);
        assertEquals(0.5, square.signedArea(1), 1e-15);
    }

    @Test
    void writingAndReadingBackReproducesPositionsAndConnectivityExactly(@TempDir Path dir) throws IOException {
        Mesh noisy = MeshGenerators.noisy(new MeshSource.TutorialDisk().load(), new java.util.SplittableRandom(7), 0.01);
        Path file = dir.resolve("noisy.obj");
        Files.writeString(file, ObjFormat.toText(noisy));
        Mesh back = ObjFormat.read(file);
        assertArrayEquals(noisy.vertices(), back.vertices());
        assertArrayEquals(noisy.topology().faces(), back.topology().faces());
        assertArrayEquals(noisy.topology().nextArray(), back.topology().nextArray());
    }

    @Test
    void quadsAreRejectedWithTheLine() {
        String quad = "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3 4\n";
        InvalidMeshException e = assertThrows(InvalidMeshException.class, () -> ObjFormat.read(new StringReader(quad)));
        assertTrue(e.getMessage().startsWith("OBJ line 5: face with 4 vertices"), e.getMessage());
    }

    @Test
    void malformedNumbersAndIndicesAreRejectedWithTheLine() {
        assertTrue(assertThrows(InvalidMeshException.class, () -> ObjFormat.read(new StringReader("v 0 zero 0\n")))
                .getMessage().contains("OBJ line 1: 'zero' is not a number"));
        assertTrue(assertThrows(InvalidMeshException.class,
                () -> ObjFormat.read(new StringReader("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n")))
                .getMessage().contains("OBJ line 4: vertex index 4 is out of range"));
        assertTrue(assertThrows(InvalidMeshException.class, () -> ObjFormat.read(new StringReader("# nothing\n")))
                .getMessage().contains("no 'v' lines"));
    }

    @Test
    void clockwiseFaceIsRejectedAsFlippedNamingItsLine() {
        String cw = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 3 2\n";
        InvalidMeshException e = assertThrows(InvalidMeshException.class, () -> ObjFormat.read(new StringReader(cw)));
        assertTrue(e.getMessage().contains("OBJ line 4: face 0 (0,2,1) is flipped"), e.getMessage());
    }

    @Test
    void collinearFaceIsRejectedAsZeroArea() {
        String flat = "v 0 0 0\nv 1 0 0\nv 2 0 0\nv 0 1 0\nf 1 2 4\nf 2 3 4\nf 1 3 2\n";
        // the third face (0,2,1) lies on the x axis: its orientation clashes first, so use a lone sliver
        String sliver = "v 0 0 0\nv 1 0 0\nv 2 0 0\nf 1 2 3\n";
        InvalidMeshException e = assertThrows(InvalidMeshException.class, () -> ObjFormat.read(new StringReader(sliver)));
        assertTrue(e.getMessage().contains("face 0 (0,1,2) has zero area"), e.getMessage());
        assertThrows(InvalidMeshException.class, () -> ObjFormat.read(new StringReader(flat)));
    }

    @Test
    void nonPlanarAndNonManifoldInputAreRejected() {
        assertTrue(assertThrows(InvalidMeshException.class,
                () -> ObjFormat.read(new StringReader("v 0 0 0\nv 1 0 0\nv 0 1 2\nf 1 2 3\n")))
                .getMessage().contains("vertex 3 has z = 2.0"));
        String bowTie = "v 0 0 0\nv 1 0 0\nv 0 1 0\nv -1 0 0\nv 0 -1 0\nf 1 2 3\nf 1 4 5\n";
        assertTrue(assertThrows(InvalidMeshException.class, () -> ObjFormat.read(new StringReader(bowTie)))
                .getMessage().contains("vertex 0 is non-manifold"));
        String threeFaces = "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 -1 0\nv 1 1 0\nf 1 2 3\nf 2 1 4\nf 1 2 5\n";
        assertTrue(assertThrows(InvalidMeshException.class, () -> ObjFormat.read(new StringReader(threeFaces)))
                .getMessage().startsWith("OBJ line 8: face 2 (0,1,4): more than two faces share the edge {0,1}"));
    }
}
