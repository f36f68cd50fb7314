package org.physlab.calabiyau.net;

import java.util.Locale;
import org.physlab.calabiyau.complex.Complex;

/**
 * The input features a moduli network sees of the complex structure ψ — the one place where ψ becomes the
 * network's input vector, shared by training ({@link ModuliBatch}), evaluation ({@link SigmaGrid}), the saved
 * network ({@link HNetArtifact}) and {@code calabi-yau.sigma}.
 */
public enum PsiFeatures {
    /** The tutorial's single feature |ψ| (the metric then depends on ψ only through its modulus). */
    ABS("abs(psi)") {
        @Override
        public double[] of(Complex psi) {
            return new double[] {psi.abs()};
        }
    },
    /** Re ψ, Im ψ and |ψ|: the network can tell ψ from e^{iφ}ψ. */
    COMPLEX("re(psi), im(psi), abs(psi)") {
        @Override
        public double[] of(Complex psi) {
            return new double[] {psi.re(), psi.im(), psi.abs()};
        }
    };

    private final String description;

    PsiFeatures(String description) {
        this.description = description;
    }

    /** The network input for ψ. */
    public abstract double[] of(Complex psi);

    /** Number of features (the network's input size). */
    public int size() {
        return of(Complex.ZERO).length;
    }

    /** The parameter value and artifact field of these features: {@code abs} or {@code complex}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the input vector holds, e.g. {@code abs(psi)}. */
    public String description() {
        return description;
    }

    /** The features named by {@link #key()}. */
    public static PsiFeatures parse(String key) {
        for (PsiFeatures f : values()) if (f.key().equals(key)) return f;
        throw new IllegalArgumentException("unknown ψ features '" + key + "' (expected abs or complex)");
    }

    /** Throws unless {@code net} takes exactly these features as input. */
    public void requireInputOf(HNet net) {
        int input = net.sizes()[0];
        if (input != size()) {
            throw new IllegalArgumentException("a network with " + input + " inputs does not take the " + size()
                    + " ψ features " + description);
        }
    }
}
