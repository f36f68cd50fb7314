package org.physlab.imnn.inference;

/** Integration and binning on the regular parameter grids. */
final class Grids {

    private Grids() { }

    /** ∫ y dx over the points (x, y) by the trapezoid rule. */
    static double trapezoid(double[] x, double[] y) {
        double s = 0;
        for (int k = 1; k < x.length; k++) s += 0.5 * (y[k] + y[k - 1]) * (x[k] - x[k - 1]);
        return s;
    }

    /**
     * The g + 1 edges of g bins centred on the g points of a regular grid: r_k − Δ/2 for k = 0..g−1,
     * then r_{g−1} + Δ/2. (Upstream appended Δ itself as the last edge, which is not monotone.)
     */
    static double[] binEdges(double[] grid) {
        int g = grid.length;
        double delta = grid[1] - grid[0];
        double[] edges = new double[g + 1];
        for (int k = 0; k < g; k++) edges[k] = grid[k] - delta / 2;
        edges[g] = grid[g - 1] + delta / 2;
        return edges;
    }
}
