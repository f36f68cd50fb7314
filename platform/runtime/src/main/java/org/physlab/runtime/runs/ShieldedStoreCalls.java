package org.physlab.runtime.runs;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs store calls that a run's own threads ask for (storing and loading artifacts) on internal
 * threads, and waits for them without being interruptible.
 *
 * <p>Why: cancelling a run interrupts its thread, and an interrupt that lands while a thread is inside
 * an embedded H2 write closes H2's file channel; the write fails and the database has to be reopened
 * under every other user. Store work therefore never runs on a thread a cancel may interrupt. An
 * interrupt that arrives while the caller waits is kept (the flag is set again on return), so the run
 * still sees it.
 */
final class ShieldedStoreCalls implements AutoCloseable {
    private final ExecutorService threads;

    ShieldedStoreCalls(int threadCount) {
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "physlab-store-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    <T> T call(Supplier<T> work) {
        Future<T> future = threads.submit(work::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
