package org.physlab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A build with the CUDA backend on a machine without a usable GPU must fail at start with a message
 * that says so. The CUDA backend's Java classes (copied to {@code target/cuda-backend} by the build,
 * without their natives, so CUDA cannot load here) go on the class path of a fresh JVM.
 */
class CudaWithoutGpuTest {

    private static final Path CUDA_JARS = Path.of("target", "cuda-backend");

    @BeforeAll
    static void needsTheCudaClassesAndACpuBuild() {
        assumeFalse(isOnClassPath(Nd4jComputeService.CUDA_BACKEND_CLASS), "this is a CUDA build already");
        assumeTrue(Files.isDirectory(CUDA_JARS), "run through Maven, which copies the CUDA backend's classes");
    }

    @Test
    void cudaInsteadOfTheCpuBackendFailsClearly() throws Exception {
        List<String> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("nd4j-native-1.0.0") && !e.contains("nd4j-native-preset")).collect(Collectors.toList());

        String output = initializeInFreshJvm(classPath);

        assertTrue(output.contains("java.lang.IllegalStateException: The CUDA backend (a build with -Pcuda) could not start: "
                + "is there a GPU, the NVIDIA driver and the CUDA 11.x libraries (libcublas.so.11)?"), output);
    }

    @Test
    void cudaBesideTheCpuBackendRefusesTheSilentFallback() throws Exception {
        List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));

        String output = initializeInFreshJvm(classPath);

        assertTrue(output.contains("java.lang.IllegalStateException: The CUDA backend is on the class path (a build with -Pcuda), "
                + "but ND4J fell back to CPU: no usable GPU or CUDA driver was found."), output);
    }

    private static String initializeInFreshJvm(List<String> classPath) throws Exception {
        StringBuilder cp = new StringBuilder(String.join(File.pathSeparator, classPath));
        try (Stream<Path> jars = Files.list(CUDA_JARS)) {
            jars.forEach(j -> cp.append(File.pathSeparator).append(j.toAbsolutePath()));
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp.toString(), ThreadReport.class.getName(), "1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(1, p.exitValue(), output);
        return output;
    }

    private static boolean isOnClassPath(String className) {
        try {
            Class.forName(className, false, CudaWithoutGpuTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
