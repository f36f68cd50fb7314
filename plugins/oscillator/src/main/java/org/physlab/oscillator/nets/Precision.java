package org.physlab.oscillator.nets;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The floating-point type the networks compute in. The lecture trains in JAX's default float32;
 * float32 is also about 1.5 times faster than float64 in ND4J's CPU BLAS. The Duffing simulation
 * itself always runs in double precision (its reference values are float64).
 */
public enum Precision {
    FLOAT32(DataType.FLOAT),
    FLOAT64(DataType.DOUBLE);

    private final DataType dataType;

    Precision(DataType dataType) {
        this.dataType = dataType;
    }

    public DataType dataType() {
        return dataType;
    }

    /** {@code float32} or {@code float64}, as parameters spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision parse(String label) {
        for (Precision p : values()) if (p.label().equalsIgnoreCase(label.trim())) return p;
        throw new IllegalArgumentException("unknown precision '" + label + "', expected float32 or float64");
    }
}
