package org.physlab.server.auth;

import java.util.Objects;
import org.physlab.store.Role;

/**
 * Who makes a request: a logged-in user (by password session or API token) with their role, or, on a
 * server without logins, the single local user, who may do everything.
 *
 * @param name          the user, recorded as the owner of the runs they launch and the actor in the audit log
 * @param role          their role
 * @param authenticated false for the single local user of a server without logins
 */
public record Caller(String name, Role role, boolean authenticated) {

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The user of a server without logins ({@code physlab.user}): every action is allowed. */
    public static Caller singleUser(String name) {
        return new Caller(name, Role.ADMIN, false);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may cancel or delete a run owned by {@code owner}: their own as a member, any as admin. */
    public boolean mayChangeRunOf(String owner) {
        return isAdmin() || role.atLeast(Role.MEMBER) && name.equals(owner);
    }
}
