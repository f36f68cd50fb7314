package org.physlab.oscillator.nets;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.oscillator.nets.plain.PlainNetwork;

/**
 * Copies weights between a {@link PlainNetwork} and a DL4J network of the same layers. DL4J names them
 * {@code "<layer>_W"} and {@code "<layer>_b"}: dense weights [nIn, nOut] (a Fortran-ordered view inside
 * the flat parameter vector), kernels [out, in, kh, kw], biases [1, n]. The copy goes through those
 * shaped views element by element, so DL4J's flat layout never matters.
 */
public final class Dl4jWeights {
    private Dl4jWeights() { }

    /** Sets the DL4J network's parameters to the plain network's. */
    public static void copy(PlainNetwork<?> from, MultiLayerNetwork to) {
        checkLayers(from, to);
        DataType type = to.params().dataType();
        for (int layer = 0; layer < from.layerCount(); layer++) {
            INDArray w = to.getParam(layer + "_W");
            INDArray b = to.getParam(layer + "_b");
            w.assign(Nd4j.create(from.values(layer, false), from.weightShape(layer), 'c').castTo(type));
            b.assign(Nd4j.create(from.values(layer, true), b.shape(), 'c').castTo(type));
        }
    }

    /** Sets the plain network's parameters to the DL4J network's. */
    public static void copy(MultiLayerNetwork from, PlainNetwork<?> to) {
        checkLayers(to, from);
        for (int layer = 0; layer < to.layerCount(); layer++) {
            to.setValues(layer, false, values(from.getParam(layer + "_W")));
            to.setValues(layer, true, values(from.getParam(layer + "_b")));
        }
    }

    /** An array's values in row-major order of its shape, as doubles. */
    public static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static void checkLayers(PlainNetwork<?> plain, MultiLayerNetwork dl4j) {
        if (dl4j.getnLayers() != plain.layerCount()) {
            throw new IllegalArgumentException("the DL4J network has " + dl4j.getnLayers() + " layers, the plain one "
                    + plain.layerCount());
        }
        for (int layer = 0; layer < plain.layerCount(); layer++) {
            long[] shape = dl4j.getParam(layer + "_W").shape();
            if (!Arrays.equals(shape, plain.weightShape(layer))) {
                throw new IllegalArgumentException("layer " + layer + ": DL4J weights " + Arrays.toString(shape)
                        + ", plain weights " + Arrays.toString(plain.weightShape(layer)));
            }
        }
    }
}
