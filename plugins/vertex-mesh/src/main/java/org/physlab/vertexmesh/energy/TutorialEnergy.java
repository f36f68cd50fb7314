package org.physlab.vertexmesh.energy;

import java.util.Objects;
import org.physlab.vertexmesh.mesh.HalfEdgeMesh;
import org.physlab.vertexmesh.sensitivity.EnergyKernel;
import org.physlab.vertexmesh.sensitivity.EnergyParameters;

/**
 * The energy of triangulax's tutorial 02 (spec §5), with rest length ℓ₀ and a₀ = (√3/4)·ℓ₀²:
 * <pre>
 *   E(V; ℓ₀) = (1/N_HE)·Σ_h (ℓ_h/ℓ₀ − 1)² + (1/N_F)·Σ_f (A_f/a₀ − 1)²
 * </pre>
 * over all half-edge lengths ℓ_h (every edge counted twice) and the signed face areas A_f, plus its
 * gradient, the Hessian-vector product and the ℓ₀-derivative of the gradient (spec §5.1–5.2), all
 * analytic. Vertex positions are interleaved x0, y0, x1, y1, …
 *
 * <p>This is the checked, one-parameter face of {@link EnergyKernel} (area weight 1), which holds the
 * formulas once for relaxation and for meta-training alike: arguments are validated here, then the
 * kernel computes. The methods allocate nothing; callers pass the output arrays. An instance is
 * immutable and may be shared between threads.
 */
public final class TutorialEnergy {
    private final EnergyKernel kernel;
    private final int vertexCount;
    /** The gradient that the fused kernel computes alongside a directional derivative, per thread. */
    private final ThreadLocal<double[]> scratchGradient;

    public TutorialEnergy(HalfEdgeMesh topology) {
        Objects.requireNonNull(topology, "topology");
        this.kernel = new EnergyKernel(topology);
        this.vertexCount = topology.vertexCount();
        this.scratchGradient = ThreadLocal.withInitial(() -> new double[2 * vertexCount]);
    }

    /** The number of doubles in a position (or gradient) vector: 2·N_V. */
    public int dimension() {
        return 2 * vertexCount;
    }

    /** E(v; ℓ₀). */
    public double energy(double[] v, double ell0) {
        check(v, ell0);
        return kernel.energy(v, EnergyParameters.tutorial(ell0));
    }

    /** The edge-length part (1/N_HE)·Σ_h (ℓ_h/ℓ₀ − 1)² of the energy (the energy with area weight 0). */
    public double edgeEnergy(double[] v, double ell0) {
        check(v, ell0);
        return kernel.energy(v, new EnergyParameters(ell0, 0));
    }

    /** out = ∇_V E(v; ℓ₀) (overwritten). */
    public void gradient(double[] v, double ell0, double[] out) {
        check(v, ell0);
        checkOut(out);
        kernel.gradient(v, EnergyParameters.tutorial(ell0), out);
    }

    /**
     * out = H(v)·s + dEll0·∂ℓ₀∇E(v; ℓ₀) (overwritten): the derivative of the gradient along the
     * direction (s, dEll0). With dEll0 = 0 it is the Hessian-vector product (H is symmetric, so it is
     * also the transposed product the adjoint needs); with s = 0 and dEll0 = 1 it is ∂ℓ₀∇E.
     */
    public void directionalDerivative(double[] v, double ell0, double[] s, double dEll0, double[] out) {
        check(v, ell0);
        checkOut(out);
        if (s == null || s.length != 2 * vertexCount) {
            throw new IllegalArgumentException("direction needs " + 2 * vertexCount + " entries, got " + (s == null ? "null" : s.length));
        }
        if (!Double.isFinite(dEll0)) throw new IllegalArgumentException("dEll0 must be finite, got " + dEll0);
        kernel.gradientAndTangent(v, EnergyParameters.tutorial(ell0), s, dEll0, 0, scratchGradient.get(), out);
    }

    private void check(double[] v, double ell0) {
        if (!(ell0 > 0) || !Double.isFinite(ell0)) throw new IllegalArgumentException("ℓ₀ must be positive and finite, got " + ell0);
        if (v == null || v.length != 2 * vertexCount) {
            throw new IllegalArgumentException("positions need " + 2 * vertexCount + " entries, got " + (v == null ? "null" : v.length));
        }
    }

    private void checkOut(double[] out) {
        if (out == null || out.length != 2 * vertexCount) {
            throw new IllegalArgumentException("output needs " + 2 * vertexCount + " entries, got " + (out == null ? "null" : out.length));
        }
    }
}
