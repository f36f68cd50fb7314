package org.physlab.store;

import java.time.Instant;

/**
 * A user of a server with logins (never with the password hash).
 *
 * @param failedLogins consecutive wrong passwords since the last good one or the last lock-out
 * @param lockedUntil  until when every password is refused, or null
 */
public record UserAccount(String name, Role role, int failedLogins, Instant lockedUntil, Instant createdAt) {

    /** Whether the account is locked at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
