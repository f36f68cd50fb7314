package org.physlab.runtime;

import java.time.Duration;
import org.physlab.store.LoginPolicy;

/**
 * Logins and their limits ({@code physlab.auth.*}). Off by default: a single user on this machine, and
 * the server bound to loopback only. With auth enabled every REST call and web page needs a login or an
 * API token, and the server may bind to other interfaces.
 *
 * @param enabled             {@code physlab.auth.enabled}: users, roles and tokens are enforced
 * @param sessionTimeout      {@code physlab.auth.sessionTimeoutMinutes}: an idle web session ends after this (default 30 min)
 * @param maxFailedLogins     {@code physlab.auth.maxFailedLogins}: consecutive wrong passwords that lock an account (default 5)
 * @param lockout             {@code physlab.auth.lockoutMinutes}: how long a locked account stays locked (default 15 min)
 * @param bcryptCost          {@code physlab.auth.bcryptCost}: log2 of bcrypt's rounds for new password hashes (default 12, at least 10;
 *                            tests may set 4)
 */
public record AuthSettings(boolean enabled, Duration sessionTimeout, int maxFailedLogins, Duration lockout, int bcryptCost) {

    /** The defaults, with auth off. */
    public static final AuthSettings DISABLED = new AuthSettings(false, Duration.ofMinutes(30), 5, Duration.ofMinutes(15), 12);

    public AuthSettings {
        if (sessionTimeout == null || sessionTimeout.toMinutes() < 1) {
            throw new IllegalArgumentException("physlab.auth.sessionTimeoutMinutes must be at least 1");
        }
        if (maxFailedLogins < 1) throw new IllegalArgumentException("physlab.auth.maxFailedLogins must be at least 1");
        if (lockout == null || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("physlab.auth.lockoutMinutes must be positive");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("physlab.auth.bcryptCost must be 4-31 (10 or more outside tests), got " + bcryptCost);
        }
    }

    /** How the user directory hashes passwords and locks accounts under these settings. */
    public LoginPolicy loginPolicy() {
        return new LoginPolicy(maxFailedLogins, lockout, bcryptCost);
    }
}
