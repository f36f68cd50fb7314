package org.physlab.autoencoder.images;

/** Lays out images side by side for Heatmap artifacts, and makes noisy copies for denoising. */
public final class ImageGrids {
    private ImageGrids() { }

    /**
     * A mosaic of {@code gridRows x gridColumns} images of {@code rows x columns} pixels, separated by one
     * pixel of {@code gap} value; image k goes to grid cell (k / gridColumns, k % gridColumns). Row 0 of the
     * result is the top row of pixels. Missing images leave their cell at {@code gap}.
     */
    public static double[][] mosaic(float[][] images, int rows, int columns, int gridRows, int gridColumns, double gap) {
        int h = gridRows * (rows + 1) - 1;
        int w = gridColumns * (columns + 1) - 1;
        double[][] m = new double[h][w];
        for (double[] line : m) java.util.Arrays.fill(line, gap);
        for (int k = 0; k < Math.min(images.length, gridRows * gridColumns); k++) {
            int top = (k / gridColumns) * (rows + 1);
            int left = (k % gridColumns) * (columns + 1);
            for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) m[top + r][left + c] = images[k][r * columns + c];
        }
        return m;
    }

    /** Flips a mosaic upside down, for heatmaps whose row 0 is drawn at the bottom (y grows upwards). */
    public static double[][] flipVertically(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = m[m.length - 1 - i];
        return out;
    }

    /** clip(x + noise * N(0, 1), 0, 1) for every pixel, the corruption the denoising autoencoder learns to undo. */
    public static float[][] addNoise(float[][] images, double noise, java.util.random.RandomGenerator random) {
        float[][] out = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            out[i] = new float[images[i].length];
            for (int k = 0; k < images[i].length; k++) {
                double v = images[i][k] + noise * random.nextGaussian();
                out[i][k] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return out;
    }
}
