package org.physlab.vertexmesh.dynamics;

/** The integrators of the {@code solver} parameter. */
public enum Solver {
    /** The tutorial's gradient-descent step V ← V − dt·∇E. */
    GD("gd"),
    /** Forward Euler on dV/dt = −∇E (the same iterates as gd). */
    EULER("euler"),
    /** Classical Runge–Kutta 4. */
    RK4("rk4"),
    /** Tsitouras 5(4) with a fixed step, as the tutorial's diffrax loop. */
    TSIT5("tsit5"),
    /** Tsitouras 5(4) with error control, integrating to t = steps·stepSize. */
    TSIT5_ADAPTIVE("tsit5-adaptive");

    private final String id;

    Solver(String id) {
        this.id = id;
    }

    /** The parameter value. */
    public String id() {
        return id;
    }

    /** All parameter values, in declaration order. */
    public static String[] ids() {
        return java.util.Arrays.stream(values()).map(Solver::id).toArray(String[]::new);
    }

    /** The solver with this parameter value. */
    public static Solver of(String id) {
        for (Solver s : values()) {
            if (s.id.equals(id)) return s;
        }
        throw new IllegalArgumentException("unknown solver '" + id + "'; use one of " + String.join(", ", ids()));
    }
}
