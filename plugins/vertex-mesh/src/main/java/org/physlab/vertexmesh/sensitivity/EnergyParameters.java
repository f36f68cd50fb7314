package org.physlab.vertexmesh.sensitivity;

/**
 * Values of the energy's parameters: the target edge length ℓ₀ (&gt; 0) and the weight w (≥ 0) of the
 * oriented-area term. {@code new EnergyParameters(ℓ₀, 1)} is the tutorial energy.
 *
 * @param ell0       target edge length ℓ₀
 * @param areaWeight weight w of the area term
 */
public record EnergyParameters(double ell0, double areaWeight) {

    public EnergyParameters {
        if (!(ell0 > 0) || !Double.isFinite(ell0)) {
            throw new IllegalArgumentException("the target edge length ℓ₀ must be positive and finite, got " + ell0);
        }
        if (!(areaWeight >= 0) || !Double.isFinite(areaWeight)) {
            throw new IllegalArgumentException("the area-term weight must be finite and at least 0, got " + areaWeight);
        }
    }

    /** The tutorial energy with target edge length ℓ₀ (area weight 1). */
    public static EnergyParameters tutorial(double ell0) {
        return new EnergyParameters(ell0, 1.0);
    }

    /** The value of one parameter. */
    public double get(EnergyParameter parameter) {
        return switch (parameter) {
            case ELL0 -> ell0;
            case AREA_WEIGHT -> areaWeight;
        };
    }

    /** A copy with one parameter changed (checked like the constructor). */
    public EnergyParameters with(EnergyParameter parameter, double value) {
        return switch (parameter) {
            case ELL0 -> new EnergyParameters(value, areaWeight);
            case AREA_WEIGHT -> new EnergyParameters(ell0, value);
        };
    }
}
