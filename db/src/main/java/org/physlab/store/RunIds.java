package org.physlab.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Makes run ids such as {@code 20261123-145501-3fa9}: the UTC date and time of creation and four random
 * hex digits. Short enough to type, sortable by creation second, and unique enough that the store's
 * retry on a collision is rarely needed (65,536 ids per second).
 */
final class RunIds implements Supplier<String> {

    /** What every generated id looks like. */
    static final Pattern FORMAT = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{4}");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final RandomGenerator random;

    RunIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    static RunIds system() {
        return new RunIds(Clock.systemUTC(), new SecureRandom());
    }

    @Override
    public String get() {
        String suffix = HexFormat.of().toHexDigits((short) random.nextInt(1 << 16));
        return STAMP.format(clock.instant()) + "-" + suffix;
    }
}
