package org.physlab.oscillator.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.physlab.api.Artifact;
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.nets.plain.AdamSettings;
import org.physlab.oscillator.nets.plain.PlainNetwork;

/**
 * The plain-Java engine against DL4J in float64: from the same weights and batch, the same loss,
 * gradients and first Adam step to rounding; and the DL4J model made from trained plain weights predicts
 * what the plain network predicts.
 */
class PlainTrainerTest {

    private static final double LR = 1e-3;

    static CurveBatch batch(int size, int[] shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int per = 1;
        for (int s : shape) per *= s;
        double[] x = new double[size * per];
        double[] y = new double[size * 3];
        for (int i = 0; i < x.length; i++) x[i] = 2 * r.nextDouble();
        for (int i = 0; i < y.length; i++) y[i] = r.nextDouble(-1, 1);
        return new CurveBatch(size, shape, x, y);
    }

    /**
     * DL4J's Adam puts epsilon outside the bias correction: its step is optax's with epsilon
     * eps / sqrt(1 - b2^t). For step 1 an epsilon of 1e-8 * sqrt(1 - 0.999) in DL4J is optax's 1e-8.
     */
    static void useOptaxEpsilonForTheFirstStep(MultiLayerConfiguration conf) {
        for (int i = 0; i < conf.getConfs().size(); i++) {
            ((BaseLayer) conf.getConf(i).getLayer()).setIUpdater(new Adam(LR, 0.9, 0.999, 1e-8 * Math.sqrt(1 - 0.999)));
        }
    }

    static INDArray features(CurveBatch b) {
        long[] shape = new long[b.shape().length + 1];
        shape[0] = b.size();
        for (int i = 0; i < b.shape().length; i++) shape[i + 1] = b.shape()[i];
        return Nd4j.create(b.inputs(), shape, DataType.DOUBLE);
    }

    static INDArray labels(CurveBatch b) {
        return Nd4j.create(b.targets(), new long[] {b.size(), 3}, DataType.DOUBLE);
    }

