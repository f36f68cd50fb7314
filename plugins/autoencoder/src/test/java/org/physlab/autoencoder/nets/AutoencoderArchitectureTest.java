package org.physlab.autoencoder.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.physlab.autoencoder.nets.layers.LayerStack;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.factory.Nd4j;

class AutoencoderArchitectureTest {

    @Test
    void theMnistConvNetworksHaveTheParameterCountsOfTheSlides() {
        AutoencoderArchitecture.Networks ae = AutoencoderArchitecture.mnistConv(AutoencoderKind.AE, 2).initialise(1, 1e-3);
        AutoencoderArchitecture.Networks vae = AutoencoderArchitecture.mnistConv(AutoencoderKind.VAE, 2).initialise(1, 1e-3);
        assertEquals(76_546, ae.encoderParameters());
        assertEquals(78_596, vae.encoderParameters());
        assertEquals(83_841, ae.decoderParameters());
        assertEquals(83_841, vae.decoderParameters());
    }

    @Test
    void theMnistConvShapesAreThoseOfTheSlides() {
        AutoencoderArchitecture.Networks nets = AutoencoderArchitecture.mnistConv(AutoencoderKind.AE, 2).initialise(1, 1e-3);
        LayerStack enc = (LayerStack) nets.encoder();
        assertEquals(java.util.List.of(28 * 28 * 64, 14 * 14 * 64, 12 * 12 * 64, 6 * 6 * 64, 4 * 4 * 64, 2),
                enc.layers().stream().map(l -> l.outputSize()).toList());
        assertEquals(java.util.List.of(3L, 2L), java.util.Arrays.stream(enc.output(Nd4j.rand(DataType.FLOAT, 3, 784)).shape()).boxed().toList());
        LayerStack dec = (LayerStack) nets.decoder();
        assertEquals(java.util.List.of(7 * 7 * 64, 14 * 14 * 64, 28 * 28 * 64, 28 * 28),
                dec.layers().stream().map(l -> l.outputSize()).toList());
        assertEquals(java.util.List.of(3L, 784L), java.util.Arrays.stream(dec.output(Nd4j.rand(DataType.FLOAT, 3, 2)).shape()).boxed().toList());
    }

    @Test
    void theTalksDenseSlmNetworkHas11302Plus11630Parameters() {
        // 330*32+32 + 32*16+16 + 16*8+8 + 8*4+4 + 4*2+2 = 11,302; mirror 2*4+4 + ... + 32*330+330 = 11,630
        AutoencoderArchitecture.Networks ae = AutoencoderArchitecture.talkDense(AutoencoderKind.AE, 330).initialise(7, 1e-3);
        assertEquals(11_302, ae.encoderParameters());
        assertEquals(11_630, ae.decoderParameters());
        AutoencoderArchitecture.Networks vae = AutoencoderArchitecture.talkDense(AutoencoderKind.VAE, 330).initialise(7, 1e-3);
        assertEquals(11_302 + 10, vae.encoderParameters());   // the last layer gives 4 outputs (mu, log sigma^2)
    }

    @Test
    void hiddenDenseLayersUseLeakyReluWithSlopePointTwo() {
        var conf = AutoencoderArchitecture.talkDense(AutoencoderKind.AE, 330).encoderConfiguration(1, 1e-3);
        DenseLayer first = (DenseLayer) conf.getConf(0).getLayer();
        ActivationLReLU act = (ActivationLReLU) first.getActivationFn();
        assertEquals(0.2, act.getAlpha(), 0.0);
        assertTrue(AutoencoderArchitecture.talkDense(AutoencoderKind.VAE, 330).describe().contains("330-32-16-8-4-2"));
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AutoencoderArchitecture.mnistConv(AutoencoderKind.AE, 0));
        assertThrows(IllegalArgumentException.class, () -> AutoencoderArchitecture.dense(AutoencoderKind.AE, 10, new int[] {4, 0}, 2));
        assertEquals(AutoencoderKind.VAE, AutoencoderKind.parse(" VAE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoencoderKind.parse("gan"));
        assertTrue(e.getMessage().contains("expected ae or vae"));
    }
}
