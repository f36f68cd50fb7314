package org.physlab.compute;

import java.util.Objects;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.physlab.api.BackendInfo;
import org.physlab.api.ComputeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one ND4J backend. {@link #initialize} must run on the host's main thread before
 * Felix starts: ND4J captures the thread context class loader on first use, and if that is a
 * bundle's class loader, backend discovery fails until the JVM restarts.
 *
 * <h2>Threads</h2>
 * {@code initialize(maxConcurrentRuns)} gives each run an equal share of the cores:
 * {@code max(1, cores / maxConcurrentRuns)} native threads per ND4J operation, or the value of the
 * {@code OMP_NUM_THREADS} environment variable when the operator set one. The share is applied to
 * all three places ND4J's CPU backend parallelises: OpenMP ({@code setOmpNumThreads}), ND4J's own
 * thread pool (its "master threads", which can lower but never raise the pool size fixed at load
 * time) and OpenBLAS ({@code blas_set_num_threads}). Each setting is read back, and a mismatch is
 * logged as a warning. {@link #javaThreads()} uses the same share, for the same reason: runs that
 * execute at once should not oversubscribe the cores.
 *
 * <h2>CUDA</h2>
 * When the CUDA backend is on the class path (a build with {@code -Pcuda}) but no usable GPU, driver
 * or CUDA 11 library is present, {@code initialize} fails with an {@link IllegalStateException}
 * saying so rather than silently falling back to the CPU: an operator who built for a GPU would
 * otherwise get CPU timings without noticing. Build without {@code -Pcuda} for the CPU backend.
 */
public final class Nd4jComputeService implements ComputeService {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jComputeService.class);

    /** The class that exists only when the CUDA backend is on the class path. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    private static Nd4jComputeService instance;

    private final BackendInfo backend;
    private final int javaThreads;

    private Nd4jComputeService(BackendInfo backend, int javaThreads) {
        this.backend = backend;
        this.javaThreads = javaThreads;
    }

    /**
     * Touches ND4J (loading the backend chosen at build time), applies the OpenMP thread count and
     * reports what it found. Calling it again returns the service of the first call, whatever
     * {@code maxConcurrentRuns} says (the native thread pool cannot be resized).
     *
     * @param maxConcurrentRuns how many runs may execute at once (to share the cores among them)
     * @throws IllegalArgumentException if {@code maxConcurrentRuns < 1} or {@code OMP_NUM_THREADS}
     *         is not a positive whole number
     * @throws IllegalStateException with a clear message if the backend cannot load (e.g. CUDA without a GPU)
     */
    public static synchronized Nd4jComputeService initialize(int maxConcurrentRuns) {
        if (instance != null) {
            return instance;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadBudget budget = ThreadBudget.of(System.getenv(ThreadBudget.OMP_NUM_THREADS), cores, maxConcurrentRuns);
        boolean cudaOnClassPath = isPresent(CUDA_BACKEND_CLASS);

        loadBackend(cudaOnClassPath);
        applyThreads(budget.nativeThreads());
        BackendInfo info = BackendInspector.inspect();
        if (cudaOnClassPath && !info.accelerator()) {
            throw new IllegalStateException("The CUDA backend is on the class path (a build with -Pcuda), but ND4J fell back to "
                    + info.backend() + ": no usable GPU or CUDA driver was found. Install the NVIDIA driver and CUDA 11.x "
                    + "libraries, or use a build without -Pcuda for the CPU backend.");
        }
        LOG.info("ND4J {} on {} {}, {}, {} native thread(s) per operation{}, default data type {}",
                info.version(), info.backend(), info.devices(), info.blas(), info.threads(),
                budget.fromEnvironment() ? " (from OMP_NUM_THREADS)" : " (" + cores + " cores / " + maxConcurrentRuns + " runs)",
                info.dataType());
        instance = new Nd4jComputeService(info, budget.javaThreads());
        return instance;
    }

    @Override
    public BackendInfo backend() {
        return backend;
    }

    /**
     * {@code max(1, cores / maxConcurrentRuns)}: the same share of the cores as ND4J's native threads,
     * so that runs executing at once do not oversubscribe the machine. Unlike the native count it
     * ignores {@code OMP_NUM_THREADS}, which is about native libraries only.
     */
    @Override
    public int javaThreads() {
        return javaThreads;
    }

    /** First touch of ND4J, with this module's class loader as the thread context class loader. */
    private static void loadBackend(boolean cudaOnClassPath) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Nd4jComputeService.class.getClassLoader());
        try {
            Objects.requireNonNull(Nd4j.getBackend(), "ND4J found no backend");
            Nd4j.create(new double[] {1.0, 2.0}).sumNumber();
        } catch (RuntimeException | LinkageError e) {
            String what = cudaOnClassPath
                    ? "The CUDA backend (a build with -Pcuda) could not start: is there a GPU, the NVIDIA driver and the CUDA 11.x "
                            + "libraries (libcublas.so.11)? Use a build without -Pcuda for the CPU backend."
                    : "The ND4J CPU backend could not start: are nd4j-native and its linux-x86_64 natives on the class path?";
            throw new IllegalStateException(what + " Cause: " + rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void applyThreads(int threads) {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        ops.setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        boolean cpu = Nd4j.getEnvironment().isCPU();
        if (cpu) {
            Nd4j.factory().blas().setMaxThreads(threads);
        }
        int omp = ops.ompGetMaxThreads();
        int master = Nd4j.getEnvironment().maxMasterThreads();
        int blas = cpu ? Nd4j.factory().blas().getMaxThreads() : threads;
        if (omp != threads || master != threads || blas != threads) {
            LOG.warn("asked ND4J for {} native thread(s) per operation but it reports OpenMP {}, pool {} (of {}), BLAS {}; "
                            + "set OMP_NUM_THREADS before the JVM starts to size the pool",
                    threads, omp, master, Nd4j.getEnvironment().maxThreads(), blas);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Nd4jComputeService.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
