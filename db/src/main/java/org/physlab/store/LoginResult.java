package org.physlab.store;

import java.time.Instant;

/**
 * The outcome of a password login. A wrong password and an unknown user give the same
 * {@link Outcome#REFUSED}, so the answer does not tell which names exist.
 *
 * @param user        the user logged in (for {@link Outcome#OK} only)
 * @param lockedUntil until when the account is locked (for {@link Outcome#LOCKED} only)
 */
public record LoginResult(Outcome outcome, UserAccount user, Instant lockedUntil) {

    public enum Outcome { OK, REFUSED, LOCKED }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    static LoginResult ok(UserAccount user) {
        return new LoginResult(Outcome.OK, user, null);
    }

    static LoginResult refused() {
        return new LoginResult(Outcome.REFUSED, null, null);
    }

    static LoginResult locked(Instant until) {
        return new LoginResult(Outcome.LOCKED, null, until);
    }
}
