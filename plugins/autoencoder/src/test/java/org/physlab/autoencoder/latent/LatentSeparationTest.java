package org.physlab.autoencoder.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The probe and the silhouette on synthetic 2-D codes whose answer is known. */
class LatentSeparationTest {

    /** 10 Gaussian blobs of width {@code spread} on a circle of radius 10; label = blob. */
    private static double[][] blobs(int n, double spread, int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(10);
            labels[i] = c;
            double phi = 2 * Math.PI * c / 10;
            x[i] = new double[] {10 * Math.cos(phi) + spread * gauss(r), 10 * Math.sin(phi) + spread * gauss(r)};
        }
        return x;
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void separatedBlobsGiveANearPerfectProbeAndAHighSilhouette() {
        int[] y = new int[2000];
        double[][] x = blobs(2000, 0.5, y, 1);
        LinearProbe.Result r = LinearProbe.evaluate(x, y, 10, 0.25, 7);
        assertEquals(500, r.testSize());
        assertTrue(r.testAccuracy() > 0.97, "probe on separated blobs: " + r);
        assertTrue(Silhouette.score(x, y) > 0.8, "silhouette " + Silhouette.score(x, y));
    }

    @Test
    void randomLabelsOnOneCloudGiveChanceAccuracyAndASilhouetteNearZero() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[2000][];
        int[] y = new int[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {gauss(r), gauss(r)};
            y[i] = r.nextInt(10);
        }
        LinearProbe.Result res = LinearProbe.evaluate(x, y, 10, 0.25, 7);
        assertTrue(res.testAccuracy() < 0.2, "probe on random labels: " + res);
        assertTrue(res.chanceAccuracy() > 0.09 && res.chanceAccuracy() < 0.2, res.toString());
        double s = Silhouette.score(x, y);
        assertTrue(Math.abs(s) < 0.1, "silhouette of random labels " + s);
    }

    @Test
    void theSilhouetteOfFourPointsOnALineMatchesTheHandComputation() {
        // A = {0, 1}, B = {4, 5}: s(0) = (4.5 - 1) / 4.5, s(1) = (3.5 - 1) / 3.5, the same for B by symmetry
        double[][] x = {{0}, {1}, {4}, {5}};
        double expected = ((4.5 - 1) / 4.5 + (3.5 - 1) / 3.5) / 2;
        assertEquals(expected, Silhouette.score(x, new int[] {0, 0, 1, 1}), 1e-12);
        assertEquals(expected, Silhouette.score(x, new int[] {0, 0, 1, 1}, 10, 1), 1e-12);
    }

    @Test
    void theProbeIsDeterministicAndItsInputsAreChecked() {
        int[] y = new int[400];
        double[][] x = blobs(400, 3, y, 5);
        assertEquals(LinearProbe.evaluate(x, y, 10, 0.3, 1), LinearProbe.evaluate(x, y, 10, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> LinearProbe.fit(x, new int[3], 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearProbe.fit(new double[][] {{0}, {1}}, new int[] {0, 12}, 10));
        assertTrue(e.getMessage().contains("label 12 of row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Silhouette.score(x, new int[400]));   // one class only
    }
}
