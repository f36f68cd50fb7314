package org.physlab.autoencoder.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.autoencoder.latent.LinearProbe;

class AutoencoderTrainerTest {

    /** Rows of 30 groups of 11 one-hot bits (like the SLM encoding) drawn around a few prototype rows. */
    static float[][] oneHotClusters(int rows, int prototypes, long seed, int[] labels) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] proto = new int[prototypes][30];
        for (int[] p : proto) for (int g = 0; g < 30; g++) p[g] = r.nextInt(11);
        float[][] x = new float[rows][330];
        for (int i = 0; i < rows; i++) {
            int c = i % prototypes;
            if (labels != null) labels[i] = c;
            for (int g = 0; g < 30; g++) {
                int v = r.nextDouble() < 0.1 ? r.nextInt(11) : proto[c][g];
                x[i][11 * g + v] = 1f;
            }
        }
        return x;
    }

    private static List<Double> trainLosses(AutoencoderKind kind, long seed, float[][] x) {
        List<Double> losses = new ArrayList<>();
        AutoencoderTrainer.train(AutoencoderArchitecture.talkDense(kind, 330), x, TrainingOptions.of(3).withBatchSize(64), seed,
                (epoch, batch, batches, rec, kl) -> { losses.add(rec); losses.add(kl); }, () -> { });
        return losses;
    }

    @Test
    void theSameSeedGivesIdenticalLossesAndAnotherSeedDifferentOnes() {
        float[][] x = oneHotClusters(256, 4, 3, null);
        for (AutoencoderKind kind : AutoencoderKind.values()) {
            List<Double> a = trainLosses(kind, 42, x);
            List<Double> b = trainLosses(kind, 42, x);
            List<Double> c = trainLosses(kind, 43, x);
            assertEquals(a, b, kind + ": same seed, same losses");
            assertFalse(a.equals(c), kind + ": another seed changes the losses");
        }
    }

    @Test
    void theDenseAutoencoderLearnsToReconstructClusteredOneHotRows() {
        int[] labels = new int[1024];
        float[][] x = oneHotClusters(1024, 4, 5, labels);
        float[][] test = oneHotClusters(256, 4, 5, null);   // the same prototypes and draws (same seed): a subset
        TrainedAutoencoder ae = AutoencoderTrainer.train(AutoencoderArchitecture.talkDense(AutoencoderKind.AE, 330), x,
                TrainingOptions.of(60).withBatchSize(64).withLearningRate(3e-3), 11, TrainingListener.NONE, () -> { });
        double baseline = Losses.meanImageBaseline(x, test);
        double held = ae.evaluate(test).reconstructionLoss();
        assertTrue(held < 0.6 * baseline, "held-out BCE " + held + " vs mean-row baseline " + baseline);
        double[] curve = ae.epochReconstructionLoss();
        assertTrue(curve[curve.length - 1] < 0.5 * curve[0], "training loss falls: " + curve[0] + " -> " + curve[curve.length - 1]);
        // decode(encode(x)) equals reconstruct(x), probabilities in [0, 1]
        float[][] rec = ae.reconstruct(new float[][] {test[0]});
        assertArrayEquals(rec[0], ae.decode(ae.encode(new float[][] {test[0]}))[0]);
        for (float p : rec[0]) assertTrue(p >= 0 && p <= 1);
        assertEquals(0.0, ae.evaluate(test).klLoss());
        // the four prototypes form clusters in the 2-D code: a linear probe reads them off, not random labels
        double[][] codes = ae.encode(x);
        assertTrue(LinearProbe.evaluate(codes, labels, 4, 0.25, 1).testAccuracy() > 0.9);
        int[] shuffled = new SplittableRandom(2).ints(1024, 0, 4).toArray();
        assertTrue(LinearProbe.evaluate(codes, shuffled, 4, 0.25, 1).testAccuracy() < 0.4);
    }

    @Test
    void theVaeReportsAPositiveKlThatTheKlWeightPullsDown() {
        float[][] x = oneHotClusters(512, 4, 9, null);
        TrainingOptions base = TrainingOptions.of(20).withBatchSize(64).withLearningRate(3e-3);
        TrainedAutoencoder weak = AutoencoderTrainer.train(AutoencoderArchitecture.talkDense(AutoencoderKind.VAE, 330), x,
                base.withKlWeight(0.1), 3, TrainingListener.NONE, () -> { });
        TrainedAutoencoder strong = AutoencoderTrainer.train(AutoencoderArchitecture.talkDense(AutoencoderKind.VAE, 330), x,
                base.withKlWeight(10), 3, TrainingListener.NONE, () -> { });
        double klWeak = weak.evaluate(x).klLoss();
        double klStrong = strong.evaluate(x).klLoss();
        assertTrue(klWeak > 0.5, "weakly weighted KL stays away from 0: " + klWeak);
        assertTrue(klStrong < klWeak, "KL weight 10 gives a smaller KL (" + klStrong + ") than weight 0.1 (" + klWeak + ")");
        TrainedAutoencoder.Codes codes = weak.encodeDistribution(x);
        assertEquals(2, codes.mean()[0].length);
        assertEquals(2, codes.logVar()[0].length);
    }

    @Test
    void cancellationStopsTrainingAndTheListenerSeesEveryBatch() {
        float[][] x = oneHotClusters(200, 2, 1, null);
        int[] seen = new int[1];
        RuntimeException stop = new RuntimeException("stop");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> AutoencoderTrainer.train(
                AutoencoderArchitecture.talkDense(AutoencoderKind.AE, 330), x, TrainingOptions.of(5).withBatchSize(50), 1,
                (epoch, batch, batches, rec, kl) -> { seen[0]++; assertEquals(4, batches); },
                () -> { if (seen[0] == 6) throw stop; }));
        assertEquals(stop, thrown);
        assertEquals(6, seen[0]);
    }

    @Test
    void aDivergingRunFailsWithAClearMessage() {
        float[][] x = oneHotClusters(128, 2, 1, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AutoencoderTrainer.train(
                AutoencoderArchitecture.talkDense(AutoencoderKind.VAE, 330), x, TrainingOptions.of(50).withLearningRate(1e6), 1,
                TrainingListener.NONE, () -> { }));
        assertTrue(e.getMessage().contains("training diverged"), e.getMessage());
    }

    @Test
    void rowsOfTheWrongWidthAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoencoderTrainer.train(
                AutoencoderArchitecture.talkDense(AutoencoderKind.AE, 330), new float[][] {new float[330], new float[300]},
                TrainingOptions.of(1), 1, TrainingListener.NONE, () -> { }));
        assertTrue(e.getMessage().contains("row 1 has 300 values, the network expects 330"), e.getMessage());
    }
}
