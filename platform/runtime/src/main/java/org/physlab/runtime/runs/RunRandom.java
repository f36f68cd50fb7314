package org.physlab.runtime.runs;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The random numbers of a run, all derived from its seed.
 *
 * <ul>
 * <li>{@link #main(long)}: {@link SplittableRandom} seeded with the run's seed. Its algorithm is
 *     SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): {@code nextLong()} is
 *     {@code mix64(seed + k·0x9e3779b97f4a7c15)} for k = 1, 2, …, unchanged since Java 8, so the same
 *     seed gives the same numbers on every JVM and machine. {@code RunRandomTest} pins the reference
 *     outputs of the SplitMix64 C implementation to catch a change. {@code nextLong()} and
 *     {@code nextDouble()} follow from the algorithm alone; derived draws ({@code nextGaussian()},
 *     bounded ints) come from the JDK's {@link RandomGenerator} defaults, which are the same on every
 *     JVM of one Java release (Physlab targets Java 17).</li>
 * <li>{@link #stream(long, String)}: a stream of its own per name, seeded with
 *     {@code mix64(seed XOR mix64(FNV-1a-64(UTF-8 bytes of the name)))}; it depends on nothing but the
 *     seed and the name, whatever else the run drew. The test kit's {@code InMemoryRunContext} derives
 *     streams the same way, so a plugin's unit test draws the numbers its platform run draws.</li>
 * <li>{@link #freshSeed()}: a seed for runs that asked for none, below 2<sup>53</sup> so it survives
 *     JSON and JavaScript (which hold numbers as doubles) unchanged.</li>
 * </ul>
 */
public final class RunRandom {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long LARGEST_EXACT_DOUBLE_INTEGER = 1L << 53;

    private RunRandom() { }

    /** The run's own generator. */
    public static RandomGenerator main(long seed) {
        return new SplittableRandom(seed);
    }

    /** An independent stream named {@code name}, positioned at its start. */
    public static RandomGenerator stream(long seed, String name) {
        Objects.requireNonNull(name, "stream name");
        return new SplittableRandom(streamSeed(seed, name));
    }

    /** The seed of the named stream. */
    public static long streamSeed(long seed, String name) {
        return mix64(seed ^ mix64(fnv1a64(name)));
    }

    /** A fresh seed in [0, 2<sup>53</sup>). */
    public static long freshSeed() {
        return ThreadLocalRandom.current().nextLong(LARGEST_EXACT_DOUBLE_INTEGER);
    }

    /** The 64-bit FNV-1a hash of the name's UTF-8 bytes. */
    static long fnv1a64(String name) {
        long h = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64's finalizer (variant 13 of Stafford's mixers), a bijection on 64-bit values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