    static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": lengths");
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * scale, what + "[" + i + "]");
        }
    }

    /** Loss, every gradient, and the parameters after one Adam step, compared between DL4J and plain Java. */
    static void assertSameStep(MultiLayerConfiguration conf, PlainNetwork<?> plain, CurveBatch data) {
        useOptaxEpsilonForTheFirstStep(conf);
        MultiLayerNetwork dl4j = new MultiLayerNetwork(conf);
        dl4j.init();
        Dl4jWeights.copy(dl4j, plain);

        dl4j.setInput(features(data));
        dl4j.setLabels(labels(data));
        dl4j.computeGradientAndScore();
        double plainLoss = plain.lossAndGradients(data, false);
        assertEquals(dl4j.score(), plainLoss, 1e-13 * plainLoss, "loss");
        Map<String, INDArray> gradients = dl4j.gradient().gradientForVariable();
        for (int layer = 0; layer < plain.layerCount(); layer++) {
            // DL4J's gradient here is the sum over the batch; its updater divides by the batch size before Adam
            double[] w = Dl4jWeights.values(gradients.get(layer + "_W").div(data.size()));
            double[] b = Dl4jWeights.values(gradients.get(layer + "_b").div(data.size()));
            assertClose(w, plain.gradients(layer, false), 1e-12, "layer " + layer + " dL/dW");
            assertClose(b, plain.gradients(layer, true), 1e-12, "layer " + layer + " dL/db");
        }

        double[][] before = new double[plain.layerCount()][];
        for (int layer = 0; layer < plain.layerCount(); layer++) before[layer] = plain.values(layer, false);
        dl4j.fit(features(data), labels(data));
        plain.fit(data);
        for (int layer = 0; layer < plain.layerCount(); layer++) {
            double[] dl4jAfter = Dl4jWeights.values(dl4j.getParam(layer + "_W"));
            double[] plainAfter = plain.values(layer, false);
            double[] dl4jStep = new double[dl4jAfter.length];
            double[] plainStep = new double[dl4jAfter.length];
            for (int i = 0; i < dl4jAfter.length; i++) {
                dl4jStep[i] = dl4jAfter[i] - before[layer][i];
                plainStep[i] = plainAfter[i] - before[layer][i];
            }
            // the steps are ~1e-3; the parameters they are read from ~1: rounding of ~1e-16 / 1e-3
            assertClose(dl4jStep, plainStep, 1e-9, "layer " + layer + " Adam step");
            assertClose(Dl4jWeights.values(dl4j.getParam(layer + "_b")), plain.values(layer, true), 1e-12, "layer " + layer + " biases");
        }
    }

    @Test
    void mlpTakesTheSameStepAsDl4j() {
        MultiLayerConfiguration conf = CurveMlp.configuration(8, new int[] {7, 5}, LR, 0, Precision.FLOAT64, 3);
        PlainNetwork<?> plain = PlainNetwork.mlp(Precision.FLOAT64, 8, new int[] {7, 5}, 0, AdamSettings.of(LR), new SplittableRandom(1));
        assertSameStep(conf, plain, batch(6, new int[] {8}, 4));
    }

    @Test
    void lectureCnnTakesTheSameStepAsDl4j() {
        int[] channels = {30, 30, 30, 10};
        int[] dense = {50};
        MultiLayerConfiguration conf = ForceSweepCnn.configuration(50, 50, channels, dense, LR, Precision.FLOAT64, 5);
        PlainNetwork<?> plain = PlainNetwork.cnn(Precision.FLOAT64, 50, 50, channels, dense, AdamSettings.of(LR), new SplittableRandom(1));
        assertSameStep(conf, plain, batch(3, new int[] {3, 50, 50}, 6));
    }

    @Test
    void theSavedDl4jModelPredictsWhatThePlainNetworkLearnt() {
        for (Precision precision : Precision.values()) {
            NetworkTrainer trainer = ForceSweepCnn.trainer(Engine.JAVA, 31, 35, new int[] {6, 6, 6, 4}, new int[] {8}, 1e-2,
                    precision, 1, new SplittableRandom(2));
            CurveBatch data = batch(8, new int[] {3, 31, 35}, 3);
            for (int i = 0; i < 20; i++) trainer.fit(data);
            double[] plain = trainer.predict(data);
            ParameterNetwork model = trainer.toModel();
            // float64: the same arithmetic to rounding; float32: DL4J's tanh and sums against ours
            double tolerance = precision == Precision.FLOAT64 ? 1e-12 : 2e-5;
            assertClose(plain, model.predict(data), tolerance, precision + " predictions");

            ModelCard card = ModelCard.builder(ModelCard.KIND_IMAGE).put("input.shape", new int[] {3, 31, 35}).build();
            Artifact.FileArtifact file = new TrainedModel(model, card).toArtifact("model", "m.zip");
            assertArrayEquals(model.predict(data), TrainedModel.fromArtifact(file).network().predict(data), 0.0, "reloaded");
        }
    }

    @Test
    void theMlpModelCarriesTheTrainedWeights() {
        NetworkTrainer trainer = CurveMlp.trainer(Engine.JAVA, 12, new int[] {9}, 1e-2, 0, Precision.FLOAT64, 1, new SplittableRandom(4));
        CurveBatch data = batch(10, new int[] {12}, 5);
        double first = trainer.fit(data);
        for (int i = 0; i < 30; i++) trainer.fit(data);
        assertTrue(trainer.fit(data) < first / 2);
        assertClose(trainer.predict(data), trainer.toModel().predict(data), 1e-12, "predictions");
        assertEquals(Engine.JAVA, trainer.engine());
        assertEquals(12 * 9 + 9 + 9 * 3 + 3, trainer.toModel().parameterCount());
    }

    @Test
    void weightsOnlyCopyBetweenNetworksOfTheSameLayers() {
        MultiLayerNetwork dl4j = new MultiLayerNetwork(CurveMlp.configuration(8, new int[] {7}, LR, 0, Precision.FLOAT32, 1));
        dl4j.init();
        PlainNetwork<?> wider = PlainNetwork.mlp(Precision.FLOAT32, 8, new int[] {6}, 0, AdamSettings.of(LR), new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dl4jWeights.copy(wider, dl4j));
        assertTrue(e.getMessage().contains("[8, 6]") && e.getMessage().contains("[8, 7]"), e.getMessage());
        PlainNetwork<?> deeper = PlainNetwork.mlp(Precision.FLOAT32, 8, new int[] {7, 7}, 0, AdamSettings.of(LR), new SplittableRandom(1));
        assertThrows(IllegalArgumentException.class, () -> Dl4jWeights.copy(dl4j, deeper));
    }

    @Test
    void dl4jEngineKeepsBestStateThroughParameters() {
        NetworkTrainer trainer = CurveMlp.trainer(Engine.DL4J, 12, new int[] {9}, 1e-2, 0, Precision.FLOAT32, 1, new SplittableRandom(4));
        CurveBatch data = batch(10, new int[] {12}, 5);
        double[] saved = trainer.parameters();
        double[] before = trainer.predict(data);
        for (int i = 0; i < 5; i++) trainer.fit(data);
        trainer.setParameters(saved);
        assertArrayEquals(before, trainer.predict(data), 0.0);
        assertEquals(Engine.DL4J, trainer.engine());
    }
}
