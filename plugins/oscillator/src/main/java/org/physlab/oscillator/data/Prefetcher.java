package org.physlab.oscillator.data;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Produces items 0, 1, 2, … of a sequence ahead of their use, on one background thread, so that
 * simulating the next training batch overlaps with training on the current one. Items are produced
 * strictly in order on that one thread, so a producer that draws from its own random stream gives the
 * same items as it would inline. With {@code depth} 0 everything runs on the caller's thread.
 *
 * @param <T> the item type
 */
public final class Prefetcher<T> implements AutoCloseable {
    private final IntFunction<T> producer;
    private final int count;
    private final ExecutorService thread;
    private final Deque<Future<T>> pending = new ArrayDeque<>();
    private int submitted;
    private int taken;
    private long producerNanos;

    /**
     * @param count    how many items there are
     * @param depth    how many items may be produced ahead (0: none, everything inline)
     * @param producer makes item i; called once per i, in increasing i
     */
    public Prefetcher(int count, int depth, String threadName, IntFunction<T> producer) {
        this.producer = producer;
        this.count = count;
        if (depth > 0) {
            this.thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            while (submitted < Math.min(count, depth)) submitNext();
        } else {
            this.thread = null;
        }
    }

    private void submitNext() {
        int i = submitted++;
        pending.addLast(thread.submit(() -> timed(i)));
    }

    private T timed(int i) {
        long t0 = System.nanoTime();
        T item = producer.apply(i);
        synchronized (this) {
            producerNanos += System.nanoTime() - t0;
        }
        return item;
    }

    public boolean hasNext() {
        return taken < count;
    }

    /** The next item, waiting for it if it is not ready; rethrows what the producer threw. */
    public T next() {
        if (!hasNext()) throw new NoSuchElementException("all " + count + " items taken");
        if (thread == null) return timed(taken++);
        Future<T> f = pending.pollFirst();
        taken++;
        if (submitted < count) submitNext();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for data", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** Time spent producing items so far, in seconds (on whichever thread produced them). */
    public synchronized double producerSeconds() {
        return producerNanos / 1e9;
    }

    @Override
    public void close() {
        if (thread != null) {
            pending.forEach(f -> f.cancel(true));
            thread.shutdownNow();
        }
    }
}
