package org.physlab.calabiyau.donaldson;

import java.util.ArrayList;
import java.util.List;
import org.physlab.api.Artifact;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.hermitian.HermitianMatrix;

/**
 * The file format of an H matrix passed between runs: a {@link Artifact.Matrix} with one row of N² values,
 * the real Cholesky parameters of H = M M^† in cyjax's layout ({@link CholeskyParametrisation}: the real
 * diagonal of M, then the real and the imaginary parts of its strictly-upper entries, row-major). Column
 * labels name each parameter ("d0", "re(0,1)", "im(0,1)", …). N identifies the monomial basis: 5, 15, 35,
 * 70 (k = 1..4, full = reduced), 125, 205 (k = 5, 6, reduced), 126, 210 (k = 5, 6, full).
 */
public final class BalancedMetricArtifact {
    private BalancedMetricArtifact() { }

    /** The artifact of H under {@code name}. */
    public static Artifact.Matrix of(String name, String title, HermitianMatrix h) {
        double[] par = CholeskyEncoding.encode(h);
        return new Artifact.Matrix(name, title, new double[][] {par}, List.of("H"), labels(h.size()));
    }

    /** Column labels of the parameters of an N×N matrix. */
    static List<String> labels(int n) {
        List<String> labels = new ArrayList<>(n * n);
        for (int i = 0; i < n; i++) labels.add("d" + i);
        for (String part : new String[] {"re", "im"}) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) labels.add(part + "(" + i + "," + j + ")");
            }
        }
        return labels;
    }

    /**
     * H from an artifact of this format, checked against the basis it is to be used with.
     *
     * @throws IllegalArgumentException if the artifact is not a Matrix, its size does not match the basis,
     *                                  an entry is not finite, or H is not positive definite
     */
    public static HermitianMatrix read(Artifact artifact, MonomialBasis basis) {
        if (!(artifact instanceof Artifact.Matrix m)) {
            throw new IllegalArgumentException("an H artifact is a matrix of Cholesky parameters; '" + artifact.name()
                    + "' is a " + artifact.kind());
        }
        int count = 0;
        for (double[] row : m.values()) count += row.length;
        int n = basis.size();
        if (count != n * n) {
            throw new IllegalArgumentException("H artifact '" + m.name() + "' has " + count + " parameters; the "
                    + basis + " needs " + n * n + " (" + n + "²)");
        }
        double[] par = new double[count];
        int k = 0;
        for (double[] row : m.values()) {
            System.arraycopy(row, 0, par, k, row.length);
            k += row.length;
        }
        HermitianMatrix h = CholeskyParametrisation.decode(par);
        if (!h.isPositiveDefinite()) {
            throw new IllegalArgumentException("H artifact '" + m.name() + "' is not positive definite");
        }
        return h;
    }
}
