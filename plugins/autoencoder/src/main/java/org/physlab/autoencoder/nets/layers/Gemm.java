package org.physlab.autoencoder.nets.layers;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One matrix product site of a layer, C = op(A) op(B), done by ND4J's BLAS (OpenBLAS sgemm) on off-heap
 * arrays that are kept between calls and filled by bulk copies from the layer's Java arrays. Creating
 * ND4J arrays from Java arrays anew for every product costs more than the product itself at these
 * sizes (tens of MB per batch), so each site reuses its three arrays while the shapes stay the same.
 */
final class Gemm {
    private INDArray a;
    private INDArray b;
    private INDArray c;

    /**
     * c[m x n] = op(a) op(b), row-major, where a is stored as aRows x aCols and op(a) is a or its transpose
     * (likewise b). The arrays may be longer than the matrices they hold.
     */
    void multiply(float[] aData, int aRows, int aCols, boolean transposeA,
                  float[] bData, int bRows, int bCols, boolean transposeB, float[] cData) {
        int m = transposeA ? aCols : aRows;
        int k = transposeA ? aRows : aCols;
        int kb = transposeB ? bCols : bRows;
        int n = transposeB ? bRows : bCols;
        if (k != kb) throw new IllegalArgumentException("inner dimensions differ: " + k + " vs " + kb);
        a = fit(a, aRows, aCols);
        b = fit(b, bRows, bCols);
        c = fit(c, m, n);
        pointer(a).put(aData, 0, aRows * aCols);
        pointer(b).put(bData, 0, bRows * bCols);
        Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
        pointer(c).get(cData, 0, m * n);
    }

    private static INDArray fit(INDArray current, int rows, int cols) {
        if (current != null && current.rows() == rows && current.columns() == cols) return current;
        return Nd4j.create(DataType.FLOAT, rows, cols);
    }

    private static FloatPointer pointer(INDArray array) {
        return (FloatPointer) array.data().pointer();
    }
}
