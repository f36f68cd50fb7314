package org.physlab.autoencoder.nets;

import java.util.Locale;

/**
 * A plain autoencoder (the encoder gives the code z directly) or a variational one (the encoder gives
 * the mean and log-variance of q(z|x) and z = mu + exp(logvar / 2) * eps, Kingma and Welling 2013).
 */
public enum AutoencoderKind {
    AE,
    VAE;

    /** {@code ae} or {@code vae}, as the {@code model} parameter spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AutoencoderKind parse(String label) {
        for (AutoencoderKind k : values()) if (k.label().equalsIgnoreCase(label.trim())) return k;
        throw new IllegalArgumentException("unknown model '" + label + "', expected ae or vae");
    }
}
