package org.physlab.vertexmesh.mesh;

/**
 * A triangle list or OBJ file that does not describe an oriented 2-manifold triangle mesh (with
 * boundary), or whose geometry has flipped or zero-area faces. The message names the offending face,
 * edge, vertex or file line.
 */
public final class InvalidMeshException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int face;

    public InvalidMeshException(String message) {
        this(message, -1);
    }

    /** A problem with face {@code face} (0-based), so that readers can point at the file line. */
    public InvalidMeshException(String message, int face) {
        super(message);
        this.face = face;
    }

    public InvalidMeshException(String message, Throwable cause) {
        super(message, cause);
        this.face = cause instanceof InvalidMeshException m ? m.face : -1;
    }

    /** The 0-based index of the offending face, or −1 when the problem is not one face's. */
    public int face() {
        return face;
    }
}
