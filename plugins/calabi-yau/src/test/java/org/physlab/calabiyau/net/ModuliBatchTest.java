package org.physlab.calabiyau.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.basis.MonomialBasis;

class ModuliBatchTest {

    /** A small network with every parameter nonzero (the tutorial's zero final kernel would hide the hidden layers). */
    private static HNet randomNet(int n, SplittableRandom random) {
        HNet net = HNet.initial(n, new int[] {3, 4}, 1e-3, random);
        double[] p = net.parameters();
        for (int i = 0; i < p.length; i++) p[i] += 0.05 * random.nextGaussian();
        return net;
    }

    @Test
    void gradientOfTheBatchLossMatchesCentralDifferencesForEveryLayer() {
        MonomialBasis basis = MonomialBasis.full(2);   // N = 15, 225 outputs
        SplittableRandom random = new SplittableRandom(11);
        HNet net = randomNet(basis.size(), random);
        ModuliBatch batch = ModuliBatch.draw(basis, 2, 10, 30, random);
        ModuliBatch.Evaluation e = batch.evaluate(net);
        assertEquals(e.loss(), batch.value(net, e.meanEta()), 1e-14 * e.loss());
        double[] p = net.parameters();
        // coordinates in each layer: kernel 1, bias 1, kernel 2, bias 2, final kernel, final bias
        int[] coordinates = {0, 2, 4, 5, 8, 10, 20, 22, 30, 40, 60, 200, 1000, p.length - 300, p.length - 1};
        double worst = 0;
        for (int k : coordinates) {
            double keep = p[k], h = 1e-5 * Math.max(1, Math.abs(keep));
            p[k] = keep + h;
            double up = batch.value(net, e.meanEta());
            p[k] = keep - h;
            double down = batch.value(net, e.meanEta());
            p[k] = keep;
            double numeric = (up - down) / (2 * h);
            double scale = Math.max(Math.abs(numeric), 1e-3 * maxAbs(e.gradient()));
            worst = Math.max(worst, Math.abs(numeric - e.gradient()[k]) / scale);
        }
        assertTrue(worst < 1e-6, "worst relative deviation " + worst);
    }

    @Test
    void atInitialisationTheNetworkGivesTheSameHermitianParametersForEveryPsi() {
        HNet net = HNet.initial(5, new int[] {100, 100}, 1e-3, new SplittableRandom(1));
        assertEquals(HNet.parameterCount(1, 100, 100, 25), net.parameters().length);
        assertEquals(134_025, HNet.parameterCount(1, 100, 100, 1225), "the tutorial's parameter count");
        double[] near = net.output(0.5), far = net.output(80);
        for (int i = 0; i < near.length; i++) assertEquals(near[i], far[i], 0.0);
        for (int i = 0; i < 5; i++) assertEquals(1, near[i], 0.01, "diagonal ≈ 1");
        for (int i = 5; i < 25; i++) assertEquals(0, near[i], 0.0, "off-diagonal 0");
    }

    @Test
    void drawnPsiLieInsideTheDisk() {
        SplittableRandom random = new SplittableRandom(3);
        ModuliBatch batch = ModuliBatch.draw(MonomialBasis.full(1), 50, 2.5, 5, random);
        for (var psi : batch.psis()) assertTrue(psi.abs() <= 2.5, psi.toString());
        assertThrows(IllegalArgumentException.class, () -> ModuliBatch.draw(MonomialBasis.full(1), 4, 0, 5, random));
        assertThrows(IllegalArgumentException.class, () -> ModuliBatch.draw(MonomialBasis.full(1), 4, 10, 0, random));
        assertThrows(IllegalArgumentException.class, () -> ModuliBatch.draw(MonomialBasis.full(1), 0, 10, 5, random));
    }

    @Test
    void savedNetworkReadsBackBitForBit() {
        MonomialBasis basis = MonomialBasis.full(1);
        HNet net = randomNet(basis.size(), new SplittableRandom(4));
        HNet back = HNetArtifact.read(HNetArtifact.of("hnet", "net", net, basis));
        assertEquals(java.util.Arrays.toString(net.sizes()), java.util.Arrays.toString(back.sizes()));
        assertTrue(java.util.Arrays.equals(net.parameters(), back.parameters()));
        assertThrows(IllegalArgumentException.class, () -> HNetArtifact.of("hnet", "net", net, MonomialBasis.full(2)));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
