package org.physlab.vertexmesh.dynamics;

import java.util.Arrays;

/**
 * Tsitouras' 5(4) Runge–Kutta pair (Ch. Tsitouras, Comput. Math. Appl. 62(2):770–775, 2011), with
 * the coefficients as published in diffrax (P. Kidger): 7 stages, first-same-as-last, so a step costs
 * 6 new evaluations once the first f(y₀) is known. {@link #step} is the fixed-step method the tutorial
 * uses (error estimate ignored); {@link #lastErrorEstimate} exposes h·Σ(b − b̂)·k for step control
 * (see {@link AdaptiveTsit5}). The FSAL value is reused only while the state passed in is exactly the
 * one this stepper produced.
 */
public final class Tsit5 implements Stepper {
    static final double C2 = 0.161, C3 = 0.327, C4 = 0.9, C5 = 0.9800255409045096857298102862870245954942;
    static final double A21 = 0.161;
    static final double A31 = -0.008480655492356988544426874250230774675121, A32 = 0.3354806554923569885444268742502307746751;
    static final double A41 = 2.897153057105493432130432594192938764925, A42 = -6.359448489975074843148159912383825625953,
            A43 = 4.362295432869581411017727318190886861028;
    static final double A51 = 5.325864828439256604428877920840511317836, A52 = -11.74888356406282787774717033978577296189,
            A53 = 7.495539342889836208304604784564358155659, A54 = -0.09249506636175524925650207933207191611350;
    static final double A61 = 5.861455442946420028659251486982647890394, A62 = -12.92096931784710929170611868178335939542,
            A63 = 8.159367898576158643180400794539253485182, A64 = -0.07158497328140099722453054252582973869127,
            A65 = -0.02826905039406838290900305721271224146718;
    static final double B1 = 0.09646076681806522951816731316512876333712, B2 = 0.01,
            B3 = 0.4798896504144995747752495322905965199130, B4 = 1.379008574103741893192274821856872770756,
            B5 = -3.290069515436080679901047585711363850116, B6 = 2.324710524099773982415355918398765796109;
    /** The embedded fourth-order weights b̂. */
    static final double BH1 = 0.09468075576583945807478876255758922856118, BH2 = 0.009183565540343253096776363936645313759814,
            BH3 = 0.4877705284247615707855642599631228241517, BH4 = 1.234297566930478985655109673884237654036,
            BH5 = -2.707712349983525454881109975059321670690, BH6 = 1.866628418170587035753719399566211498666,
            BH7 = 1.0 / 66;

    private final double[] k1, k2, k3, k4, k5, k6, k7, tmp, error, cachedY;
    private boolean cacheValid;

    public Tsit5(int dimension) {
        k1 = new double[dimension];
        k2 = new double[dimension];
        k3 = new double[dimension];
        k4 = new double[dimension];
        k5 = new double[dimension];
        k6 = new double[dimension];
        k7 = new double[dimension];
        tmp = new double[dimension];
        error = new double[dimension];
        cachedY = new double[dimension];
    }

    @Override
    public void step(OdeSystem f, double[] y, double h) {
        int n = y.length;
        if (cacheValid && Arrays.equals(y, cachedY)) {
            System.arraycopy(k7, 0, k1, 0, n);
        } else {
            f.derivative(y, k1);
        }
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * A21 * k1[i];
        f.derivative(tmp, k2);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        f.derivative(tmp, k3);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        f.derivative(tmp, k4);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        f.derivative(tmp, k5);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        f.derivative(tmp, k6);
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + h * (B1 * k1[i] + B2 * k2[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
        }
        f.derivative(tmp, k7); // FSAL: f(y_new), the next step's k1
        for (int i = 0; i < n; i++) {
            error[i] = h * ((B1 - BH1) * k1[i] + (B2 - BH2) * k2[i] + (B3 - BH3) * k3[i] + (B4 - BH4) * k4[i]
                    + (B5 - BH5) * k5[i] + (B6 - BH6) * k6[i] - BH7 * k7[i]);
        }
        System.arraycopy(tmp, 0, y, 0, n);
        System.arraycopy(tmp, 0, cachedY, 0, n);
        cacheValid = true;
    }

    /** Forgets the FSAL value (e.g. after the system changed). */
    public void reset() {
        cacheValid = false;
    }

    /** The local error estimate h·Σ(b_i − b̂_i)·k_i of the last step (a view; do not modify). */
    double[] lastErrorEstimate() {
        return error;
    }

    @Override
    public int evaluationsPerStep() {
        return 6;
    }
}
