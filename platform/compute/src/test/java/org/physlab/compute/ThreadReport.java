package org.physlab.compute;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Started by {@link ThreadSettingTest} in a fresh JVM: initializes the service and prints what ND4J reports. */
public final class ThreadReport {
    private ThreadReport() { }

    public static void main(String[] args) {
        Nd4jComputeService service = Nd4jComputeService.initialize(Integer.parseInt(args[0]));
        System.out.println("report backendInfo.threads=" + service.backend().threads());
        System.out.println("report openmp=" + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        System.out.println("report nd4j.masterThreads=" + Nd4j.getEnvironment().maxMasterThreads());
        System.out.println("report nd4j.poolThreads=" + Nd4j.getEnvironment().maxThreads());
        System.out.println("report openblas=" + Nd4j.factory().blas().getMaxThreads());
    }
}
