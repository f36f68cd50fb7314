package org.physlab.vertexmesh.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.physlab.vertexmesh.sensitivity.CancellationCheck;
import org.physlab.vertexmesh.sensitivity.EnergyParameters;
import org.physlab.vertexmesh.sensitivity.MetaGradient;
import org.physlab.vertexmesh.sensitivity.SensitivityMethod;
import org.physlab.vertexmesh.sensitivity.UnrolledRelaxation;

/**
 * Evaluates the meta-gradient of every copy in a batch in parallel on a small fixed pool of threads and
 * averages them. Each copy's computation is independent and sequential, and the mean is summed in batch
 * order after all copies finish, so the result does not depend on thread timing. If one copy fails
 * (e.g. the relaxation blew up), the others are stopped at their next check and the failure of the
 * lowest-numbered copy is rethrown. Close it to release the threads.
 */
public final class BatchEvaluator implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    /** A pool of {@code threads} worker threads (1: everything runs on the caller's thread). */
    public BatchEvaluator(int threads) {
        if (threads < 1) throw new IllegalArgumentException("at least one thread is needed, got " + threads);
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "vertex-mesh-batch-" + id + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            this.pool = Executors.newFixedThreadPool(threads, factory);
        }
    }

    /**
     * One thread per copy, at most {@link #THREADS_PER_PROCESSOR} per available processor. More threads than
     * cores is deliberate: with 3 copies on 2 cores, a pool of 2 would run the third copy alone after the
     * first two (2 relaxation times), while 3 threads let the cores share all three (1.5 relaxation times).
     */
    public static BatchEvaluator forBatch(int batchSize) {
        int cap = THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
        return new BatchEvaluator(Math.max(1, Math.min(batchSize, cap)));
    }

    /** The most worker threads {@link #forBatch} starts per available processor. */
    public static final int THREADS_PER_PROCESSOR = 2;

    public int threads() {
        return threads;
    }

    /**
     * The mean meta-loss and gradient over {@code batch} (initial vertex arrays of one connectivity).
     *
     * @param cancellation checked by every worker during its inner loop
     */
    public BatchMetaGradient evaluate(SensitivityMethod method, UnrolledRelaxation relaxation, List<double[]> batch,
                                      EnergyParameters parameters, CancellationCheck cancellation) {
        if (batch.isEmpty()) throw new IllegalArgumentException("the batch is empty");
        List<MetaGradient> results = new ArrayList<>(batch.size());
        if (pool == null) {
            for (double[] v0 : batch) results.add(method.metaGradient(relaxation, v0, parameters, cancellation));
        } else {
            results.addAll(inParallel(method, relaxation, batch, parameters, cancellation));
        }
        int p = relaxation.learned().size();
        double loss = 0;
        double[] gradient = new double[p];
        for (MetaGradient r : results) {
            loss += r.loss();
            for (int j = 0; j < p; j++) gradient[j] += r.gradient()[j];
        }
        loss /= results.size();
        for (int j = 0; j < p; j++) gradient[j] /= results.size();
        return new BatchMetaGradient(loss, gradient, results);
    }

    private List<MetaGradient> inParallel(SensitivityMethod method, UnrolledRelaxation relaxation, List<double[]> batch,
                                          EnergyParameters parameters, CancellationCheck cancellation) {
        AtomicBoolean abort = new AtomicBoolean();
        CancellationCheck check = () -> {
            if (abort.get()) throw new Aborted();
            cancellation.check();
        };
        List<Future<MetaGradient>> futures = new ArrayList<>(batch.size());
        for (double[] v0 : batch) {
            futures.add(pool.submit(() -> method.metaGradient(relaxation, v0, parameters, check)));
        }
        List<MetaGradient> results = new ArrayList<>(batch.size());
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<MetaGradient> f : futures) {
            while (true) {
                try {
                    results.add(f.get());
                    break;
                } catch (ExecutionException e) {
                    abort.set(true);
                    if (failure == null && !(e.getCause() instanceof Aborted)) failure = e.getCause();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting so no worker outlives this call, and stop them at their next check
                    interrupted = true;
                    abort.set(true);
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error err) throw err;
        if (failure != null) throw new IllegalStateException(failure.getMessage(), failure);
        if (interrupted) throw new IllegalStateException("interrupted while evaluating the batch");
        return results;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }

    /** Thrown in the other workers once one has failed. */
    private static final class Aborted extends RuntimeException {
        Aborted() {
            super("stopped because another copy of the batch failed", null, false, false);
        }
    }
}
