package org.physlab.vertexmesh.sensitivity;

/**
 * A scalar parameter of the (weighted) tutorial energy that meta-training can learn:
 * E(V; ℓ₀, w) = (1/H)·Σ_h (ℓ_h/ℓ₀ − 1)² + w·(1/F)·Σ_f (A_f/a₀ − 1)², a₀ = (√3/4)·ℓ₀².
 * The tutorial learns {@link #ELL0} alone with w = 1.
 */
public enum EnergyParameter {
    /** The target edge length ℓ₀ (the tutorial's learned parameter). */
    ELL0("ell0"),
    /** The weight w of the oriented-area term relative to the edge-length term (1 in the tutorial). */
    AREA_WEIGHT("areaWeight");

    private final String key;

    EnergyParameter(String key) {
        this.key = key;
    }

    /** The name used in parameters, metrics and logs, e.g. {@code ell0}. */
    public String key() {
        return key;
    }
}
