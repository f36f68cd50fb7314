package org.physlab.store;

import java.time.Duration;

/**
 * How passwords are hashed and guessing is stopped.
 *
 * @param maxFailedLogins consecutive wrong passwords that lock an account
 * @param lockout         how long a locked account refuses every password
 * @param bcryptCost      log2 of bcrypt's rounds for new hashes (10 or more in service; 4 is bcrypt's least, for tests)
 */
public record LoginPolicy(int maxFailedLogins, Duration lockout, int bcryptCost) {
    public LoginPolicy {
        if (maxFailedLogins < 1) throw new IllegalArgumentException("maxFailedLogins must be at least 1");
        if (lockout == null || lockout.isNegative() || lockout.isZero()) throw new IllegalArgumentException("lockout must be positive");
        if (bcryptCost < 4 || bcryptCost > 31) throw new IllegalArgumentException("bcryptCost must be 4-31, got " + bcryptCost);
    }
}
