package org.physlab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.api.BackendInfo;

class Nd4jComputeServiceTest {

    @Test
    void initializesTheCpuBackendAndDescribesIt() {
        BackendInfo info = Nd4jComputeService.initialize(1).backend();

        assertEquals("CPU", info.backend());
        assertFalse(info.accelerator());
        assertEquals(1, info.devices().size(), "one CPU device: " + info.devices());
        assertTrue(info.devices().get(0).matches(".+ \\(\\d+ cores?\\)"), info.devices().get(0));
        assertTrue(info.blas().matches("OpenBLAS \\d+\\.\\d+\\.\\d+.*"), info.blas());
        assertTrue(info.threads() >= 1);
        assertEquals("FLOAT", info.dataType());
        assertEquals("1.0.0-M2.1", info.version());
    }

    @Test
    void honoursOmpNumThreadsWhenTheOperatorSetIt() {
        String omp = System.getenv("OMP_NUM_THREADS");   // surefire sets 1 (see the parent pom)
        org.junit.jupiter.api.Assumptions.assumeTrue(omp != null, "OMP_NUM_THREADS is not set");
        assertEquals(Integer.parseInt(omp.trim()), Nd4jComputeService.initialize(1).backend().threads());
    }

    @Test
    void aSecondInitializeReturnsTheSameService() {
        Nd4jComputeService first = Nd4jComputeService.initialize(1);
        assertSame(first, Nd4jComputeService.initialize(8));
    }

    @Test
    void javaThreadsShareTheCores() {
        int javaThreads = Nd4jComputeService.initialize(1).javaThreads();
        assertTrue(javaThreads >= 1 && javaThreads <= Runtime.getRuntime().availableProcessors(), "javaThreads " + javaThreads);
    }

    @Test
    void multipliesMatrices() {
        Nd4jComputeService.initialize(1);
        INDArray a = Nd4j.create(new double[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.create(new double[][] {{5, 6}, {7, 8}});

        INDArray product = a.mmul(b);

        assertArrayEquals(new double[][] {{19, 22}, {43, 50}}, product.toDoubleMatrix());
    }
}
