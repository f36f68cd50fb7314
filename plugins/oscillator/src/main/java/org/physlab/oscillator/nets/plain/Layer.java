package org.physlab.oscillator.nets.plain;

/** A layer of a {@link PlainNetwork}: its weights and biases. */
sealed interface Layer<A> permits ConvolutionLayer, DenseLayer {

    ParameterRows<A> weights();

    ParameterRows<A> bias();

    /**
     * The weights' shape as DL4J holds it: [out, in, kh, kw] for a convolution, [in, out] for a dense
     * layer. {@link ParameterRows#store row-major} order of that shape is the order of the values.
     */
    long[] weightShape();
}
