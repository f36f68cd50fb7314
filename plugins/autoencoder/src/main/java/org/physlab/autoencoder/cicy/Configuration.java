package org.physlab.autoencoder.cicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * A complete-intersection Calabi-Yau threefold (CICY) configuration: the ambient space
 * A = P^{n_1} x ... x P^{n_m} and K polynomial equations, equation a of multi-degree (q_{1a}, ..., q_{ma}).
 * It is Calabi-Yau when every row sums to n_r + 1 (c1(X) = 0) and a threefold when sum_r n_r - K = 3.
 *
 * <pre>{@code
 * Configuration c = Configuration.parse("[[4,5]]");              // the quintic in P^4
 * Configuration d = Configuration.parse("[[1,0,1,1],[1,0,1,1],[1,1,1,0],[1,1,1,0],[1,1,0,1],[1,1,0,1]]"); // CICY 5302
 * }</pre>
 */
public final class Configuration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int[] projectiveDims;
    private final int[][] degrees;

    private Configuration(int[] projectiveDims, int[][] degrees) {
        this.projectiveDims = projectiveDims;
        this.degrees = degrees;
    }

    /**
     * A checked configuration.
     *
     * @param projectiveDims n_r of each projective factor
     * @param degrees        q_{ra}: one row per factor, one column per equation
     * @throws IllegalArgumentException if the shape is wrong, the configuration is not Calabi-Yau
     *         (naming the first row whose degrees do not sum to n_r + 1) or not of dimension 3
     */
    public static Configuration of(int[] projectiveDims, int[][] degrees) {
        int m = projectiveDims.length;
        if (m == 0) throw new IllegalArgumentException("a configuration needs at least one projective factor");
        if (degrees.length != m) {
            throw new IllegalArgumentException("configuration has " + m + " projective factors but " + degrees.length + " degree rows");
        }
        int k = degrees[0].length;
        if (k == 0) throw new IllegalArgumentException("a configuration needs at least one equation (a column of degrees)");
        int[][] q = new int[m][];
        for (int r = 0; r < m; r++) {
            if (degrees[r].length != k) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + degrees[r].length + " degrees, row 1 has " + k);
            }
            if (projectiveDims[r] < 1) {
                throw new IllegalArgumentException("row " + (r + 1) + ": projective dimension must be at least 1, got " + projectiveDims[r]);
            }
            int sum = 0;
            for (int a = 0; a < k; a++) {
                if (degrees[r][a] < 0) {
                    throw new IllegalArgumentException("row " + (r + 1) + ": degrees must be non-negative, got " + degrees[r][a]);
                }
                sum += degrees[r][a];
            }
            if (sum != projectiveDims[r] + 1) {
                throw new IllegalArgumentException("not Calabi-Yau: row " + (r + 1) + " (P^" + projectiveDims[r] + " | "
                        + join(degrees[r]) + ") has degrees summing to " + sum + ", c1 = 0 needs n_r + 1 = " + (projectiveDims[r] + 1));
            }
            q[r] = degrees[r].clone();
        }
        for (int a = 0; a < k; a++) {
            int sum = 0;
            for (int r = 0; r < m; r++) sum += q[r][a];
            if (sum == 0) throw new IllegalArgumentException("equation (column) " + (a + 1) + " has degree 0 in every factor");
        }
        int dim = Arrays.stream(projectiveDims).sum() - k;
        if (dim != 3) {
            throw new IllegalArgumentException("not a threefold: sum of n_r (" + Arrays.stream(projectiveDims).sum() + ") minus "
                    + k + " equations gives dimension " + dim + ", a CICY threefold needs 3");
        }
        return new Configuration(projectiveDims.clone(), q);
    }

    /**
     * Parses a configuration: a JSON matrix whose rows are projective factors, first entry n_r then the
     * degrees ({@code [[4,5]]} is the quintic), or a JSON object {@code {"projective_dims": [...],
     * "degrees": [[...], ...]}}.
     *
     * @throws IllegalArgumentException with a message saying what is malformed or which row breaks c1 = 0
     */
    public static Configuration parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty configuration");
        JsonNode node;
        try {
            node = JSON.readTree(text.strip());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration is not a JSON matrix or object: " + e.getOriginalMessage(), e);
        }
        if (node != null && node.isObject()) {
            JsonNode dims = node.get("projective_dims");
            JsonNode deg = node.get("degrees");
            if (dims == null || deg == null) {
                throw new IllegalArgumentException("a configuration object needs \"projective_dims\" and \"degrees\"");
            }
            int[] n = intRow(dims, "projective_dims");
            int[][] q = new int[deg.size()][];
            if (!deg.isArray()) throw new IllegalArgumentException("\"degrees\" must be a matrix");
            for (int r = 0; r < deg.size(); r++) q[r] = intRow(deg.get(r), "degrees row " + (r + 1));
            return of(n, q);
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("configuration must be a non-empty matrix [[n_1, q_11, ...], ...]");
        }
        int m = node.size();
        int[] n = new int[m];
        int[][] q = new int[m][];
        for (int r = 0; r < m; r++) {
            int[] row = intRow(node.get(r), "row " + (r + 1));
            if (row.length < 2) {
                throw new IllegalArgumentException("row " + (r + 1) + " needs n_r followed by at least one degree, got " + join(row));
            }
            n[r] = row[0];
            q[r] = Arrays.copyOfRange(row, 1, row.length);
        }
        return of(n, q);
    }

    private static int[] intRow(JsonNode row, String what) {
        if (row == null || !row.isArray()) throw new IllegalArgumentException(what + " must be a list of integers");
        int[] out = new int[row.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = row.get(i);
            if (!v.isIntegralNumber()) throw new IllegalArgumentException(what + ": '" + v + "' is not an integer");
            out[i] = v.intValue();
        }
        return out;
    }

    /** m, the number of projective factors (= h11 for a favourable configuration). */
    public int factors() {
        return projectiveDims.length;
    }

    /** K, the number of equations. */
    public int equations() {
        return degrees[0].length;
    }

    /** n_r. */
    public int projectiveDim(int r) {
        return projectiveDims[r];
    }

    /** q_{ra}. */
    public int degree(int r, int a) {
        return degrees[r][a];
    }

    public int[] projectiveDims() {
        return projectiveDims.clone();
    }

    public int[][] degrees() {
        int[][] out = new int[degrees.length][];
        for (int r = 0; r < out.length; r++) out[r] = degrees[r].clone();
        return out;
    }

    /**
     * The permutations sigma of the projective factors that map the configuration to itself up to a
     * permutation of the equations: n_{sigma(r)} = n_r and the columns of q_{sigma(r), a} are those of
     * q_{ra} as a multiset. They preserve d_rst and c2, so they map SLMs to SLMs (48 for CICY 5302).
     * Each is an array p with p[r] = sigma(r); the identity comes first.
     */
    public List<int[]> permutationSymmetries() {
        int m = factors();
        List<int[]> out = new ArrayList<>();
        int[] perm = new int[m];
        boolean[] used = new boolean[m];
        extend(0, perm, used, out);
        out.sort((x, y) -> Arrays.compare(x, y));
        return out;
    }

    // assigns sigma(depth) and prunes when the columns restricted to rows 0..depth no longer match as multisets
    private void extend(int depth, int[] perm, boolean[] used, List<int[]> out) {
        int m = factors();
        if (depth == m) {
            out.add(perm.clone());
            return;
        }
        for (int s = 0; s < m; s++) {
            if (used[s] || projectiveDims[s] != projectiveDims[depth]) continue;
            perm[depth] = s;
            if (!columnsMatch(perm, depth + 1)) continue;
            used[s] = true;
            extend(depth + 1, perm, used, out);
            used[s] = false;
        }
    }

    private boolean columnsMatch(int[] perm, int rows) {
        int k = equations();
        List<String> original = new ArrayList<>(k), permuted = new ArrayList<>(k);
        for (int a = 0; a < k; a++) {
            StringBuilder o = new StringBuilder(), p = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                o.append(degrees[r][a]).append(',');
                p.append(degrees[perm[r]][a]).append(',');
            }
            original.add(o.toString());
            permuted.add(p.toString());
        }
        original.sort(null);
        permuted.sort(null);
        return original.equals(permuted);
    }

    /** The matrix form {@code [[n_1, q_11, ...], ...]} that {@link #parse} reads. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int r = 0; r < factors(); r++) {
            if (r > 0) b.append(',');
            b.append('[').append(projectiveDims[r]);
            for (int q : degrees[r]) b.append(',').append(q);
            b.append(']');
        }
        return b.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && Arrays.equals(projectiveDims, c.projectiveDims)
                && Arrays.deepEquals(degrees, c.degrees);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(projectiveDims) + Arrays.deepHashCode(degrees);
    }

    private static String join(int[] row) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.length; i++) b.append(i == 0 ? "" : " ").append(row[i]);
        return b.toString();
    }
}
