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
    void gradientWithComplexFeaturesAndThreeHiddenLayersMatchesCentralDifferences() {
        MonomialBasis basis = MonomialBasis.full(2);   // N = 15, 225 outputs
        SplittableRandom random = new SplittableRandom(12);
        int[] hidden = {4, 5, 3};
        HNet net = HNet.initial(PsiFeatures.COMPLEX.size(), basis.size(), hidden, 1e-3, random);
        double[] p = net.parameters();
        for (int i = 0; i < p.length; i++) p[i] += 0.05 * random.nextGaussian();
        ModuliBatch batch = ModuliBatch.draw(basis, 2, 10, 30, random);
        ModuliBatch.Evaluation e = batch.evaluate(net, PsiFeatures.COMPLEX);
        assertEquals(e.loss(), batch.value(net, PsiFeatures.COMPLEX, e.meanEta()), 1e-14 * e.loss());
        // in every layer: the first and last kernel entry, the first and last bias entry; in the input kernel
        // the first weight of each feature row (Re ψ, Im ψ, |ψ|)
        int[] sizes = net.sizes();
        java.util.List<Integer> coordinates = new java.util.ArrayList<>();
        int offset = 0;
        for (int l = 0; l < sizes.length - 1; l++) {
            int kernel = sizes[l] * sizes[l + 1];
            coordinates.addAll(java.util.List.of(offset, offset + kernel - 1, offset + kernel, offset + kernel + sizes[l + 1] - 1));
            if (l == 0) for (int i = 1; i < sizes[0]; i++) coordinates.add(offset + i * sizes[1]);
            offset += kernel + sizes[l + 1];
        }
        assertEquals(p.length, offset);
        double worst = 0;
        for (int k : coordinates) {
            double keep = p[k], h = 1e-5 * Math.max(1, Math.abs(keep));
            p[k] = keep + h;
            double up = batch.value(net, PsiFeatures.COMPLEX, e.meanEta());
            p[k] = keep - h;
            double down = batch.value(net, PsiFeatures.COMPLEX, e.meanEta());
            p[k] = keep;
            double numeric = (up - down) / (2 * h);
            double scale = Math.max(Math.abs(numeric), 1e-3 * maxAbs(e.gradient()));
            worst = Math.max(worst, Math.abs(numeric - e.gradient()[k]) / scale);
        }
        assertTrue(worst < 1e-6, "worst relative deviation " + worst);
        for (int i = 0; i < sizes[0]; i++) {
            assertTrue(Math.abs(e.gradient()[i * sizes[1]]) > 0, "the loss depends on input feature " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> batch.evaluate(net), "a three-input network does not take |ψ| alone");
    }

    @Test
    void complexFeaturesTellConjugatePsiApartWhereTheModulusCannot() {
        var psi = new org.physlab.calabiyau.complex.Complex(3, 4);
        assertEquals(java.util.List.of(5.0), java.util.Arrays.stream(PsiFeatures.ABS.of(psi)).boxed().toList());
        assertEquals(java.util.List.of(3.0, 4.0, 5.0), java.util.Arrays.stream(PsiFeatures.COMPLEX.of(psi)).boxed().toList());
        SplittableRandom random = new SplittableRandom(5);
        HNet net = HNet.initial(3, 4, new int[] {6}, 1e-3, random);
        double[] p = net.parameters();
        for (int i = 0; i < p.length; i++) p[i] += 0.1 * random.nextGaussian();
        double[] at = net.output(PsiFeatures.COMPLEX.of(psi)), atConjugate = net.output(PsiFeatures.COMPLEX.of(psi.conj()));
        assertTrue(maxDifference(at, atConjugate) > 1e-6, "H(ψ) differs from H(conj ψ)");
        assertEquals(PsiFeatures.COMPLEX, PsiFeatures.parse("complex"));
        assertThrows(IllegalArgumentException.class, () -> PsiFeatures.parse("polar"));
        assertThrows(IllegalArgumentException.class, () -> net.output(new double[] {5}));
    }

    @Test
    void savedComplexNetworkRemembersItsFeatures() {
        MonomialBasis basis = MonomialBasis.full(1);
        SplittableRandom random = new SplittableRandom(6);
        HNet net = HNet.initial(3, basis.size(), new int[] {4, 4, 4}, 1e-3, random);
        var artifact = HNetArtifact.of("hnet", "net", net, PsiFeatures.COMPLEX, basis);
        HNetArtifact.Saved saved = HNetArtifact.load(artifact);
        assertEquals(PsiFeatures.COMPLEX, saved.features());
        assertEquals("[3, 4, 4, 4, 25]", java.util.Arrays.toString(saved.net().sizes()));
        assertTrue(java.util.Arrays.equals(net.parameters(), saved.net().parameters()));
        var psi = new org.physlab.calabiyau.complex.Complex(-2, 7);
        assertTrue(java.util.Arrays.equals(net.output(new double[] {-2, 7, psi.abs()}), saved.output(psi)));
        assertThrows(IllegalArgumentException.class, () -> HNetArtifact.of("hnet", "net", net, PsiFeatures.ABS, basis));

        // an artifact written before the features field existed takes |ψ|
        HNet single = HNet.initial(basis.size(), new int[] {2}, 1e-3, random);
        String json = new String(((org.physlab.api.Artifact.FileArtifact) HNetArtifact.of("old", "old", single, basis)).content(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"features\": \"abs\""), json.substring(0, 200));
        String old = json.replace("\"features\": \"abs\", ", "");
        var oldArtifact = new org.physlab.api.Artifact.FileArtifact("old", "old", "application/json", "old.json",
                old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(PsiFeatures.ABS, HNetArtifact.load(oldArtifact).features());
        // a file claiming complex features for a one-input network is refused
        var lying = new org.physlab.api.Artifact.FileArtifact("bad", "bad", "application/json", "bad.json",
                json.replace("\"features\": \"abs\"", "\"features\": \"complex\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> HNetArtifact.load(lying));
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

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
