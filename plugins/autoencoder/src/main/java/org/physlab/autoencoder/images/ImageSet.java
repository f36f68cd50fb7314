package org.physlab.autoencoder.images;

/**
 * Labelled grey images scaled to [0, 1], each a row-major row of rows x columns values.
 *
 * @param name   where they come from, e.g. "MNIST training set"
 * @param images rows = images
 * @param labels class of each image
 */
public record ImageSet(String name, float[][] images, int[] labels, int rows, int columns) {
    public ImageSet {
        if (images.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + images.length + " images but " + labels.length + " labels");
        }
    }

    /** Pairs an IDX image file with its label file; their counts must agree. */
    public static ImageSet of(String name, IdxReader.Images images, int[] labels, String labelSource) {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException("count mismatch: " + images.source() + " holds " + images.count() + " images but "
                    + labelSource + " holds " + labels.length + " labels");
        }
        float[][] rows = new float[images.count()][];
        for (int i = 0; i < rows.length; i++) rows[i] = images.image(i);
        return new ImageSet(name, rows, labels, images.rows(), images.columns());
    }

    public int size() {
        return images.length;
    }

    /** Number of classes: the largest label + 1. */
    public int classes() {
        int max = 0;
        for (int y : labels) max = Math.max(max, y);
        return max + 1;
    }
}
