package org.physlab.autoencoder.slm;

/**
 * The talk's input encoding of a line-bundle sum: the rank x h11 charges, line bundle by line bundle
 * (index a*h11 + i), each shifted by +maxCharge and one-hot encoded with depth 2*maxCharge + 1. For SU(5) on
 * CICY 5302 (h11 = 6) with charges -5..5 this is 30 x 11 = 330 inputs.
 */
public final class OneHotEncoding {

    private final int rank;
    private final int h11;
    private final int maxCharge;

    /** The SU(5) encoding (rank 5). */
    public OneHotEncoding(int h11, int maxCharge) {
        this(5, h11, maxCharge);
    }

    public OneHotEncoding(int rank, int h11, int maxCharge) {
        if (rank < 1 || h11 < 1 || maxCharge < 0) {
            throw new IllegalArgumentException("need rank >= 1, h11 >= 1, maxCharge >= 0; got " + rank + ", " + h11 + ", " + maxCharge);
        }
        this.rank = rank;
        this.h11 = h11;
        this.maxCharge = maxCharge;
    }

    /** 2 maxCharge + 1, the number of charge values per slot. */
    public int depth() {
        return 2 * maxCharge + 1;
    }

    /** rank * h11 * depth (330 for the talk). */
    public int length() {
        return rank * h11 * depth();
    }

    public int maxCharge() {
        return maxCharge;
    }

    /**
     * The one-hot vector: position (a*h11 + i)*depth + q_a^i + maxCharge is 1.
     *
     * @throws IllegalArgumentException if the shape differs or a charge lies outside [-maxCharge, maxCharge]
     */
    public float[] encode(LineBundleSum v) {
        if (v.rank() != rank || v.h11() != h11) {
            throw new IllegalArgumentException("model " + v + " is " + v.rank() + " x " + v.h11() + ", the encoding expects " + rank + " x " + h11);
        }
        float[] x = new float[length()];
        int d = depth();
        for (int a = 0; a < rank; a++) {
            for (int i = 0; i < h11; i++) {
                int q = v.charge(a, i);
                if (q < -maxCharge || q > maxCharge) {
                    throw new IllegalArgumentException("charge q_" + (a + 1) + "^" + (i + 1) + " = " + q + " of " + v
                            + " is outside [-" + maxCharge + ", " + maxCharge + "]; raise maxCharge of the encoding");
                }
                x[(a * h11 + i) * d + q + maxCharge] = 1;
            }
        }
        return x;
    }

    /** Encodes many models, one row each. */
    public float[][] encodeAll(java.util.List<LineBundleSum> models) {
        float[][] out = new float[models.size()][];
        for (int n = 0; n < out.length; n++) out[n] = encode(models.get(n));
        return out;
    }

    /** The charges of the largest entry in each group of {@link #depth()} (a reconstruction, or an encoded model). */
    public LineBundleSum decode(float[] x) {
        if (x.length != length()) throw new IllegalArgumentException("vector of length " + x.length + ", the encoding has " + length());
        int d = depth();
        int[][] q = new int[rank][h11];
        for (int a = 0; a < rank; a++) {
            for (int i = 0; i < h11; i++) {
                int base = (a * h11 + i) * d, best = 0;
                for (int c = 1; c < d; c++) if (x[base + c] > x[base + best]) best = c;
                q[a][i] = best - maxCharge;
            }
        }
        return LineBundleSum.of(q);
    }
}
