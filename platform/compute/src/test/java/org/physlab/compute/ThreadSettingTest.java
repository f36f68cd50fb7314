package org.physlab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks in a fresh JVM without {@code OMP_NUM_THREADS} (where ND4J would use every core) that
 * {@link Nd4jComputeService#initialize} really lowers the thread counts ND4J, OpenMP and OpenBLAS use.
 */
class ThreadSettingTest {

    @Test
    void lowersTheNativeThreadsToTheShareOfOneRun() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(cores >= 2, "with one core there is nothing to lower");

        // as many runs as cores: each run gets one thread, whereas ND4J's own default is every core
        Map<String, String> report = runFreshJvm(cores);

        assertEquals("1", report.get("backendInfo.threads"), report.toString());
        assertEquals("1", report.get("openmp"), report.toString());
        assertEquals("1", report.get("nd4j.masterThreads"), report.toString());
        assertEquals("1", report.get("openblas"), report.toString());
        assertEquals(String.valueOf(cores), report.get("nd4j.poolThreads"), "the pool itself keeps one thread per core");
    }

    private static Map<String, String> runFreshJvm(int maxConcurrentRuns) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ThreadReport.class.getName(), String.valueOf(maxConcurrentRuns));
        pb.environment().remove("OMP_NUM_THREADS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("report ")).toList();
        return lines.stream().map(l -> l.substring("report ".length()).split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }
}
