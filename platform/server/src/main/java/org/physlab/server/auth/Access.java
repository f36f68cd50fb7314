package org.physlab.server.auth;

import org.physlab.store.Role;

/**
 * What an endpoint needs of its caller. Each endpoint of the REST API declares one (see
 * {@code Endpoint}); the server refuses a call before it reaches the endpoint when the caller's role
 * falls short.
 */
public enum Access {
    /** No login: logging in itself ({@code POST /api/session}). */
    PUBLIC(null),
    /** Reading anything: viewer, member, admin. */
    READ(Role.VIEWER),
    /** Launching runs: member, admin. */
    LAUNCH(Role.MEMBER),
    /** Tagging and commenting on any run: member, admin. */
    ANNOTATE(Role.MEMBER),
    /** Cancelling or deleting a run: its owner (a member), or an admin; the endpoint checks the owner. */
    OWN_RUN(Role.MEMBER),
    /** Plugins, users, other people's tokens, settings, the audit log: admin. */
    ADMIN(Role.ADMIN);

    private final Role least;

    Access(Role least) {
        this.least = least;
    }

    /** The least role allowed (null for {@link #PUBLIC}). */
    public Role leastRole() {
        return least;
    }

    /** Whether {@code role} may call such an endpoint (the owner check of {@link #OWN_RUN} comes after). */
    public boolean allows(Role role) {
        return least == null || role != null && role.atLeast(least);
    }
}
