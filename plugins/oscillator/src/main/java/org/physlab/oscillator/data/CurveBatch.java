package org.physlab.oscillator.data;

/**
 * A batch of network inputs with their targets, as flat row-major arrays.
 *
 * @param size     number of samples
 * @param shape    the shape of one input, e.g. {@code [50]} for a curve or {@code [3, 50, 50]} for an image
 * @param inputs   size × prod(shape) values, sample after sample
 * @param targets  size × 3 values: (omega0, gamma, epsilon) of each sample
 */
public record CurveBatch(int size, int[] shape, double[] inputs, double[] targets) {
    public CurveBatch {
        int per = 1;
        for (int s : shape) per *= s;
        if (inputs.length != size * per) {
            throw new IllegalArgumentException("inputs hold " + inputs.length + " values, expected " + size + " x " + per);
        }
        if (targets.length != size * 3) throw new IllegalArgumentException("targets must hold 3 values per sample");
    }

    /** Number of input values per sample. */
    public int inputLength() {
        return inputs.length / size;
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) of this batch, in a new batch. */
    public CurveBatch slice(int from, int to) {
        int per = inputLength();
        return new CurveBatch(to - from, shape.clone(),
                java.util.Arrays.copyOfRange(inputs, from * per, to * per),
                java.util.Arrays.copyOfRange(targets, from * 3, to * 3));
    }

    /** The samples at the given indices, in that order. */
    public CurveBatch select(int[] indices) {
        int per = inputLength();
        double[] in = new double[indices.length * per];
        double[] tg = new double[indices.length * 3];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(inputs, indices[i] * per, in, i * per, per);
            System.arraycopy(targets, indices[i] * 3, tg, i * 3, 3);
        }
        return new CurveBatch(indices.length, shape.clone(), in, tg);
    }

    /** The samples of several batches of the same shape, one after the other. */
    public static CurveBatch concat(java.util.List<CurveBatch> batches) {
        int size = 0;
        for (CurveBatch b : batches) size += b.size;
        int per = batches.get(0).inputLength();
        double[] in = new double[size * per];
        double[] tg = new double[size * 3];
        int at = 0;
        for (CurveBatch b : batches) {
            if (!java.util.Arrays.equals(b.shape, batches.get(0).shape)) throw new IllegalArgumentException("shapes differ");
            System.arraycopy(b.inputs, 0, in, at * per, b.inputs.length);
            System.arraycopy(b.targets, 0, tg, at * 3, b.targets.length);
            at += b.size;
        }
        return new CurveBatch(size, batches.get(0).shape.clone(), in, tg);
    }

    /** Target {@code parameter} (0 omega0, 1 gamma, 2 epsilon) of every sample. */
    public double[] target(int parameter) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) out[i] = targets[i * 3 + parameter];
        return out;
    }
}
