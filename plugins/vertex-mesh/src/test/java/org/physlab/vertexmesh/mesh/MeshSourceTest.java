package org.physlab.vertexmesh.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshSourceTest {

    @Test
    void namesGeneratorsAndFilesAreUnderstood(@TempDir Path dir) throws IOException {
        assertEquals(131, MeshSource.parse("tutorial-disk").load().topology().vertexCount());
        assertEquals(new MeshSource.Disk(1, 8), MeshSource.parse("disk"));
        assertEquals(new MeshSource.Disk(0.5, 3), MeshSource.parse(" disk:r=0.5, n=3 "));
        assertEquals(37, MeshSource.parse("disk:n=3").load().topology().vertexCount());
        assertEquals(new MeshSource.Hex(4, 0.2), MeshSource.parse("hex"));
        assertEquals(19, MeshSource.parse("hex:rings=2,a=1").load().topology().vertexCount());
        Path obj = dir.resolve("tri.obj");
        Files.writeString(obj, "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        MeshSource file = MeshSource.parse(obj.toString());
        assertInstanceOf(MeshSource.ObjFile.class, file);
        assertEquals(1, file.load().topology().faceCount());
    }

    @Test
    void anythingElseIsRejectedListingTheAcceptedForms() {
        for (String bad : new String[] {"", "circle", "disk:r=-1", "disk:n=0", "disk:radius=2", "hex:rings=two", "/no/such/file.obj"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeshSource.parse(bad), bad);
            assertTrue(e.getMessage().contains(MeshSource.SYNTAX) || e.getMessage().contains("must be"), e.getMessage());
        }
    }

    @Test
    void aBrokenFileFailsOnLoadNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path obj = dir.resolve("flipped.obj");
        Files.writeString(obj, "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 3 2\n");
        InvalidMeshException e = assertThrows(InvalidMeshException.class, () -> MeshSource.parse(obj.toString()).load());
        assertTrue(e.getMessage().startsWith("flipped.obj: OBJ line 4: face 0"), e.getMessage());
    }
}
