package org.physlab.calabiyau.hermitian;

import java.util.Arrays;
import java.util.List;

import org.physlab.calabiyau.basis.MonomialBasis;

/**
 * Hermitian matrices invariant under the symmetries of the Dwork family (phases z_i → ω^{a_i} z_i with
 * Σa_i ≡ 0 mod 5, and permutations). For degree k &lt; 5 two distinct monomials never carry the same
 * character, so an invariant H is diagonal and constant on the permutation orbits of the monomials: one
 * real number per orbit type (3 for k = 3: z_i^3, z_i^2 z_j, z_i z_j z_l). For k ≥ 5 invariant matrices
 * have off-diagonal blocks, which this class does not build.
 */
public final class InvariantHermitian {

    private InvariantHermitian() {
    }

    /**
     * The diagonal H with {@code values[t]} on the monomials of orbit type t ({@link MonomialBasis#orbitTypes()} order).
     *
     * @throws IllegalArgumentException if k ≥ 5, the number of values differs from the number of orbit types,
     *         or a value is not finite and positive
     */
    public static HermitianMatrix diagonalByOrbit(MonomialBasis basis, double... values) {
        if (basis.degree() >= 5) {
            throw new IllegalArgumentException("orbit-diagonal H is the invariant form only for k < 5, got k = " + basis.degree());
        }
        List<int[]> types = basis.orbitTypes();
        if (values.length != types.size()) {
            throw new IllegalArgumentException("the " + basis + " has " + types.size() + " orbit types, got "
                    + values.length + " values");
        }
        for (double v : values) {
            if (!(Double.isFinite(v) && v > 0)) throw new IllegalArgumentException("orbit values must be positive and finite, got " + v);
        }
        int n = basis.size();
        double[] re = new double[n * n];
        for (int a = 0; a < n; a++) {
            int[] t = basis.orbitType(a);
            for (int k = 0; k < types.size(); k++) {
                if (Arrays.equals(types.get(k), t)) re[a * n + a] = values[k];
            }
        }
        return HermitianMatrix.of(n, re, new double[n * n]);
    }
}
