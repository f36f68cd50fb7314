package org.physlab.autoencoder.nets.layers;

/** The activations of the convolutional autoencoder: ReLU on hidden layers, identity on the last (logits). */
public enum Activation {
    RELU, IDENTITY;

    void apply(float[] values, int n) {
        if (this == RELU) for (int i = 0; i < n; i++) if (values[i] < 0) values[i] = 0;
    }

    /** dL/da -> dL/dpre-activation, given the activations a (ReLU: zero where a = 0). */
    void backward(float[] error, float[] activation, int n) {
        if (this == RELU) for (int i = 0; i < n; i++) if (activation[i] <= 0) error[i] = 0;
    }
}
